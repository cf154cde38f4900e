/**
 * Timeslices (SPEC §6.2; OpenSLO v1 spec, budgetingMethod Timeslices and RatioTimeslices): the
 * period is cut into slices of length w, aligned to the quarter's start; each slice sums the rows
 * whose timestamp it contains. A slice with no rows, or no events, is missing: it is neither good
 * nor bad and does not count towards attainment.
 */
import type { Bucket } from './bucket.ts';

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
export function aggregateSlices(buckets: Iterable<Bucket>, anchorMs: number, windowMs: number, clipEndMs: number): Slice[] {
  const byIndex = new Map<number, { good: number; total: number }>();
  for (const b of buckets) {
    const index = Math.floor((b.startMs - anchorMs) / windowMs);
    const s = byIndex.get(index);
    if (s === undefined) byIndex.set(index, { good: b.good, total: b.total });
    else {
      s.good += b.good;
      s.total += b.total;
    }
  }
  const slices: Slice[] = [];
  for (const index of [...byIndex.keys()].sort((a, b) => a - b)) {
    const s = byIndex.get(index);
    if (s === undefined || !(s.total > 0)) continue;
    const startMs = anchorMs + index * windowMs;
    slices.push({ startMs, endMs: Math.min(startMs + windowMs, Math.max(clipEndMs, startMs)), good: s.good, total: s.total });
  }
  return slices;
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
