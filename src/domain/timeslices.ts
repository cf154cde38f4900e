/**
 * Timeslices (SPEC §6.2; OpenSLO v1 spec, budgetingMethod Timeslices and RatioTimeslices): the
 * period is cut into slices of length w, aligned to the quarter's start; each slice sums the rows
 * whose timestamp it contains. A slice with no rows, or no events, is missing: it is neither good
 * nor bad and does not count towards attainment.
 */
import type { Bucket } from './bucket.ts';
import { sortBuckets } from './bucket.ts';

export interface Slice {
  startMs: number;
  /** startMs + w, cut short at the period's end when w does not divide it. */
  endMs: number;
  good: number;
  total: number;
}

/**
 * The slices with data among `buckets`, oldest first. Slices are numbered from `anchorMs`
 * (negative before it), so the same row always lands in the same slice whatever else is passed.
 */
export function aggregateSlices(
  buckets: readonly Bucket[],
  slicing: { anchorMs: number; windowMs: number; clipEndMs: number },
): Slice[] {
  const { anchorMs, windowMs, clipEndMs } = slicing;
  const slices: Slice[] = [];
  let current: Slice | undefined;
  for (const b of sortBuckets(buckets)) {
    const startMs = anchorMs + Math.floor((b.startMs - anchorMs) / windowMs) * windowMs;
    if (current === undefined || current.startMs !== startMs) {
      current = {
        startMs,
        endMs: Math.min(startMs + windowMs, Math.max(clipEndMs, startMs)),
        good: 0,
        total: 0,
      };
      slices.push(current);
    }
    current.good += b.good;
    current.total += b.total;
  }
  return slices.filter((s) => s.total > 0);
}

/**
 * A slice is good when good/total ≥ target. Division, not target · total: both sides are then the
 * nearest double to the true ratio, so 95 of 100 against 0.95 compares equal.
 */
export function isGoodSlice(slice: Slice, target: number): boolean {
  return slice.good / slice.total >= target;
}

/** The slice's length in ms. */
export function sliceDurationMs(slice: Slice): number {
  return slice.endMs - slice.startMs;
}
