/**
 * Compact storage for an SLO's buckets: `[start, good, total]` triples of doubles in a list of
 * typed arrays, 24 bytes a bucket. The list grows without copying, its arrays move between
 * threads without cloning, joining two lists is free, and an export that is already in order
 * (the usual case) is never copied again after it is read.
 *
 * A threshold SLI (SPEC §5: "p99_ms ≤ 300") keeps one more column beside the counts: the measured
 * value of each step, as a double, so that the pages can say what was measured, not only whether
 * it passed. Count SLIs carry no such column and pay nothing for it.
 */

import type { BucketColumns } from '../../domain/bucket.ts';

/** Buckets in a chunk being filled; a chunk is one Float64Array of triples (384 KiB). */
export const CHUNK_BUCKETS = 16_384;

/** Buckets as triples; each array holds `length / 3` of them, in order. */
export interface PackedBuckets {
  chunks: Float64Array<ArrayBuffer>[];
  count: number;
  /** A threshold SLI's measured values, one chunk per chunk of triples, one value a bucket. */
  values?: Float64Array<ArrayBuffer>[];
}

/**
 * Buckets as a range of a file is read: starts as runs of even spacing (a sorted export with a
 * fixed step is one run), counts as `[good, total]` pairs in Uint32 chunks until a value needs a
 * double (a fraction, or 2³² or more), when they widen to Float64. 8 bytes a bucket while reading.
 */
export interface RawBuckets {
  /** `[first start, step, length]` triples; a step ≤ 0 means the rows were not in order. */
  runs: Float64Array<ArrayBuffer>;
  counts: (Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>)[];
  count: number;
  /** A threshold SLI's measured values, one chunk per counts chunk, one value a bucket; else null. */
  values: Float64Array<ArrayBuffer>[] | null;
}

export interface BucketBuilder {
  runs: number[];
  last: number;
  wide: boolean;
  sealed: (Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>)[];
  current: Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer> | null;
  /** Buckets in `current`. */
  fill: number;
  count: number;
  /** Measured values beside the counts chunks (threshold SLIs only): sealed ones, then the current one. */
  values: Float64Array<ArrayBuffer>[] | null;
}

export function createBucketBuilder(withValues = false): BucketBuilder {
  return {
    runs: [],
    last: 0,
    wide: false,
    sealed: [],
    current: null,
    fill: 0,
    count: 0,
    values: withValues ? [] : null,
  };
}

function widen(b: BucketBuilder): void {
  b.wide = true;
  b.sealed = b.sealed.map((c) => Float64Array.from(c));
  if (b.current !== null) b.current = Float64Array.from(b.current);
}

export function appendBucket(
  b: BucketBuilder,
  startMs: number,
  good: number,
  total: number,
  value = Number.NaN,
): void {
  const r = b.runs;
  const n = r.length;
  const length = r[n - 1] ?? 0;
  if (n === 0) r.push(startMs, 0, 1);
  else if (length === 1) {
    r[n - 2] = startMs - b.last;
    r[n - 1] = 2;
  } else if (startMs - b.last === r[n - 2]) r[n - 1] = length + 1;
  else r.push(startMs, 0, 1);
  b.last = startMs;
  b.count++;

  if (!b.wide && (good >>> 0 !== good || total >>> 0 !== total)) widen(b);
  let chunk = b.current;
  if (chunk === null || b.fill === CHUNK_BUCKETS) {
    if (chunk !== null) b.sealed.push(chunk);
    chunk = b.current = b.wide ? new Float64Array(CHUNK_BUCKETS * 2) : new Uint32Array(CHUNK_BUCKETS * 2);
    b.fill = 0;
    b.values?.push(new Float64Array(CHUNK_BUCKETS));
  }
  chunk[b.fill * 2] = good;
  chunk[b.fill * 2 + 1] = total;
  const values = b.values?.[b.values.length - 1];
  if (values !== undefined) values[b.fill] = value;
  b.fill++;
}

/** The buckets appended so far; the last chunk is cut to its filled part (a view, not a copy). */
export function sealBuckets(b: BucketBuilder): RawBuckets {
  const counts = b.current === null ? b.sealed : [...b.sealed, b.current.subarray(0, b.fill * 2)];
  const values =
    b.values === null || b.values.length === 0
      ? b.values
      : [
          ...b.values.slice(0, -1),
          (b.values[b.values.length - 1] as Float64Array<ArrayBuffer>).subarray(0, b.fill),
        ];
  return { runs: Float64Array.from(b.runs), counts, count: b.count, values };
}

/** Raw parts of one file, in read order → sorted compact buckets, duplicates resolved by the rule. */
export function finishRaw(
  parts: readonly RawBuckets[],
  rule: DuplicateRule,
): { buckets: CompactBuckets; duplicates: number[] } {
  let sorted = true;
  let prevEnd = -Infinity;
  for (const p of parts) {
    for (let r = 0; r < p.runs.length && sorted; r += 3) {
      const first = p.runs[r] ?? 0;
      const step = p.runs[r + 1] ?? 0;
      const n = p.runs[r + 2] ?? 0;
      if (first <= prevEnd || (n > 1 && step <= 0)) sorted = false;
      prevEnd = first + (n - 1) * step;
    }
  }
  if (!sorted) {
    const packed = unpackRaw(parts);
    const result = sortPacked([packed], rule);
    return { buckets: compactBuckets(result.buckets), duplicates: result.duplicates };
  }
  // In order already: the runs stand, the counts move to the narrowest exact arrays.
  const count = parts.reduce((n, p) => n + p.count, 0);
  const chunks = parts.flatMap((p) => p.counts);
  const good = narrowArray(chunks, 0, count);
  const total = narrowArray(chunks, 1, count);
  const values = joinValues(parts.map((p) => p.values));
  for (const p of parts) p.counts.length = 0;
  const runs = new Float64Array(parts.reduce((n, p) => n + p.runs.length, 0));
  let at = 0;
  for (const p of parts) {
    runs.set(p.runs, at);
    at += p.runs.length;
  }
  return { buckets: { count, runs, good, total, ...(values ? { values } : {}) }, duplicates: [] };
}

/** Every part's value chunks end to end; null unless every part has values (a threshold SLI's). */
function joinValues(
  parts: readonly (readonly Float64Array<ArrayBuffer>[] | null | undefined)[],
): Float64Array<ArrayBuffer> | null {
  if (parts.length === 0 || parts.some((p) => p === null || p === undefined)) return null;
  const chunks = parts.flatMap((p) => p ?? []);
  const out = new Float64Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Every second value of the pair chunks, from `offset`, in the narrowest exact array. */
function narrowArray(
  chunks: readonly (Uint32Array | Float64Array)[],
  offset: 0 | 1,
  count: number,
): CountArray {
  let max = 0;
  let whole = true;
  for (const chunk of chunks) {
    for (let i = offset; i < chunk.length; i += 2) {
      const v = chunk[i] ?? 0;
      if (v > max) max = v;
      if (whole && v >>> 0 !== v) whole = false;
    }
  }
  const out: CountArray = !whole
    ? new Float64Array(count)
    : max < 256
      ? new Uint8Array(count)
      : max < 65_536
        ? new Uint16Array(count)
        : new Uint32Array(count);
  let k = 0;
  for (const chunk of chunks) for (let i = offset; i < chunk.length; i += 2) out[k++] = chunk[i] ?? 0;
  return out;
}

function unpackRaw(parts: readonly RawBuckets[]): PackedBuckets {
  const count = parts.reduce((n, p) => n + p.count, 0);
  const out = new Float64Array(count * 3);
  const values = joinValues(parts.map((p) => p.values));
  let k = 0;
  for (const p of parts) {
    let chunkIndex = 0;
    let inChunk = 0;
    for (let r = 0; r < p.runs.length; r += 3) {
      const first = p.runs[r] ?? 0;
      const step = p.runs[r + 1] ?? 0;
      const n = p.runs[r + 2] ?? 0;
      for (let j = 0; j < n; j++) {
        let chunk = p.counts[chunkIndex];
        if (chunk !== undefined && inChunk >= chunk.length) {
          chunkIndex++;
          inChunk = 0;
          chunk = p.counts[chunkIndex];
        }
        out[k * 3] = first + j * step;
        out[k * 3 + 1] = chunk?.[inChunk] ?? 0;
        out[k * 3 + 2] = chunk?.[inChunk + 1] ?? 0;
        inChunk += 2;
        k++;
      }
    }
  }
  return { chunks: [out], count, ...(values ? { values: [values] } : {}) };
}

export type DuplicateRule = 'error' | 'sum' | 'last';

function concat(parts: readonly PackedBuckets[]): PackedBuckets {
  const withValues = parts.length > 0 && parts.every((p) => p.values !== undefined);
  return {
    chunks: parts.flatMap((p) => p.chunks),
    count: parts.reduce((n, p) => n + p.count, 0),
    ...(withValues ? { values: parts.flatMap((p) => p.values ?? []) } : {}),
  };
}

/** 1: strictly increasing, -1: strictly decreasing, 0: neither. */
function direction(p: PackedBuckets): 1 | -1 | 0 {
  let increasing = true;
  let decreasing = true;
  let first = true;
  let prev = 0;
  for (const chunk of p.chunks) {
    for (let i = 0; i < chunk.length && (increasing || decreasing); i += 3) {
      const s = chunk[i] ?? 0;
      if (!first) {
        if (s <= prev) increasing = false;
        if (s >= prev) decreasing = false;
      }
      first = false;
      prev = s;
    }
  }
  return increasing ? 1 : decreasing ? -1 : 0;
}

/**
 * Read order → sorted by start, with duplicates resolved by the rule. `parts` are one file's
 * byte ranges in file order, or several files' sorted buckets in path order; `source` says which
 * part each bucket came from, to name both places of a duplicate. Ties keep read order, so
 * `last` takes the later row and `error` keeps the first. A measured value cannot be summed: under
 * `sum` as under `last` a bucket keeps the later row's value (its counts say how many rows passed).
 */
export function sortPacked(
  parts: readonly PackedBuckets[],
  rule: DuplicateRule,
): {
  buckets: PackedBuckets;
  duplicates: number[];
  clashes: { startMs: number; first: number; second: number }[];
} {
  const all = concat(parts);
  const dir = direction(all);
  if (dir === 1) return { buckets: all, duplicates: [], clashes: [] };
  const n = all.count;
  const start = new Float64Array(n);
  const good = new Float64Array(n);
  const total = new Float64Array(n);
  const source = new Uint32Array(n);
  const value = all.values === undefined ? null : new Float64Array(n);
  let k = 0;
  parts.forEach((p, part) => {
    p.chunks.forEach((chunk, c) => {
      const values = p.values?.[c];
      for (let i = 0; i < chunk.length; i += 3) {
        start[k] = chunk[i] ?? 0;
        good[k] = chunk[i + 1] ?? 0;
        total[k] = chunk[i + 2] ?? 0;
        if (value !== null) value[k] = values?.[i / 3] ?? Number.NaN;
        source[k] = part;
        k++;
      }
    });
  });
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = dir === -1 ? n - 1 - i : i;
  if (dir === 0) order.sort((a, b) => (start[a] ?? 0) - (start[b] ?? 0) || a - b);
  const out = new Float64Array(n * 3);
  const outValues = value === null ? null : new Float64Array(n);
  const duplicates: number[] = [];
  const clashes: { startMs: number; first: number; second: number }[] = [];
  let m = 0;
  let firstOfRun = 0;
  for (let j = 0; j < n; j++) {
    const i = order[j] ?? 0;
    const s = start[i] ?? 0;
    if (m > 0 && out[(m - 1) * 3] === s) {
      const at = (m - 1) * 3;
      if (rule === 'sum') {
        out[at + 1] = (out[at + 1] ?? 0) + (good[i] ?? 0);
        out[at + 2] = (out[at + 2] ?? 0) + (total[i] ?? 0);
        if (outValues !== null) outValues[m - 1] = value?.[i] ?? Number.NaN;
      } else if (rule === 'last') {
        out[at + 1] = good[i] ?? 0;
        out[at + 2] = total[i] ?? 0;
        if (outValues !== null) outValues[m - 1] = value?.[i] ?? Number.NaN;
      } else {
        if (duplicates[duplicates.length - 1] !== s) duplicates.push(s);
        clashes.push({ startMs: s, first: source[firstOfRun] ?? 0, second: source[i] ?? 0 });
      }
      continue;
    }
    firstOfRun = i;
    out[m * 3] = s;
    out[m * 3 + 1] = good[i] ?? 0;
    out[m * 3 + 2] = total[i] ?? 0;
    if (outValues !== null) outValues[m] = value?.[i] ?? Number.NaN;
    m++;
  }
  const buckets: PackedBuckets = { chunks: [out.slice(0, m * 3)], count: m };
  if (outValues !== null) buckets.values = [outValues.slice(0, m)];
  return { buckets, duplicates, clashes };
}

/** The narrowest array that holds every count exactly. */
export type CountArray =
  Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/**
 * Sorted buckets as they are kept and cached: starts as runs of even spacing (an export with a
 * fixed step is a single run per gap-free stretch), counts in the narrowest exact array. A year
 * of one-minute rows with counts below 65,536 takes 4 bytes a bucket instead of 24, and loads from
 * the cache as views, without decoding.
 */
export interface CompactBuckets {
  count: number;
  /** `[first start, step, length]` triples. */
  runs: Float64Array<ArrayBuffer>;
  good: CountArray;
  total: CountArray;
  /** A threshold SLI's measured value of each bucket (NaN where none was kept); absent for counts. */
  values?: Float64Array<ArrayBuffer>;
}

export function emptyCompact(): CompactBuckets {
  return { count: 0, runs: new Float64Array(0), good: new Uint8Array(0), total: new Uint8Array(0) };
}

function narrowest(values: Float64Array<ArrayBuffer>): CountArray {
  let max = 0;
  let whole = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    if (v > max) max = v;
    if (whole && !Number.isInteger(v)) whole = false;
  }
  if (!whole || max >= 2 ** 32) return values;
  return max < 256
    ? Uint8Array.from(values)
    : max < 65_536
      ? Uint16Array.from(values)
      : Uint32Array.from(values);
}

/**
 * Bucket starts, in order, as runs of (first start, step, length): each start continues the run
 * being built when it keeps that run's step, else opens a new one (greedy).
 */
class RunBuilder {
  readonly runs: number[] = [];
  start = 0;
  step = 0;
  length = 0;
  /** The last start pushed. */
  prev = 0;

  push(s: number): void {
    if (this.length === 0) {
      this.start = s;
      this.length = 1;
    } else if (this.length === 1) {
      this.step = s - this.prev;
      this.length = 2;
    } else if (s - this.prev === this.step) this.length++;
    else {
      this.runs.push(this.start, this.step, this.length);
      this.start = s;
      this.step = 0;
      this.length = 1;
    }
    this.prev = s;
  }

  /** `n` more starts that continue the run being built, the last of them `last`. */
  extend(n: number, last: number): void {
    this.length += n;
    this.prev = last;
  }

  finish(): Float64Array<ArrayBuffer> {
    if (this.length > 0) this.runs.push(this.start, this.length === 1 ? 0 : this.step, this.length);
    return Float64Array.from(this.runs);
  }
}

/** Sorted, duplicate-free packed buckets → compact ones. */
export function compactBuckets(p: PackedBuckets): CompactBuckets {
  const good = new Float64Array(p.count);
  const total = new Float64Array(p.count);
  const values = p.values === undefined ? null : joinValues([p.values]);
  const runs = new RunBuilder();
  let k = 0;
  for (const chunk of p.chunks) {
    for (let i = 0; i < chunk.length; i += 3) {
      good[k] = chunk[i + 1] ?? 0;
      total[k] = chunk[i + 2] ?? 0;
      k++;
      runs.push(chunk[i] ?? 0);
    }
  }
  return {
    count: p.count,
    runs: runs.finish(),
    good: narrowest(good),
    total: narrowest(total),
    ...(values ? { values } : {}),
  };
}

/** Calls `f` for each bucket in order. */
export function forEachCompact(
  c: CompactBuckets,
  f: (startMs: number, good: number, total: number, value: number) => void,
): void {
  const { runs, good, total, values } = c;
  let k = 0;
  for (let r = 0; r < runs.length; r += 3) {
    const first = runs[r] ?? 0;
    const step = runs[r + 1] ?? 0;
    const n = runs[r + 2] ?? 0;
    for (let j = 0; j < n; j++, k++)
      f(first + j * step, good[k] ?? 0, total[k] ?? 0, values?.[k] ?? Number.NaN);
  }
}

/** Compact → the domain's columns: the same arrays (no copy). */
export function expandCompact(c: CompactBuckets): BucketColumns {
  return {
    length: c.count,
    runs: c.runs,
    good: c.good,
    total: c.total,
    ...(c.values ? { values: c.values } : {}),
  };
}

/** Compact → packed, to merge several files' buckets. */
export function unpackCompact(c: CompactBuckets): PackedBuckets {
  const out = new Float64Array(c.count * 3);
  let i = 0;
  forEachCompact(c, (s, g, t) => {
    out[i++] = s;
    out[i++] = g;
    out[i++] = t;
  });
  return { chunks: [out], count: c.count, ...(c.values ? { values: [c.values] } : {}) };
}

function firstStart(c: CompactBuckets): number {
  return c.runs[0] ?? 0;
}

function lastStart(c: CompactBuckets): number {
  const r = c.runs.length - 3;
  return (c.runs[r] ?? 0) + ((c.runs[r + 2] ?? 1) - 1) * (c.runs[r + 1] ?? 0);
}

/**
 * Several files' sorted buckets joined without unpacking them, when their time ranges do not
 * overlap (an export split by month or quarter): the runs are appended, merged where one file
 * continues the last run of the one before exactly as compactBuckets would merge them, and the
 * counts copied into the narrowest array that holds every part's. Null when two parts overlap, so
 * that the caller sorts and resolves duplicates.
 */
export function concatCompact(parts: readonly CompactBuckets[]): CompactBuckets | null {
  const nonEmpty = parts.filter((p) => p.count > 0).sort((a, b) => firstStart(a) - firstStart(b));
  for (let i = 1; i < nonEmpty.length; i++) {
    const before = nonEmpty[i - 1];
    const after = nonEmpty[i];
    if (before !== undefined && after !== undefined && firstStart(after) <= lastStart(before)) return null;
  }
  const count = nonEmpty.reduce((n, p) => n + p.count, 0);
  const runs = new RunBuilder();
  for (const p of nonEmpty) {
    for (let r = 0; r < p.runs.length; r += 3) {
      const first = p.runs[r] ?? 0;
      const step = p.runs[r + 1] ?? 0;
      const n = p.runs[r + 2] ?? 0;
      let j = 0;
      // Start by start until the run being built continues with this run's step, then all at once.
      while (
        j < n &&
        !(j > 0 && runs.length >= 2 && runs.step === step && runs.prev === first + (j - 1) * step)
      ) {
        runs.push(first + j * step);
        j++;
      }
      if (j < n) runs.extend(n - j, first + (n - 1) * step);
    }
  }
  const values = joinValues(nonEmpty.map((p) => (p.values ? [p.values] : null)));
  return {
    count,
    runs: runs.finish(),
    good: joinCounts(nonEmpty.map((p) => p.good)),
    total: joinCounts(nonEmpty.map((p) => p.total)),
    ...(values ? { values } : {}),
  };
}

const COUNT_ORDER = [Uint8Array, Uint16Array, Uint32Array, Float64Array] as const;

/** The arrays end to end in the widest of their kinds (each kind already holds its values exactly). */
function joinCounts(arrays: readonly CountArray[]): CountArray {
  let widest = 0;
  for (const a of arrays)
    widest = Math.max(
      widest,
      COUNT_ORDER.findIndex((k) => a instanceof k),
    );
  const out = new (COUNT_ORDER[widest] ?? Float64Array)(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}
