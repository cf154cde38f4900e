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

/** Exact counts in the narrowest typed array that holds them (ingest picks the kind). */
export type CountColumn = Uint8Array | Uint16Array | Uint32Array | Float64Array;

/**
 * An SLO's rows as columns, sorted by start (rows with the same start keep their input order):
 * what ingest hands the domain, with no object per row (issue 10). The starts are kept as runs of
 * even spacing, `[first start, step, count]` triples: an export with a fixed step is one run per
 * gap-free stretch, so a year of one-minute rows costs its counts and a few numbers.
 */
export interface BucketColumns {
  readonly length: number;
  readonly runs: Float64Array;
  readonly good: CountColumn;
  readonly total: CountColumn;
  /** A threshold SLI's measured value per row (NaN where a row had none); absent for counts. */
  readonly values?: Float64Array;
}

/** Some rows with their starts written out: what a quarter or a chart window folds over. */
export interface RowColumns {
  readonly length: number;
  readonly startMs: Float64Array;
  readonly good: CountColumn;
  readonly total: CountColumn;
  readonly values?: Float64Array;
}

/** Rows as ingest gives them (columns), or as a list of buckets in any order (tests, small inputs). */
export type BucketSeries = BucketColumns | readonly Bucket[];

/** Sorted starts as runs of even spacing (each run as long as the spacing holds). */
export function runsOf(starts: ArrayLike<number>): Float64Array {
  const runs: number[] = [];
  for (let i = 0; i < starts.length;) {
    const first = starts[i] as number;
    const step = i + 1 < starts.length ? (starts[i + 1] as number) - first : 0;
    let n = 1;
    while (i + n < starts.length && (starts[i + n] as number) === first + n * step) n++;
    runs.push(first, n === 1 ? 0 : step, n);
    i += n;
  }
  return Float64Array.from(runs);
}

/** The series as sorted columns; a list is sorted once, ties keeping their order. */
export function toBucketColumns(series: BucketSeries): BucketColumns {
  if (!Array.isArray(series)) return series as BucketColumns;
  const sorted = sortBuckets(series as readonly Bucket[]);
  return {
    length: sorted.length,
    runs: runsOf(sorted.map((b) => b.startMs)),
    good: Float64Array.from(sorted, (b) => b.good),
    total: Float64Array.from(sorted, (b) => b.total),
    ...(sorted.some((b) => b.value !== undefined)
      ? { values: Float64Array.from(sorted, (b) => b.value ?? Number.NaN) }
      : {}),
  };
}

/** The first row's start, or undefined without rows. */
export function firstStart(c: BucketColumns): number | undefined {
  return c.length === 0 ? undefined : c.runs[0];
}

/** The last row's start, or undefined without rows. */
export function lastStart(c: BucketColumns): number | undefined {
  const r = c.runs.length - 3;
  if (c.length === 0 || r < 0) return undefined;
  return (c.runs[r] as number) + ((c.runs[r + 2] as number) - 1) * (c.runs[r + 1] as number);
}

/**
 * The rows starting in `[fromMs, toMs)`, their starts written out for that range only; the counts
 * are views of the series' arrays, not copies.
 */
export function rowsBetween(c: BucketColumns, fromMs: number, toMs: number): RowColumns {
  const { runs } = c;
  let lo = -1;
  let hi = 0;
  let k = 0;
  // Runs are in order: find the index of the first row at or after fromMs and of the first at or after toMs.
  for (let r = 0; r < runs.length && k < c.length; r += 3) {
    const first = runs[r] as number;
    const step = runs[r + 1] as number;
    const n = runs[r + 2] as number;
    const last = first + (n - 1) * step;
    if (lo < 0 && last >= fromMs)
      lo = k + (first >= fromMs || step <= 0 ? 0 : Math.ceil((fromMs - first) / step));
    if (last < toMs) hi = k + n;
    else {
      hi = k + (first >= toMs || step <= 0 ? 0 : Math.ceil((toMs - first) / step));
      break;
    }
    k += n;
  }
  if (lo < 0) lo = c.length;
  hi = Math.max(lo, hi);
  const startMs = new Float64Array(hi - lo);
  k = 0;
  for (let r = 0; r < runs.length && k < hi; r += 3) {
    const first = runs[r] as number;
    const step = runs[r + 1] as number;
    const n = runs[r + 2] as number;
    for (let j = Math.max(0, lo - k); j < n && k + j < hi; j++) startMs[k + j - lo] = first + j * step;
    k += n;
  }
  return {
    length: hi - lo,
    startMs,
    good: c.good.subarray(lo, hi),
    total: c.total.subarray(lo, hi),
    ...(c.values ? { values: c.values.subarray(lo, hi) } : {}),
  };
}

/** Every row's start, written out. */
export function startsOf(c: BucketColumns): Float64Array {
  return rowsBetween(c, -Infinity, Infinity).startMs;
}

/** The rows as objects: for a handful of rows only (a chart's window), never a whole series. */
export function bucketList(rows: RowColumns | BucketColumns): Bucket[] {
  const c = 'runs' in rows ? rowsBetween(rows, -Infinity, Infinity) : rows;
  return Array.from({ length: c.length }, (_, i) => {
    const value = c.values?.[i];
    return {
      startMs: c.startMs[i] as number,
      good: c.good[i] as number,
      total: c.total[i] as number,
      ...(value === undefined || Number.isNaN(value) ? {} : { value }),
    };
  });
}
