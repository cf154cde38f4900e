/**
 * The row loop: reads the lines of one byte range of a CSV export (after its header) and feeds
 * each SLO bound to it. The same code runs on the main thread and in the worker threads that
 * split a large file in two; it knows nothing of threads. Lines are numbered from 1 at the
 * start of the range; the caller adds the range's first line.
 */
import { open } from 'node:fs/promises';
import { diagnose, type Diagnostic } from './diagnostic.ts';
import type { DiagnosticCode } from './diagnostic-codes.ts';
import { appendBucket, createBucketBuilder, sealBuckets, type RawBuckets } from './sli-columns.ts';
import { opensQuote, splitCsvLine } from './sli-dialect.ts';
import type { ConsumerBinding } from './sli-layout.ts';
import { parseSliTimestamp, parseSliTimestampAt } from './sli-timestamp.ts';

export interface RangeJob {
  path: string;
  /** As the user would type it, for diagnostics. */
  display: string;
  start: number;
  end: number;
  delimiter: string;
  /** Fields in the header: a row with another count is refused. */
  fieldCount: number;
  bindings: ConsumerBinding[];
  /** Past this many problems the rest are only counted. */
  maxDiagnostics: number;
}

export interface ConsumerRangeResult {
  buckets: RawBuckets;
  /** Rows of this SLO's series, valid or not. */
  matched: number;
  /** Rows that contributed counts. */
  rows: number;
  /** How the timestamps were written, to state a detected epoch unit. */
  kinds: { iso: number; epochS: number; epochMs: number };
}

export interface RangeResult {
  /** Lines in the range, blank ones included. */
  lines: number;
  /** Non-blank records. */
  records: number;
  consumers: ConsumerRangeResult[];
  /** Lines relative to the range (1 = its first line). */
  diagnostics: Diagnostic[];
  suppressed: number;
  /** The range ended inside a quoted field: it was not split at a record boundary. */
  unbalancedQuote: boolean;
}

/** Where a valid row goes: the normal sink stores it, the duplicate finder only looks. */
export type RowSink = (consumer: number, startMs: number, good: number, total: number, line: number, timestampText: string) => void;

const READ_BYTES = 128 * 1024;
const MISSING = new Set(['', 'null', 'nan', 'none', 'n/a']);

function isMissing(text: string): boolean {
  if (text.length > 4) return false;
  const t = text.trim().toLowerCase();
  return MISSING.has(t);
}

export async function parseRange(
  job: RangeJob,
  onProgress: (bytes: number) => void = () => {},
  sink?: RowSink,
): Promise<RangeResult> {
  const builders = job.bindings.map(() => createBucketBuilder());
  const consumers: ConsumerRangeResult[] = job.bindings.map(() => ({
    buckets: { runs: new Float64Array(0), counts: [], count: 0 },
    matched: 0,
    rows: 0,
    kinds: { iso: 0, epochS: 0, epochMs: 0 },
  }));
  const diagnostics: Diagnostic[] = [];
  let suppressed = 0;
  const report = (code: DiagnosticCode, line: number, column: number, message: string, hint?: string) => {
    if (diagnostics.length < job.maxDiagnostics) diagnostics.push(diagnose(code, { file: job.display, line, column }, message, hint));
    else suppressed++;
  };

  // Consumers reached by every row, and those reached through a series column's value.
  const everyRow: number[] = [];
  const bySeries = new Map<number, Map<string, number[]>>();
  job.bindings.forEach((b, i) => {
    if (b.seriesIndex < 0 || b.series === null) {
      everyRow.push(i);
      return;
    }
    let map = bySeries.get(b.seriesIndex);
    if (map === undefined) bySeries.set(b.seriesIndex, (map = new Map()));
    map.set(b.series, [...(map.get(b.series) ?? []), i]);
  });
  const seriesGroups = [...bySeries.entries()];

  // The current record: positions in `rowText` (fast path) or, for quoted lines, split fields.
  let rowText = '';
  let rowFields: string[] | null = null;
  const starts = new Int32Array(job.fieldCount + 1);
  const ends = new Int32Array(job.fieldCount + 1);
  const field = (i: number): string => (rowFields !== null ? (rowFields[i] ?? '') : rowText.slice(starts[i] ?? 0, ends[i] ?? 0));

  const readNumber = (index: number, line: number, name: string, count: boolean): number | null => {
    if (rowFields === null) {
      // Whole numbers of up to 15 digits, read in place: no string is cut out for them.
      const start = starts[index] ?? 0;
      const end = ends[index] ?? 0;
      if (end > start && end - start <= 15) {
        let n = 0;
        let i = start;
        for (; i < end; i++) {
          const d = rowText.charCodeAt(i) - 48;
          if (d < 0 || d > 9) break;
          n = n * 10 + d;
        }
        if (i === end) return n;
      }
    }
    const text = field(index);
    const first = text.charCodeAt(0);
    // Digits first: the common case skips the missing-value checks.
    if (!(first >= 48 && first <= 57) && isMissing(text)) return null;
    const n = Number(text);
    if (!Number.isFinite(n) || (n === 0 && text.trim() === '')) {
      report('csv-bad-number', line, index + 1, `${name} is "${text.trim()}", not a number`);
      return null;
    }
    if (count && n < 0) {
      report('csv-negative', line, index + 1, `${name} is ${text.trim()}; counts cannot be negative`);
      return null;
    }
    return n;
  };

  const zoneless = new Map<number, { at: number; more: number }>();
  const readRow = (ci: number, line: number) => {
    const b = job.bindings[ci];
    const r = consumers[ci];
    const builder = builders[ci];
    if (b === undefined || r === undefined || builder === undefined) return;
    r.matched++;
    const ts =
      rowFields !== null
        ? parseSliTimestamp(rowFields[b.tsIndex] ?? '', b.timezone, b.timeFormat)
        : parseSliTimestampAt(rowText, starts[b.tsIndex] ?? 0, ends[b.tsIndex] ?? 0, b.timezone, b.timeFormat);
    if (!ts.ok) {
      const shown = field(b.tsIndex).trim();
      if (ts.reason === 'zoneless') {
        // One export has one convention: the first zoneless row is reported, the others counted.
        const seen = zoneless.get(ci);
        if (seen !== undefined) {
          seen.more++;
          return;
        }
        zoneless.set(ci, { at: diagnostics.length, more: 0 });
        report(
          'csv-bad-timestamp',
          line,
          b.tsIndex + 1,
          `timestamp "${shown}" has no time zone`,
          `add an offset in the export (e.g. ${shown.replace(' ', 'T')}Z), or say which zone it is in with sli.timezone in the SLO ${b.sloId} (e.g. timezone: UTC)`,
        );
      } else if (b.timeFormat === 'epoch-s' || b.timeFormat === 'epoch-ms') {
        report('csv-bad-timestamp', line, b.tsIndex + 1, `timestamp "${shown}" is not a number of ${b.timeFormat === 'epoch-s' ? 'seconds' : 'milliseconds'} since 1970 (sli.timeFormat: ${b.timeFormat})`, 'fix the export, or remove sli.timeFormat if the column holds ISO 8601 times');
      } else if (/^\d+(\.\d+)?$/.test(shown)) {
        report('csv-bad-timestamp', line, b.tsIndex + 1, `timestamp "${shown}" is too small to be Unix epoch seconds (9–10 digits) or milliseconds (12–13 digits)`, `if it is an epoch time, say which unit with sli.timeFormat: epoch-s or epoch-ms in the SLO ${b.sloId}`);
      } else {
        report('csv-bad-timestamp', line, b.tsIndex + 1, `timestamp "${shown}" is not ISO 8601 or Unix epoch seconds/milliseconds`);
      }
      return;
    }
    if (ts.kind === 'iso') r.kinds.iso++;
    else if (ts.kind === 'epoch-s') r.kinds.epochS++;
    else r.kinds.epochMs++;

    let good: number;
    let total: number;
    if (b.threshold !== null) {
      const v = readNumber(b.valueIndex, line, b.names.value, false);
      if (v === null) return;
      const limit = b.threshold.value;
      const op = b.threshold.op;
      good = (op === 'lte' ? v <= limit : op === 'lt' ? v < limit : op === 'gte' ? v >= limit : v > limit) ? 1 : 0;
      total = 1;
    } else {
      const t = readNumber(b.totalIndex, line, b.names.total, true);
      const g = b.goodIndex >= 0 ? readNumber(b.goodIndex, line, b.names.good, true) : null;
      const bad = b.badIndex >= 0 ? readNumber(b.badIndex, line, b.names.bad, true) : null;
      if (t === null || (g === null && bad === null)) return;
      total = t;
      if (g !== null) {
        if (g > t) {
          report('csv-good-greater-than-total', line, b.goodIndex + 1, `${b.names.good} (${g}) is greater than ${b.names.total} (${t})`, `swap the columns in the SLO ${b.sloId}, or fix the export`);
          return;
        }
        good = g;
      } else {
        const badCount = bad ?? 0;
        if (badCount > t) {
          report('csv-good-greater-than-total', line, b.badIndex + 1, `${b.names.bad} (${badCount}) is greater than ${b.names.total} (${t})`, `check the column mapping of SLO ${b.sloId}, or fix the export`);
          return;
        }
        good = t - badCount;
      }
    }
    r.rows++;
    if (sink === undefined) appendBucket(builder, ts.ms, good, total);
    else sink(ci, ts.ms, good, total, line, field(b.tsIndex));
  };

  let lines = 0;
  let records = 0;
  /** A quoted record that continues on the next line, and the line it began on. */
  let pending: string | null = null;
  let pendingLine = 0;
  const dispatch = (line: number) => {
    for (const ci of everyRow) readRow(ci, line);
    for (const [index, map] of seriesGroups) {
      const raw = field(index);
      const hit = map.get(raw) ?? (raw.trim() !== raw ? map.get(raw.trim()) : undefined);
      if (hit !== undefined) for (const ci of hit) readRow(ci, line);
    }
  };
  /** A record given as fields (quoted lines, or a field count to complain about). */
  const recordFields = (fields: string[], line: number) => {
    if (fields.every((f) => f.trim() === '')) return;
    records++;
    if (fields.length !== job.fieldCount) {
      report('csv-syntax', line, 1, `this line has ${fields.length} field${fields.length === 1 ? '' : 's'} but the header has ${job.fieldCount}`, `check the delimiter (${JSON.stringify(job.delimiter)}) and quoting: a field containing the delimiter must be quoted`);
      return;
    }
    rowFields = fields;
    dispatch(line);
  };
  /** An unquoted line `text[start, end)`: fields found by position, nothing cut out but what is read. */
  const recordAt = (text: string, start: number, end: number, line: number) => {
    if (start === end) return;
    let n = 0;
    let at = start;
    for (;;) {
      const d = text.indexOf(job.delimiter, at);
      const stop = d === -1 || d >= end ? end : d;
      if (n < starts.length) {
        starts[n] = at;
        ends[n] = stop;
      }
      n++;
      if (stop === end) break;
      at = stop + 1;
    }
    if (n !== job.fieldCount) {
      recordFields(text.slice(start, end).split(job.delimiter), line);
      return;
    }
    records++;
    rowText = text;
    rowFields = null;
    dispatch(line);
  };
  const onLine = (text: string, start: number, lineEnd: number, quoted: boolean) => {
    lines++;
    const end = lineEnd > start && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    if (pending !== null) {
      const part = text.slice(start, end);
      pending += `\n${part}`;
      if (opensQuote(part)) {
        recordFields(splitCsvLine(pending, job.delimiter), pendingLine);
        pending = null;
      }
      return;
    }
    if (!quoted) {
      recordAt(text, start, end, lines);
      return;
    }
    const whole = text.slice(start, end);
    if (opensQuote(whole)) {
      pending = whole;
      pendingLine = lines;
      return;
    }
    recordFields(splitCsvLine(whole, job.delimiter), lines);
  };

  const handle = await open(job.path, 'r');
  try {
    // Bytes after the last newline of a read wait at the start of the buffer for the next one, so
    // that each decode is of whole lines (a newline never splits a UTF-8 character) into one flat
    // string; a line longer than the buffer grows it.
    let buf = Buffer.allocUnsafe(READ_BYTES);
    let keep = 0;
    let at = job.start;
    let sinceProgress = 0;
    const lines = (text: string) => {
      let pos = 0;
      let quote = text.indexOf('"');
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', pos)) {
        onLine(text, pos, nl, quote !== -1 && quote < nl);
        pos = nl + 1;
        if (quote !== -1 && quote < pos) quote = text.indexOf('"', pos);
      }
      // What follows the last newline is a line too, even an empty one.
      onLine(text, pos, text.length, quote !== -1);
    };
    while (at < job.end) {
      if (keep === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, keep);
        buf = bigger;
      }
      const { bytesRead } = await handle.read(buf, keep, Math.min(buf.length - keep, job.end - at), at);
      if (bytesRead === 0) break;
      at += bytesRead;
      const n = keep + bytesRead;
      const lastNewline = buf.lastIndexOf(10, n - 1);
      if (lastNewline === -1) {
        keep = n;
        continue;
      }
      lines(buf.toString('utf8', 0, lastNewline));
      buf.copy(buf, 0, lastNewline + 1, n);
      keep = n - lastNewline - 1;
      sinceProgress += bytesRead;
      if (sinceProgress >= 8 * READ_BYTES) {
        onProgress(sinceProgress);
        sinceProgress = 0;
      }
    }
    if (keep > 0) lines(buf.toString('utf8', 0, keep));
    onProgress(sinceProgress);
  } finally {
    await handle.close();
  }
  for (const { at, more } of zoneless.values()) {
    const d = diagnostics[at];
    if (d !== undefined && more > 0) d.message += `, nor have the ${more.toLocaleString('en-US')} rows after it`;
  }
  consumers.forEach((c, i) => {
    const builder = builders[i];
    if (builder !== undefined) c.buckets = sealBuckets(builder);
  });
  const unbalancedQuote = pending !== null;
  if (pending !== null) {
    report('csv-syntax', pendingLine, 1, 'a quoted field opened on this line is never closed', 'close the quote, or double a quote inside a field ("")');
  }
  return { lines, records, consumers, diagnostics, suppressed, unbalancedQuote };
}
