/**
 * Reading SLI exports (SPEC §5). The head (BOM, `sep=` line, delimiter, header) is read by
 * dialect.ts; the rows after it are tokenised by csv-parse, streaming (range.ts). One pass
 * over a file feeds every SLO that reads from it; memory grows with the buckets kept (8 bytes each
 * while reading), never with the file's size in bytes. csv-parse and the checks on each row go
 * through about 25 MB a second on one core, so a file above 8 MB is split
 * at line boundaries into one range per core (`os.availableParallelism()`), parsed at once by this
 * thread and workers, each with its own csv-parse; an unchanged file is not parsed again but loaded from the aggregate cache. Every bad row becomes a Diagnostic with file:line:column.
 */
import { echo } from '../echo.ts';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { open } from 'node:fs/promises';
import type { Bucket } from '../../domain/bucket.ts';
import {
  cacheKey,
  contentHash,
  loadAggregate,
  storeAggregate,
  type CachedConsumer,
  type FileAggregate,
} from './aggregate-cache.ts';
import { diagnose, type Diagnostic } from '../diagnostic.ts';
import {
  compactBuckets,
  concatCompact,
  emptyCompact,
  finishRaw,
  forEachCompact,
  sortPacked,
  unpackCompact,
  type CompactBuckets,
} from './columns.ts';
import { MAX_COLUMNS, readCsvHead, type CsvHead } from './dialect.ts';
import { bindHeader, type ConsumerBinding, type SliConsumer } from './layout.ts';
import { parseRange, type RangeJob, type RangeResult, type ZonelessTimestamps } from './range.ts';

export type { SliConsumer } from './layout.ts';

/**
 * One SLO's rows, gathered across every file its `sli.source` matches: splitting an export into
 * several files changes no figure, and a timestamp repeated across files is still a duplicate.
 */
export interface SliAccumulator {
  consumer: SliConsumer;
  /** One sorted, duplicate-free part per file, in the order the files were read. */
  parts: { buckets: CompactBuckets; path: string; display: string }[];
  /** Rows of this SLO's series, valid or not. */
  matched: number;
  /** Rows that contributed counts. */
  rows: number;
  /** Rows whose timestamp was a date alone, and the others: only days means a daily step. */
  dayRows: number;
  timedRows: number;
}

export function createSliAccumulator(consumer: SliConsumer): SliAccumulator {
  return { consumer, parts: [], matched: 0, rows: 0, dayRows: 0, timedRows: 0 };
}

const DAY_MS = 86_400_000;

export interface SliAggregate {
  sloId: string;
  /** Sorted by startMs; one bucket per distinct row timestamp. */
  buckets: Bucket[];
  /** Declared `sli.step`, else the most common spacing between rows; null with fewer than two rows. */
  stepMs: number | null;
  stepInferred: boolean;
  rows: number;
}

/** The same as SliAggregate with the buckets packed: what large inputs and the bench use. */
export interface SliPackedAggregate {
  sloId: string;
  buckets: CompactBuckets;
  stepMs: number | null;
  stepInferred: boolean;
  rows: number;
}

export interface SliFileResult {
  diagnostics: Diagnostic[];
  /** Data records in the file. */
  rows: number;
  /** Loaded from the aggregate cache: no row was parsed. */
  cached: boolean;
  /** Things `check` states about the file, e.g. a detected epoch unit. */
  notes: string[];
}

export interface ReadSliOptions {
  /** Folder of the aggregate cache; null (the default here) reads without one. */
  cacheDir?: string | null;
  /** Share of the file read so far, for files above PROGRESS_ABOVE bytes. */
  onProgress?: (fraction: number) => void;
  /** Files larger than this are read by several threads; Infinity keeps one. */
  parallelAbove?: number;
  /** Threads for one large file; default `os.availableParallelism()`. */
  threads?: number;
}

/** Past this many problems in one file the rest are summarised: the first ones show the pattern. */
const MAX_DIAGNOSTICS_PER_FILE = 20;
/** Below this a worker's start-up costs more than it saves. */
export const PARALLEL_ABOVE_BYTES = 8 << 20;
export const PROGRESS_ABOVE_BYTES = 4 << 20;

/** The first header name that repeats an earlier one (ignoring case and spaces), or null. */
function duplicateColumn(header: readonly string[]): { first: number; second: number } | null {
  const seen = new Map<string, number>();
  for (let i = 0; i < header.length; i++) {
    const name = (header[i] ?? '').trim().toLowerCase();
    if (name === '') continue;
    const first = seen.get(name);
    if (first !== undefined) return { first, second: i };
    seen.set(name, i);
  }
  return null;
}

/** Streams one file into the accumulators of the SLOs that read it. */
export async function readSliCsv(
  path: string,
  display: string,
  accumulators: readonly SliAccumulator[],
  options: ReadSliOptions = {},
): Promise<SliFileResult> {
  const fail = (d: Diagnostic): SliFileResult => ({ diagnostics: [d], rows: 0, cached: false, notes: [] });
  let headRead;
  try {
    headRead = await readCsvHead(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(
      code === 'ENOENT'
        ? diagnose(
            'sli-source-missing',
            { file: display },
            `${display} does not exist, but SLO ${accumulators.map((a) => a.consumer.sloId).join(', ')} reads from it`,
            ...(accumulators.some((a) => a.consumer.mapping.prometheus !== undefined)
              ? [
                  'its SLI names Prometheus queries: npm run pull writes the file (set LEDGER_PROMETHEUS_URL first)',
                ]
              : []),
          )
        : diagnose('file-unreadable', { file: display }, `cannot read ${display}: ${(e as Error).message}`),
    );
  }
  if (!headRead.ok) {
    return fail(
      headRead.reason === 'empty'
        ? diagnose(
            'csv-empty',
            { file: display },
            `${display} is empty: an export needs a header line and rows`,
          )
        : headRead.reason === 'encoding'
          ? diagnose(
              'input-encoding',
              { file: display, line: 1, column: 1 },
              `${display} is ${headRead.encoding}, not UTF-8 text`,
              headRead.encoding.startsWith('gzip')
                ? 'decompress it first (gunzip), then point sli.source at the .csv'
                : 'save the export as UTF-8 (in Excel: CSV UTF-8; iconv -f UTF-16 -t UTF-8)',
            )
          : headRead.reason === 'too-many-columns'
            ? diagnose(
                'csv-syntax',
                { file: display, line: 1, column: 1 },
                `the header has ${headRead.columns.toLocaleString('en-US')} or more columns; an SLI export has a handful (at most ${MAX_COLUMNS.toLocaleString('en-US')} are read)`,
                'export only the columns the SLO reads',
              )
            : headRead.reason === 'json'
              ? diagnose(
                  'csv-syntax',
                  { file: display, line: 1, column: 1 },
                  `${display} looks like JSON, not a CSV export`,
                  'convert it to CSV first, e.g. a Prometheus range query to timestamp,series,value with one row per [timestamp, value] pair of each series',
                )
              : diagnose(
                  'csv-syntax',
                  { file: display, line: 1, column: 1 },
                  'the first line is longer than 64 KB; it does not look like a CSV header',
                ),
    );
  }
  const head = headRead.head;
  const duplicate = duplicateColumn(head.header);
  if (duplicate !== null)
    return fail(
      diagnose(
        'csv-duplicate-column',
        { file: display, line: head.headerLine, column: duplicate.second + 1 },
        `column ${duplicate.second + 1} is named "${head.header[duplicate.second] ?? ''}", like column ${duplicate.first + 1}`,
      ),
    );
  const bound = bindHeader(
    head.header,
    accumulators.map((a) => a.consumer),
    display,
    head.headerLine,
  );
  const active = accumulators.flatMap((acc, i) => {
    const binding = bound.bindings[i];
    return binding ? [{ acc, binding }] : [];
  });
  if (active.length === 0) return { diagnostics: bound.diagnostics, rows: 0, cached: false, notes: [] };

  const readers = active.map(({ acc, binding }) => ({
    binding,
    duplicates: acc.consumer.mapping.duplicates,
  }));
  const key = options.cacheDir ? cacheKey(await contentHash(options.cacheDir, path), display, readers) : null;
  let aggregate = key !== null && options.cacheDir ? await loadAggregate(options.cacheDir, key) : null;
  const cached = aggregate !== null;
  if (aggregate === null) {
    aggregate = await aggregateFile(path, display, head, readers, options);
    if (key !== null && options.cacheDir) {
      try {
        await storeAggregate(options.cacheDir, key, aggregate);
      } catch {
        // A read-only or full disk costs a re-parse next time, nothing else.
      }
    }
  }

  const notes: string[] = [];
  active.forEach(({ acc }, i) => {
    const c = aggregate.consumers[i];
    if (c === undefined) return;
    acc.parts.push({ buckets: c.buckets, path, display });
    acc.matched += c.matched;
    acc.rows += c.rows;
    acc.dayRows += c.kinds.day;
    acc.timedRows += c.kinds.iso + c.kinds.epochS + c.kinds.epochMs;
    const detected =
      acc.consumer.mapping.timeFormat === 'auto'
        ? c.kinds.epochS > 0
          ? 'epoch seconds'
          : c.kinds.epochMs > 0
            ? 'epoch milliseconds'
            : null
        : null;
    const m = acc.consumer.mapping;
    if (c.kinds.day > 0 && c.kinds.iso + c.kinds.epochS + c.kinds.epochMs === 0)
      notes.push(
        `SLO ${acc.consumer.sloId}: timestamps are dates alone, read as the start of each day in ${m.timezone ?? acc.consumer.siteZone ?? 'UTC'}${m.timezone === null ? ' (the site zone; sli.timezone names another)' : ''}${m.stepMs === null ? ', each row covering one day' : ''}`,
      );
    if (detected !== null)
      notes.push(
        `SLO ${acc.consumer.sloId}: timestamps read as Unix ${detected}, told apart by their magnitude (timeFormat: ${detected === 'epoch seconds' ? 'epoch-s' : 'epoch-ms'} states it)`,
      );
  });
  return {
    diagnostics: [...bound.diagnostics, ...aggregate.diagnostics],
    rows: aggregate.records,
    cached,
    notes,
  };
}

interface Reader {
  binding: ConsumerBinding;
  duplicates: 'error' | 'sum' | 'last';
}

/** Parses the file (in one range per thread when large), then sorts each SLO's rows and finds duplicates. */
async function aggregateFile(
  path: string,
  display: string,
  head: CsvHead,
  readers: readonly Reader[],
  options: ReadSliOptions,
): Promise<FileAggregate> {
  const job = (start: number, end: number): RangeJob => ({
    path,
    display,
    start,
    end,
    delimiter: head.delimiter,
    fieldCount: head.header.length,
    bindings: readers.map((r) => r.binding),
    maxDiagnostics: MAX_DIAGNOSTICS_PER_FILE,
  });
  const bytes = head.size - head.dataStart;
  let done = 0;
  const progress =
    options.onProgress && head.size > PROGRESS_ABOVE_BYTES
      ? (n: number) => {
          done += n;
          options.onProgress?.(Math.min(1, done / bytes));
        }
      : () => {};

  let ranges: { result: RangeResult; firstLine: number }[] | null = null;
  const splits = await splitPoints(path, head, options);
  if (splits.length > 0) {
    const bounds = [head.dataStart, ...splits, head.size];
    const pieces = await Promise.all(
      bounds.slice(0, -1).map(async (start, k) => {
        const end = bounds[k + 1] ?? head.size;
        // This thread reads the first range while the workers read the others.
        if (k === 0) return parseRange(job(start, end), progress);
        return (await parseInWorker(job(start, end), progress)) ?? parseRange(job(start, end), progress);
      }),
    );
    // A quoted field spanning a split point (a range's csv-parse ended inside a quote): read the
    // file again in one piece.
    if (pieces.slice(0, -1).every((p) => !p.unbalancedQuote)) {
      let firstLine = head.headerLine + 1;
      ranges = pieces.map((result) => {
        const range = { result, firstLine };
        firstLine += result.lines;
        return range;
      });
    }
  }
  ranges ??= [
    { result: await parseRange(job(head.dataStart, head.size), progress), firstLine: head.headerLine + 1 },
  ];

  const diagnostics: Diagnostic[] = [];
  let suppressed = 0;
  const zoneless = new Map<number, ZonelessTimestamps>();
  for (const { result, firstLine } of ranges) {
    for (const d of result.diagnostics) diagnostics.push({ ...d, line: d.line + firstLine - 1 });
    suppressed += result.suppressed;
    for (const z of result.zoneless) {
      const seen = zoneless.get(z.column);
      if (seen === undefined) zoneless.set(z.column, { ...z, line: z.line + firstLine - 1 });
      else {
        seen.more += z.more + 1;
        for (const id of z.sloIds) if (!seen.sloIds.includes(id)) seen.sloIds.push(id);
      }
    }
  }
  // One message per column of zone-less times, however many SLOs read it and threads read the file;
  // first, so that the limit of listed problems never hides what every row has in common.
  for (const z of [...zoneless.values()].reverse()) {
    const slos = z.sloIds.length === 1 ? `the SLO ${z.sloIds[0]}` : `the SLOs ${z.sloIds.join(', ')}`;
    diagnostics.unshift(
      diagnose(
        'csv-bad-timestamp',
        { file: display, line: z.line, column: z.column },
        `timestamp "${echo(z.text)}" has no time zone${z.more > 0 ? `, nor have the ${z.more.toLocaleString('en-US')} rows after it` : ''}`,
        `add an offset in the export (e.g. ${z.text.replace(' ', 'T')}Z), or say which zone it is in with sli.timezone in ${slos} (e.g. timezone: UTC)`,
      ),
    );
  }
  suppressed += Math.max(0, diagnostics.length - MAX_DIAGNOSTICS_PER_FILE);
  diagnostics.length = Math.min(diagnostics.length, MAX_DIAGNOSTICS_PER_FILE);

  const consumers: CachedConsumer[] = [];
  for (let i = 0; i < readers.length; i++) {
    const reader = readers[i];
    const parts = ranges.map((r) => r.result.consumers[i]).filter((c) => c !== undefined);
    if (reader === undefined || parts.length === 0) continue;
    const sorted = finishRaw(
      parts.map((p) => p.buckets),
      reader.duplicates,
    );
    if (sorted.duplicates.length > 0) {
      const found = await describeDuplicates(
        job(head.dataStart, head.size),
        i,
        head.headerLine + 1,
        sorted.duplicates,
      );
      for (const d of found) {
        if (diagnostics.length < MAX_DIAGNOSTICS_PER_FILE) diagnostics.push(d);
        else suppressed++;
      }
    }
    const kinds = { iso: 0, day: 0, epochS: 0, epochMs: 0 };
    for (const p of parts) {
      kinds.iso += p.kinds.iso;
      kinds.day += p.kinds.day;
      kinds.epochS += p.kinds.epochS;
      kinds.epochMs += p.kinds.epochMs;
    }
    consumers.push({
      sloId: reader.binding.sloId,
      buckets: sorted.buckets,
      matched: parts.reduce((n, p) => n + p.matched, 0),
      rows: parts.reduce((n, p) => n + p.rows, 0),
      kinds,
    });
  }
  if (suppressed > 0) {
    diagnostics.push(
      diagnose(
        'csv-too-many-problems',
        { file: display },
        `${suppressed} more problem${suppressed === 1 ? '' : 's'} in this file ${suppressed === 1 ? 'is' : 'are'} not listed`,
      ),
    );
  }
  return { records: ranges.reduce((n, r) => n + r.result.records, 0), diagnostics, consumers };
}

/**
 * Where a large file is cut so that every thread reads one range: at line boundaries near equal
 * shares of its bytes, one range per thread and at least `parallelAbove` bytes each.
 */
async function splitPoints(path: string, head: CsvHead, options: ReadSliOptions): Promise<number[]> {
  const bytes = head.size - head.dataStart;
  const above = options.parallelAbove ?? PARALLEL_ABOVE_BYTES;
  if (!(bytes > above)) return [];
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const pieces = Math.min(threads, above > 0 ? Math.ceil(bytes / above) : threads);
  const out: number[] = [];
  for (let k = 1; k < pieces; k++) {
    const at = await lineBoundaryNear(path, head.dataStart + Math.floor((bytes * k) / pieces), head.size);
    if (at !== null && at > (out[out.length - 1] ?? head.dataStart)) out.push(at);
  }
  return out;
}

/** The offset just after the first newline at or after `near`, or null when there is none. */
async function lineBoundaryNear(path: string, near: number, size: number): Promise<number | null> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    for (let at = near; at < size; at += buf.length) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, at);
      const nl = buf.subarray(0, bytesRead).indexOf(10);
      if (nl !== -1) return at + nl + 1 < size ? at + nl + 1 : null;
      if (bytesRead === 0) break;
    }
    return null;
  } finally {
    await handle.close();
  }
}

/**
 * Runs a range in a worker thread. Resolves null when no worker can run (e.g. inside a bundle
 * that does not ship the worker file); the caller then parses the range itself.
 */
function parseInWorker(job: RangeJob, progress: (bytes: number) => void): Promise<RangeResult | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./worker.ts', import.meta.url), {
        workerData: job,
        resourceLimits: { maxYoungGenerationSizeMb: 16 },
      });
    } catch {
      resolve(null);
      return;
    }
    let settled = false;
    const finish = (value: RangeResult | null) => {
      if (settled) return;
      settled = true;
      resolve(value);
      void worker.terminate();
    };
    worker.on(
      'message',
      (
        m: { kind: 'progress'; bytes: number } | { kind: 'done'; result: RangeResult } | { kind: 'failed' },
      ) => {
        if (m.kind === 'progress') progress(m.bytes);
        else finish(m.kind === 'done' ? m.result : null);
      },
    );
    worker.on('error', () => finish(null));
    worker.on('exit', () => finish(null));
  });
}

/**
 * Duplicates are found after sorting, when the lines are no longer known; a second pass over the
 * file (only when there are duplicates, which fail the check) finds where each one was written.
 */
async function describeDuplicates(
  job: RangeJob,
  consumer: number,
  firstLine: number,
  starts: readonly number[],
): Promise<Diagnostic[]> {
  const wanted = new Set(starts);
  const seen = new Map<number, { lines: number[]; text: string }>();
  const binding = job.bindings[consumer];
  if (binding === undefined) return [];
  await parseRange(
    { ...job, bindings: [binding], maxDiagnostics: 0 },
    undefined,
    (_c, startMs, _g, _t, line, text) => {
      if (!wanted.has(startMs)) return;
      const entry = seen.get(startMs);
      if (entry === undefined) seen.set(startMs, { lines: [line + firstLine - 1], text: text.trim() });
      else entry.lines.push(line + firstLine - 1);
    },
  );
  const out: Diagnostic[] = [];
  for (const [, { lines, text }] of [...seen].sort(([a], [b]) => a - b)) {
    const [first, second] = lines;
    if (first === undefined || second === undefined) continue;
    const times = lines.length === 2 ? 'twice' : `${lines.length} times`;
    const shown =
      lines.length <= 6
        ? `${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`
        : `${lines.slice(0, 5).join(', ')} and ${lines.length - 5} more`;
    out.push(
      diagnose(
        'csv-duplicate-row',
        { file: job.display, line: second, column: binding.tsIndex + 1 },
        `timestamp ${text}${binding.series !== null ? ` of series ${binding.series}` : ''} appears ${times}: lines ${shown}`,
        `remove the repeated rows, or set sli.duplicates: sum | last in the SLO ${binding.sloId}`,
      ),
    );
  }
  return out;
}

/** The SLO's buckets once every file it reads has been streamed, packed. */
export function finishSliPacked(
  acc: SliAccumulator,
): SliPackedAggregate & { clashes: { startMs: number; first: number; second: number }[] } {
  const [only, ...more] = acc.parts;
  let buckets = only?.buckets ?? emptyCompact();
  let clashes: { startMs: number; first: number; second: number }[] = [];
  const joined = more.length > 0 ? concatCompact(acc.parts.map((p) => p.buckets)) : null;
  if (joined !== null) buckets = joined;
  else if (more.length > 0) {
    // Each file's part is sorted; overlapping files are merged and duplicates resolved again.
    const merged = sortPacked(
      acc.parts.map((p) => unpackCompact(p.buckets)),
      acc.consumer.mapping.duplicates,
    );
    buckets = compactBuckets(merged.buckets);
    clashes = merged.clashes;
  }
  const declared = acc.consumer.mapping.stepMs;
  // A daily export's rows each cover a day, however sparse the export (SPEC §5).
  const daily = acc.dayRows > 0 && acc.timedRows === 0;
  return {
    sloId: acc.consumer.sloId,
    buckets,
    stepMs: declared ?? (daily ? DAY_MS : inferStep(buckets)),
    stepInferred: declared === null,
    rows: acc.rows,
    clashes,
  };
}

/** The SLO's rows as sorted buckets, once every file it reads has been streamed. */
export function finishSliAccumulator(acc: SliAccumulator): SliAggregate {
  const { buckets: packed, ...rest } = finishSliPacked(acc);
  const buckets: Bucket[] = [];
  if (packed.values === undefined)
    forEachCompact(packed, (startMs, good, total) => buckets.push({ startMs, good, total }));
  else
    forEachCompact(packed, (startMs, good, total, value) =>
      buckets.push(Number.isNaN(value) ? { startMs, good, total } : { startMs, good, total, value }),
    );
  return {
    sloId: rest.sloId,
    buckets,
    stepMs: rest.stepMs,
    stepInferred: rest.stepInferred,
    rows: rest.rows,
  };
}

/**
 * Problems only visible once all of an SLO's files are read: the same timestamp in two files
 * (naming both places), and a series that no file has.
 */
export async function diagnoseSliAccumulator(acc: SliAccumulator): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const m = acc.consumer.mapping;
  if (acc.matched === 0 && m.series !== null && acc.parts.length > 0) {
    const file = acc.parts[0]?.display ?? m.source;
    out.push(
      diagnose(
        'csv-no-series',
        { file },
        acc.parts.length === 1
          ? `no row has ${m.seriesColumn} = "${m.series}" (SLO ${acc.consumer.sloId})`
          : `none of the ${acc.parts.length} files matching ${m.source} has a row with ${m.seriesColumn} = "${m.series}" (SLO ${acc.consumer.sloId})`,
      ),
    );
  }
  if (m.duplicates !== 'error' || acc.parts.length < 2) return out;
  const { clashes } = finishSliPacked(acc);
  for (const clash of clashes.slice(0, MAX_DIAGNOSTICS_PER_FILE)) {
    const a = acc.parts[clash.first];
    const b = acc.parts[clash.second];
    if (a === undefined || b === undefined) continue;
    const [lineA, lineB] = await Promise.all([
      lineOf(a.path, a.display, acc.consumer, clash.startMs),
      lineOf(b.path, b.display, acc.consumer, clash.startMs),
    ]);
    out.push(
      diagnose(
        'csv-duplicate-row',
        { file: b.display, line: lineB.line, column: lineB.column },
        `timestamp ${lineB.text}${m.series !== null ? ` of series ${m.series}` : ''} appears twice: ${a.display}:${lineA.line} and line ${lineB.line}`,
        `remove one of the rows, or set sli.duplicates: sum | last in the SLO ${acc.consumer.sloId}`,
      ),
    );
  }
  return out;
}

/** Where the row of `startMs` is, in whichever of the SLO's files holds it (for messages). */
export async function findSliRow(
  acc: SliAccumulator,
  startMs: number,
): Promise<{ file: string; line: number; column: number } | null> {
  for (const p of acc.parts) {
    const at = await lineOf(p.path, p.display, acc.consumer, startMs);
    if (at.line > 0) return { file: p.display, line: at.line, column: at.column };
  }
  return null;
}

async function lineOf(
  path: string,
  display: string,
  consumer: SliConsumer,
  startMs: number,
): Promise<{ line: number; column: number; text: string }> {
  const headRead = await readCsvHead(path);
  if (!headRead.ok) return { line: 0, column: 0, text: new Date(startMs).toISOString() };
  const head = headRead.head;
  const binding = bindHeader(head.header, [consumer], display, head.headerLine).bindings[0];
  if (!binding) return { line: 0, column: 0, text: new Date(startMs).toISOString() };
  let found: { line: number; column: number; text: string } | null = null;
  await parseRange(
    {
      path,
      display,
      start: head.dataStart,
      end: head.size,
      delimiter: head.delimiter,
      fieldCount: head.header.length,
      bindings: [binding],
      maxDiagnostics: 0,
    },
    undefined,
    (_c, s, _g, _t, line, text) => {
      if (s === startMs && found === null)
        found = { line: line + head.headerLine, column: binding.tsIndex + 1, text: text.trim() };
    },
  );
  return found ?? { line: 0, column: 0, text: new Date(startMs).toISOString() };
}

/** The most common spacing between consecutive buckets; ties go to the shorter step. */
export function inferStep(sorted: CompactBuckets | readonly Bucket[]): number | null {
  const counts = new Map<number, number>();
  const add = (gap: number, n: number) => {
    if (gap > 0 && n > 0) counts.set(gap, (counts.get(gap) ?? 0) + n);
  };
  if ('runs' in sorted) {
    // Within a run every gap is its step; between runs, the gap from one run's end to the next.
    let prevEnd: number | null = null;
    for (let r = 0; r < sorted.runs.length; r += 3) {
      const first = sorted.runs[r] ?? 0;
      const step = sorted.runs[r + 1] ?? 0;
      const n = sorted.runs[r + 2] ?? 0;
      if (prevEnd !== null) add(first - prevEnd, 1);
      add(step, n - 1);
      prevEnd = first + (n - 1) * step;
    }
  } else {
    for (let i = 1; i < sorted.length; i++) add((sorted[i]?.startMs ?? 0) - (sorted[i - 1]?.startMs ?? 0), 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [gap, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && gap < best)) {
      best = gap;
      bestCount = n;
    }
  }
  return best;
}
