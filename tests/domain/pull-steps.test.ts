import { describe, expect, it } from 'vitest';
import { pullRange, rowCounts, splitRange, wholeCount } from '../../src/domain/pull-steps.ts';

const M5 = 300_000;
const T = Date.parse('2026-03-02T00:00:00Z');

describe('pull steps', () => {
  it.each([
    // [lastRowT, fromMs, toMs, firstT, endT]
    [
      'a new file starts at the default, rounded up to a step',
      undefined,
      undefined,
      T + 4 * M5 + 1,
      T + M5,
      T + 4 * M5,
    ],
    [
      'rows already there: the last one is fetched again',
      T + 2 * M5,
      undefined,
      T + 3 * M5 + 1,
      T + 2 * M5,
      T + 3 * M5,
    ],
    ['--from wins over the last row', T + 2 * M5, T, T + 3 * M5, T, T + 3 * M5],
    ['a step that has not ended by --to is not asked for', undefined, T, T + M5 + 299_999, T, T + M5],
  ] as const)('%s', (_, lastRowT, fromMs, toMs, firstT, endT) => {
    expect(pullRange({ stepMs: M5, lastRowT, fromMs, defaultFromMs: T + 60_000, toMs })).toEqual({
      firstT,
      endT,
    });
  });

  it('a range of 12 steps under a limit of 5 points is 5 + 5 + 2', () => {
    const pieces = splitRange({ firstT: T, endT: T + 12 * M5 }, M5, 5);
    expect(pieces.map((p) => (p.endT - p.firstT) / M5)).toEqual([5, 5, 2]);
    expect(pieces[0]?.firstT).toBe(T);
    expect(pieces[2]?.endT).toBe(T + 12 * M5);
  });

  it('one day of 5m steps fits in one piece of 11,000 points', () => {
    expect(splitRange({ firstT: T, endT: T + 288 * M5 }, M5)).toHaveLength(1);
  });

  it.each([
    [352.3333333333333, 352],
    [2.5, 3],
    [599.9999999999999, 600],
    [-1, 0],
    [Number.NaN, 0],
  ])('the count %s is written %s', (value, count) => {
    expect(wholeCount(value)).toBe(count);
  });

  it('rounding never puts the numerator above the total (10.6 of 10.4 → 10 of 10)', () => {
    expect(rowCounts(10.6, 10.4)).toEqual({ numerator: 10, total: 10 });
  });
});
