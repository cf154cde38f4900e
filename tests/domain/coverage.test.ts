import { describe, expect, it } from 'vitest';
import {
  computeCoverage,
  countCoveredSteps,
  countSteps,
  isIncomplete,
  findRowGaps,
} from '../../src/domain/coverage.ts';

const HOUR = 3_600_000;

describe('countSteps', () => {
  it.each([
    ['ten hours hold ten hourly steps', 0, 10 * HOUR, HOUR, 10],
    ['ten and a half hours hold eleven, the last partial', 0, 10.5 * HOUR, HOUR, 11],
    ['an empty period holds none', 5, 5, HOUR, 0],
  ])('%s', (_name, from, to, step, expected) => {
    expect(countSteps(from, to, step)).toBe(expected);
  });
});

describe('countCoveredSteps', () => {
  it('two rows in the same hour cover one step', () => {
    expect(countCoveredSteps([0, HOUR / 2, 2 * HOUR], 0, HOUR)).toBe(2);
  });

  it('daily rows at Los Angeles midnights across the change to summer time (9 March 2025) cover every day', () => {
    // 8 March 00:00 PST is 08:00Z; 9 March 00:00 PST is 08:00Z; 10 March 00:00 PDT is 07:00Z:
    // 23 hours after the row before it, yet the next day.
    const rows = [
      Date.UTC(2025, 2, 8, 8),
      Date.UTC(2025, 2, 9, 8),
      Date.UTC(2025, 2, 10, 7),
      Date.UTC(2025, 2, 11, 7),
    ];
    expect(countCoveredSteps(rows, Date.UTC(2025, 2, 8, 8), 24 * HOUR)).toBe(4);
  });
});

describe('coverage and the 90% line (SPEC §6.2)', () => {
  it.each([
    ['9 of 10 is exactly 90%: not incomplete', 9, 10, 0.9, false],
    ['8 of 10 is incomplete', 8, 10, 0.8, true],
    ['10 of 10 is full', 10, 10, 1, false],
    ['nothing expected yet is 0 and incomplete', 0, 0, 0, true],
  ])('%s', (_name, covered, expected, coverage, incomplete) => {
    expect(computeCoverage(covered, expected)).toBe(coverage);
    expect(isIncomplete(covered, expected)).toBe(incomplete);
  });
});

describe('findRowGaps: where an SLO has no rows', () => {
  const DAY = 86_400_000;
  const JAN1 = Date.UTC(2025, 0, 1);
  it.each([
    // 10 days, rows on days 0, 1, 5 and 9: days 2–4 and 6–8 missing; 4 of 10 covered, longest gap days 2–5.
    ['rows on 4 of 10 days', [0, 1, 5, 9], 10, { covered: 4, expected: 10, coverage: 0.4, gap: [2, 5] }],
    // Every day has its row: nothing missing.
    ['a row every day', [0, 1, 2, 3], 4, { covered: 4, expected: 4, coverage: 1, gap: null }],
    // Nothing before day 3 (3 days) and nothing after it (days 4–7, 4 days): the tail is the longer gap.
    [
      'a gap at the start and a longer one at the end',
      [3],
      8,
      { covered: 1, expected: 8, coverage: 1 / 8, gap: [4, 8] },
    ],
  ])('%s', (_name, days, spanDays, want) => {
    const r = findRowGaps(
      days.map((d) => JAN1 + d * DAY),
      { stepMs: DAY, fromMs: JAN1, toMs: JAN1 + spanDays * DAY },
    );
    expect({ covered: r.covered, expected: r.expected, coverage: r.coverage }).toEqual({
      covered: want.covered,
      expected: want.expected,
      coverage: want.coverage,
    });
    expect(r.longestGap).toEqual(
      want.gap === null ? null : { startMs: JAN1 + want.gap[0]! * DAY, endMs: JAN1 + want.gap[1]! * DAY },
    );
  });

  it('misses nothing across a daylight-saving change: London midnights 23 hours apart are consecutive days', () => {
    // 30 March 2025: clocks go forward in London; local midnight is 00:00Z on the 30th, 23:00Z on the 30th for the 31st.
    const starts = [Date.UTC(2025, 2, 29), Date.UTC(2025, 2, 30), Date.UTC(2025, 2, 30, 23)];
    const r = findRowGaps(starts, { stepMs: DAY, fromMs: starts[0]!, toMs: Date.UTC(2025, 2, 31, 23) });
    expect(r).toEqual({ covered: 3, expected: 3, coverage: 1, longestGap: null });
  });
});
