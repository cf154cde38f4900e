import { describe, expect, it } from 'vitest';
import { projectConsumption } from '../../src/domain/projection.ts';

const DAY = 86_400_000;
// A 90-day quarter, 45 days elapsed; the budget spans the whole quarter unless said otherwise.
const base = { endMs: 90 * DAY, asOfMs: 45 * DAY, spanMs: 90 * DAY, exhaustedSinceMs: null };

describe('projectConsumption (SPEC §6.2: C + burnRate · the share of the quarter still to come)', () => {
  it.each([
    // 0.25 + 0.5 × 45/90 = 0.5; never runs out
    ['a budget a quarter spent at half time ends half spent', 0.25, 0.5, 0.5, null],
    // 0.6 + 1.2 × 45/90 = 1.2; the remaining 0.4 lasts 0.4 × 90 d / 1.2 = 30 d → day 75
    ['a budget burning at 1.2 runs out on day 75', 0.6, 1.2, 1.2, 75 * DAY],
    // 0.5 + 1 × 45/90 = 1: it runs out exactly at the end, which counts
    ['a budget burning at exactly 1 runs out at the quarter end', 0.5, 1, 1, 90 * DAY],
    // An occurrence budget in progress is extrapolated to the quarter, so C = 0.4 at a burn rate of
    // 0.8 half way through: 0.4 + 0.8 × 45/90 = 0.8, the burn rate itself.
    ['an event budget burning at 0.8 ends 80% spent', 0.4, 0.8, 0.8, null],
  ] as const)('%s', (_name, consumed, burnRate, consumedAtEnd, exhaustsAtMs) => {
    const p = projectConsumption({ ...base, consumed, burnRate });
    expect(p.consumedAtEnd).toBeCloseTo(consumedAtEnd, 12);
    expect(p.exhaustsAtMs).toBe(exhaustsAtMs);
  });

  it('a time budget with 30 days of missing slices spans 60 days: 0.5 + 1 × 45/60 = 1.25, out on day 75', () => {
    // (1 − 0.5) × 60 d / 1 = 30 d after day 45
    const p = projectConsumption({ ...base, spanMs: 60 * DAY, consumed: 0.5, burnRate: 1 });
    expect(p.consumedAtEnd).toBeCloseTo(1.25, 12);
    expect(p.exhaustsAtMs).toBe(75 * DAY);
  });

  it('an already exhausted budget reports since when', () => {
    const p = projectConsumption({ ...base, consumed: 1.5, burnRate: 3, exhaustedSinceMs: 30 * DAY });
    expect(p).toEqual({ consumedAtEnd: 3, exhaustsAtMs: 30 * DAY });
  });
});
