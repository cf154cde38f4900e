import { describe, expect, it } from 'vitest';
import { aggregateSlices, isGoodSlice, sliceDurationMs } from '../../src/domain/timeslices.ts';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 6, 1);

describe('aggregateSlices (OpenSLO Timeslices: the window cut into slices of length w)', () => {
  it('rows in the same slice add up; a slice without events is missing', () => {
    const slices = aggregateSlices(
      [
        { startMs: T0 + 10_000, good: 40, total: 50 }, // 00:00:10 → slice 0
        { startMs: T0 + 40_000, good: 50, total: 50 }, // 00:00:40 → slice 0
        { startMs: T0 + 2 * MINUTE, good: 0, total: 0 }, // slice 2: no events
        { startMs: T0 + MINUTE, good: 7, total: 10 }, // slice 1
      ],
      { anchorMs: T0, windowMs: MINUTE, clipEndMs: T0 + 90 * MINUTE },
    );
    // slice 0: 40 + 50 = 90 of 50 + 50 = 100
    expect(slices).toEqual([
      { startMs: T0, endMs: T0 + MINUTE, good: 90, total: 100 },
      { startMs: T0 + MINUTE, endMs: T0 + 2 * MINUTE, good: 7, total: 10 },
    ]);
  });

  it('slices before the anchor are numbered backwards and stay aligned', () => {
    const [s] = aggregateSlices([{ startMs: T0 - 30_000, good: 1, total: 1 }], {
      anchorMs: T0,
      windowMs: MINUTE,
      clipEndMs: T0 + MINUTE,
    });
    expect(s?.startMs).toBe(T0 - MINUTE);
  });

  it('the last slice stops at the period end when w does not divide the period', () => {
    // A 90-minute period in 60-minute slices: the second slice is 30 minutes long.
    const slices = aggregateSlices([{ startMs: T0 + 70 * MINUTE, good: 1, total: 1 }], {
      anchorMs: T0,
      windowMs: 60 * MINUTE,
      clipEndMs: T0 + 90 * MINUTE,
    });
    expect(slices.map(sliceDurationMs)).toEqual([30 * MINUTE]);
  });
});

describe('isGoodSlice (ratio ≥ target)', () => {
  it.each([
    ['95 of 100 against 95% is good (the boundary is inclusive)', 95, 100, 0.95, true],
    ['94 of 100 against 95% is bad', 94, 100, 0.95, false],
    ['19 of 20 against 95% is good', 19, 20, 0.95, true],
    ['999 of 1,000 against 99.9% is good', 999, 1000, 0.999, true],
  ])('%s', (_name, good, total, target, expected) => {
    expect(isGoodSlice({ startMs: 0, endMs: MINUTE, good, total }, target)).toBe(expected);
  });
});
