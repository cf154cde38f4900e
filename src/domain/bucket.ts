/**
 * One aggregated SLI row (SPEC §5): the counts of `[startMs, startMs + step)`. A row belongs to
 * the slice, day and quarter that contains its startMs.
 */
export interface Bucket {
  startMs: number;
  good: number;
  total: number;
  /** A threshold SLI's measured value for the step, e.g. its p99 latency in ms; absent for counts. */
  value?: number;
}

export interface EventCounts {
  good: number;
  total: number;
}

/** Σgood and Σtotal. */
export function sumBuckets(buckets: Iterable<Bucket>): EventCounts {
  let good = 0;
  let total = 0;
  for (const b of buckets) {
    good += b.good;
    total += b.total;
  }
  return { good, total };
}

/** Buckets sorted by startMs; ties keep their order. */
export function sortBuckets(buckets: readonly Bucket[]): Bucket[] {
  return [...buckets].sort((a, b) => a.startMs - b.startMs);
}
