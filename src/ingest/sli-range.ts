/**
 * The row loop: reads the lines of one byte range of a CSV export (after its header) and feeds
 * each SLO bound to it. The same code runs on the main thread and in the worker threads that
 * split a large file in two; it knows nothing of threads. Lines are numbered from 1 at the
 * start of the range; the caller adds the range's first line.
 */
import { open } from 'node:fs/promises';
import { diagnose, type Diagnostic } from './diagnostic.ts';
import type { DiagnosticCode } from './diagnostic-codes.ts';
import { appendBucket, createChunkedBuckets, type ChunkedBuckets } from './sli-columns.ts';
import { opensQuote, splitCsvLine } from './sli-dialect.ts';
import type { ConsumerBinding } from './sli-layout.ts';
import { parseSliTimestamp } from './sli-timestamp.ts';

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
  buckets: ChunkedBuckets;
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

const READ_BYTES = 1 << 20;
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
  const consumers: ConsumerRangeResult[] = job.bindings.map(() => ({
    buckets: createChunkedBuckets(),
    matched: 0,
    rows: 0,
    kinds: { iso: 0, epochS: 0, epochMs: 0 },
  }));
  const store: RowSink =
    sink ??
    ((c, s, g, t) => {
      const r = consumers[c];
      if (r !== undefined) appendBucket(r.buckets, s, g, t);
    });
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

  const readNumber = (fields: string[], index: number, line: number, name: string, count: boolean): number | null => {
    const text = fields[index] ?? '';
    const first = text.charCodeAt(0);
    // Digits first: the common case skips the missing-value checks.
    if (!(first >= 48 && first <= 57) && isMissing(text)) return null;
    const n = Number(text);
    if (!Number.isFinite(n) || text.trim() === '') {
      report('csv-bad-number', line, index + 1, `${name} is "${text.trim()}", not a number`);
      return null;
    }
    if (count && n < 0) {
      report('csv-negative', line, index + 1, `${name} is ${text.trim()}; counts cannot be negative`);
      return null;
    }
    return n;
  };

  const readRow = (ci: number, fields: string[], line: number) => {
    const b = job.bindings[ci];
    const r = consumers[ci];
    if (b === undefined || r === undefined) return;
    r.matched++;
    const tsText = fields[b.tsIndex] ?? '';
    const ts = parseSliTimestamp(tsText, b.timezone, b.timeFormat);
    if (!ts.ok) {
      const shown = tsText.trim();
      if (ts.reason === 'zoneless') {
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
      const v = readNumber(fields, b.valueIndex, line, b.names.value, false);
      if (v === null) return;
      const limit = b.threshold.value;
      const op = b.threshold.op;
      good = (op === 'lte' ? v <= limit : op === 'lt' ? v < limit : op === 'gte' ? v >= limit : v > limit) ? 1 : 0;
      total = 1;
    } else {
      const t = readNumber(fields, b.totalIndex, line, b.names.total, true);
      const g = b.goodIndex >= 0 ? readNumber(fields, b.goodIndex, line, b.names.good, true) : null;
      const bad = b.badIndex >= 0 ? readNumber(fields, b.badIndex, line, b.names.bad, true) : null;
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
    store(ci, ts.ms, good, total, line, tsText);
  };

  let lines = 0;
  let records = 0;
  /** A quoted record that continues on the next line, and the line it began on. */
  let pending: string | null = null;
  let pendingLine = 0;
  const record = (text: string, line: number) => {
    if (text.length === 0 || (text.length < 8 && text.trim() === '')) return;
    records++;
    const fields = splitCsvLine(text, job.delimiter);
    if (fields.length !== job.fieldCount) {
      if (fields.every((f) => f.trim() === '')) return;
      report('csv-syntax', line, 1, `this line has ${fields.length} field${fields.length === 1 ? '' : 's'} but the header has ${job.fieldCount}`, `check the delimiter (${JSON.stringify(job.delimiter)}) and quoting: a field containing the delimiter must be quoted`);
      return;
    }
    for (const ci of everyRow) readRow(ci, fields, line);
    for (const [index, map] of seriesGroups) {
      const raw = fields[index] ?? '';
      const hit = map.get(raw) ?? (raw.trim() !== raw ? map.get(raw.trim()) : undefined);
      if (hit !== undefined) for (const ci of hit) readRow(ci, fields, line);
    }
  };
  const onLine = (raw: string) => {
    lines++;
    const text = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    if (pending !== null) {
      pending += `\n${text}`;
      if (opensQuote(text)) {
        record(pending, pendingLine);
        pending = null;
      }
      return;
    }
    if (text.indexOf('"') !== -1 && opensQuote(text)) {
      pending = text;
      pendingLine = lines;
      return;
    }
    record(text, lines);
  };

  const handle = await open(job.path, 'r');
  try {
    const decoder = new TextDecoder('utf-8');
    const buf = Buffer.allocUnsafe(READ_BYTES);
    let carry = '';
    let at = job.start;
    let sinceProgress = 0;
    while (at < job.end) {
      const { bytesRead } = await handle.read(buf, 0, Math.min(READ_BYTES, job.end - at), at);
      if (bytesRead === 0) break;
      at += bytesRead;
      const text = carry + decoder.decode(buf.subarray(0, bytesRead), { stream: true });
      let pos = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', pos)) {
        onLine(text.slice(pos, nl));
        pos = nl + 1;
      }
      carry = text.slice(pos);
      sinceProgress += bytesRead;
      if (sinceProgress >= 8 * READ_BYTES) {
        onProgress(sinceProgress);
        sinceProgress = 0;
      }
    }
    carry += decoder.decode();
    if (carry.length > 0) onLine(carry);
    onProgress(sinceProgress);
  } finally {
    await handle.close();
  }
  const unbalancedQuote = pending !== null;
  if (pending !== null) {
    report('csv-syntax', pendingLine, 1, 'a quoted field opened on this line is never closed', 'close the quote, or double a quote inside a field ("")');
  }
  return { lines, records, consumers, diagnostics, suppressed, unbalancedQuote };
}
