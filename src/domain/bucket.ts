/**
 * One aggregated SLI row (SPEC §5): the counts of `[startMs, startMs + step)`. A row belongs to
 * the slice, day and quarter that contains its startMs.
 */
export interface Bucket {
  startMs: number;
  good: number;
  total: number;
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

/** Exact counts in the narrowest typed array that holds them (ingest picks the kind). */
export type CountColumn = Uint8Array | Uint16Array | Uint32Array | Float64Array;

/**
 * An SLO's rows as columns, sorted by startMs (rows with the same start keep their input order):
 * what ingest hands the domain, with no object per row (issue 10). Row i counts
 * `[startMs[i], startMs[i] + step)`.
 */
export interface BucketColumns {
  readonly length: number;
  readonly startMs: Float64Array;
  readonly good: CountColumn;
  readonly total: CountColumn;
}

/** Rows as ingest gives them (columns), or as a list of buckets in any order (tests, small inputs). */
export type BucketSeries = BucketColumns | readonly Bucket[];

/** The series as sorted columns; a list is sorted once, ties keeping their order. */
export function toBucketColumns(series: BucketSeries): BucketColumns {
  if (!Array.isArray(series)) return series as BucketColumns;
  const sorted = sortBuckets(series as readonly Bucket[]);
  const n = sorted.length;
  const startMs = new Float64Array(n);
  const good = new Float64Array(n);
  const total = new Float64Array(n);
  sorted.forEach((b, i) => {
    startMs[i] = b.startMs;
    good[i] = b.good;
    total[i] = b.total;
  });
  return { length: n, startMs, good, total };
}

/** The index of the first row starting at or after `t` (binary search over sorted starts). */
export function firstRowFrom(startMs: Float64Array, t: number, lo = 0, hi = startMs.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((startMs[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The rows starting in `[fromMs, toMs)`, as views of the same arrays (no copy). */
export function rowsBetween(c: BucketColumns, fromMs: number, toMs: number): BucketColumns {
  const lo = firstRowFrom(c.startMs, fromMs);
  const hi = Math.max(lo, firstRowFrom(c.startMs, toMs, lo));
  return {
    length: hi - lo,
    startMs: c.startMs.subarray(lo, hi),
    good: c.good.subarray(lo, hi),
    total: c.total.subarray(lo, hi),
  };
}

/** The rows as objects: for a handful of rows only (a chart's window), never a whole series. */
export function bucketList(c: BucketColumns): Bucket[] {
  return Array.from({ length: c.length }, (_, i) => ({
    startMs: c.startMs[i] as number,
    good: c.good[i] as number,
    total: c.total[i] as number,
  }));
}
