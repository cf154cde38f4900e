import { describe, expect, it } from 'vitest';
import { projectConsumption } from '../../src/domain/projection.ts';

const DAY = 86_400_000;
// A 90-day quarter, 45 days elapsed.
const base = { startMs: 0, endMs: 90 * DAY, asOfMs: 45 * DAY, exhaustedSinceMs: null };

describe('projectConsumption (SPEC §6.2)', () => {
  it.each([
    // 0.25 + 0.5 × 45/90 = 0.5; never runs out
    ['a time budget a quarter spent at half time ends half spent', 'time', 0.25, 0.5, 0.5, null],
    // 0.6 + 1.2 × 45/90 = 1.2; the remaining 0.4 lasts 0.4 × 90 d / 1.2 = 30 d → day 75
    ['a time budget burning at 1.2 runs out on day 75', 'time', 0.6, 1.2, 1.2, 75 * DAY],
    // 0.5 + 1 × 45/90 = 1: it runs out exactly at the end, which counts
    ['a time budget burning at exactly 1 runs out at the quarter end', 'time', 0.5, 1, 1, 90 * DAY],
    // an event budget grows with traffic: C_end = C
    ['an event budget ends where it is', 'events', 0.8, 0.8, 0.8, null],
  ] as const)('%s', (_name, kind, consumed, burnRate, consumedAtEnd, exhaustsAtMs) => {
    const p = projectConsumption({ ...base, kind, consumed, burnRate });
    expect(p.consumedAtEnd).toBeCloseTo(consumedAtEnd, 12);
    expect(p.exhaustsAtMs).toBe(exhaustsAtMs);
  });

  it('an already exhausted budget reports since when', () => {
    const p = projectConsumption({
      ...base,
      kind: 'time',
      consumed: 1.5,
      burnRate: 3,
      exhaustedSinceMs: 30 * DAY,
    });
    expect(p).toEqual({ consumedAtEnd: 3, exhaustsAtMs: 30 * DAY });
  });
});
