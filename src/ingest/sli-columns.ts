/**
 * Compact storage for an SLO's buckets while files are read: three doubles per bucket (start,
 * good, total) in fixed-size typed-array chunks, so that a year of one-minute rows of ten series
 * costs 24 bytes a bucket, grows without copying, and moves between threads without cloning.
 */

/** Buckets per chunk; a chunk is one Float64Array of [start, good, total] triples (384 KiB). */
export const CHUNK_BUCKETS = 16_384;

export interface ChunkedBuckets {
  chunks: Float64Array<ArrayBuffer>[];
  /** Buckets in all chunks. */
  count: number;
}

export function createChunkedBuckets(): ChunkedBuckets {
  return { chunks: [], count: 0 };
}

export function appendBucket(c: ChunkedBuckets, startMs: number, good: number, total: number): void {
  const at = c.count % CHUNK_BUCKETS;
  let chunk: Float64Array<ArrayBuffer> | undefined;
  if (at === 0) {
    chunk = new Float64Array(CHUNK_BUCKETS * 3);
    c.chunks.push(chunk);
  } else {
    chunk = c.chunks[c.chunks.length - 1];
  }
  if (chunk === undefined) return;
  const i = at * 3;
  chunk[i] = startMs;
  chunk[i + 1] = good;
  chunk[i + 2] = total;
  c.count++;
}

/** b's buckets after a's, keeping read order (a was read before b). */
export function concatChunked(a: ChunkedBuckets, b: ChunkedBuckets): ChunkedBuckets {
  if (a.count % CHUNK_BUCKETS === 0) return { chunks: [...a.chunks, ...b.chunks], count: a.count + b.count };
  const out: ChunkedBuckets = { chunks: [...a.chunks], count: a.count };
  forEachBucket(b, (s, g, t) => appendBucket(out, s, g, t));
  return out;
}

export function forEachBucket(c: ChunkedBuckets, f: (startMs: number, good: number, total: number) => void): void {
  let left = c.count;
  for (const chunk of c.chunks) {
    const n = Math.min(left, CHUNK_BUCKETS);
    for (let i = 0; i < n * 3; i += 3) f(chunk[i] ?? 0, chunk[i + 1] ?? 0, chunk[i + 2] ?? 0);
    left -= n;
  }
}

/** Sorted, duplicate-free buckets of one SLO: what the cache stores and the report reads. */
export interface BucketColumns {
  startMs: Float64Array;
  good: Float64Array;
  total: Float64Array;
}

export function emptyColumns(): BucketColumns {
  return { startMs: new Float64Array(0), good: new Float64Array(0), total: new Float64Array(0) };
}

export type DuplicateRule = 'error' | 'sum' | 'last';

export interface SortedBuckets {
  columns: BucketColumns;
  /** Start times that occurred more than once under the `error` rule; the first row was kept. */
  duplicates: number[];
}

/**
 * Read order → sorted by start, with duplicates resolved by the rule. Exports are usually in
 * order (or newest first), which is checked in one pass before anything is sorted.
 */
export function sortBuckets(c: ChunkedBuckets, rule: DuplicateRule): SortedBuckets {
  const n = c.count;
  const start = new Float64Array(n);
  const good = new Float64Array(n);
  const total = new Float64Array(n);
  let k = 0;
  forEachBucket(c, (s, g, t) => {
    start[k] = s;
    good[k] = g;
    total[k] = t;
    k++;
  });
  c.chunks.length = 0;
  return sortColumns({ startMs: start, good, total }, null, rule).sorted;
}

/**
 * Sorts columns in place or into new arrays, stable on ties, and resolves equal starts. `source`
 * (optional) says which file each bucket came from, to name both places of a duplicate.
 */
export function sortColumns(
  cols: BucketColumns,
  source: Uint16Array | null,
  rule: DuplicateRule,
): { sorted: SortedBuckets; duplicatePairs: { startMs: number; first: number; second: number }[] } {
  const n = cols.startMs.length;
  let increasing = true;
  let decreasing = true;
  for (let i = 1; i < n && (increasing || decreasing); i++) {
    const d = (cols.startMs[i] ?? 0) - (cols.startMs[i - 1] ?? 0);
    if (d <= 0) increasing = false;
    if (d >= 0) decreasing = false;
  }
  if (increasing) return { sorted: { columns: cols, duplicates: [] }, duplicatePairs: [] };
  if (decreasing && source === null) {
    cols.startMs.reverse();
    cols.good.reverse();
    cols.total.reverse();
    return { sorted: { columns: cols, duplicates: [] }, duplicatePairs: [] };
  }
  // Stable: ties keep read order, so `last` takes the later row and `error` keeps the first.
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const s = cols.startMs;
  order.sort((a, b) => (s[a] ?? 0) - (s[b] ?? 0) || a - b);
  const outStart = new Float64Array(n);
  const outGood = new Float64Array(n);
  const outTotal = new Float64Array(n);
  const duplicates: number[] = [];
  const pairs: { startMs: number; first: number; second: number }[] = [];
  let m = 0;
  let firstOfRun = -1;
  for (let j = 0; j < n; j++) {
    const i = order[j] ?? 0;
    const start = s[i] ?? 0;
    if (m > 0 && outStart[m - 1] === start) {
      if (rule === 'sum') {
        outGood[m - 1] = (outGood[m - 1] ?? 0) + (cols.good[i] ?? 0);
        outTotal[m - 1] = (outTotal[m - 1] ?? 0) + (cols.total[i] ?? 0);
      } else if (rule === 'last') {
        outGood[m - 1] = cols.good[i] ?? 0;
        outTotal[m - 1] = cols.total[i] ?? 0;
      } else {
        if (duplicates[duplicates.length - 1] !== start) duplicates.push(start);
        if (source !== null) pairs.push({ startMs: start, first: source[firstOfRun] ?? 0, second: source[i] ?? 0 });
      }
      continue;
    }
    firstOfRun = i;
    outStart[m] = start;
    outGood[m] = cols.good[i] ?? 0;
    outTotal[m] = cols.total[i] ?? 0;
    m++;
  }
  return {
    sorted: { columns: { startMs: outStart.slice(0, m), good: outGood.slice(0, m), total: outTotal.slice(0, m) }, duplicates },
    duplicatePairs: pairs,
  };
}

/**
 * One SLO's buckets from several files (each already sorted) as one sorted set. Files come in
 * path order, so under `last` a later file wins; under `error` each clash names both files.
 */
export function mergeColumns(parts: readonly BucketColumns[], rule: DuplicateRule) {
  if (parts.length === 1 && parts[0] !== undefined) return { columns: parts[0], clashes: [] };
  const n = parts.reduce((sum, p) => sum + p.startMs.length, 0);
  const all: BucketColumns = { startMs: new Float64Array(n), good: new Float64Array(n), total: new Float64Array(n) };
  const source = new Uint16Array(n);
  let at = 0;
  parts.forEach((p, file) => {
    all.startMs.set(p.startMs, at);
    all.good.set(p.good, at);
    all.total.set(p.total, at);
    source.fill(file, at, at + p.startMs.length);
    at += p.startMs.length;
  });
  const { sorted, duplicatePairs } = sortColumns(all, source, rule);
  return { columns: sorted.columns, clashes: duplicatePairs };
}
