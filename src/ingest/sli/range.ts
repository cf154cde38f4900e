/**
 * The row loop: one byte range of a CSV export (after its header) streamed through csv-parse,
 * each record fed to the SLOs bound to it. The same code runs on the main thread and in the
 * worker thread that reads the second half of a large file; it knows nothing of threads. Lines
 * are numbered from 1 at the start of the range (csv-parse's own count); the caller adds the
 * range's first line.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { diagnose, type Diagnostic } from '../diagnostic.ts';
import type { DiagnosticCode } from '../diagnostic-codes.ts';
import { echo } from '../echo.ts';
import { appendBucket, createBucketBuilder, sealBuckets, type RawBuckets } from './columns.ts';
import type { ConsumerBinding } from './layout.ts';
import { parseSliTimestamp } from './timestamp.ts';

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
  kinds: { iso: number; day: number; epochS: number; epochMs: number };
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
  /**
   * Timestamps without a zone, per timestamp column: one export has one convention, so the file's
   * caller reports the first one once, naming every SLO that reads the column (lines relative).
   */
  zoneless: ZonelessTimestamps[];
}

export interface ZonelessTimestamps {
  column: number;
  line: number;
  text: string;
  /** Lines after the first with a zone-less timestamp. */
  more: number;
  sloIds: string[];
}

/** Where a valid row goes: the normal sink stores it, the duplicate finder only looks. */
export type RowSink = (
  consumer: number,
  startMs: number,
  good: number,
  total: number,
  line: number,
  timestampText: string,
) => void;

/** Bytes per read of the range; csv-parse joins what is left of one read to the next. */
const READ_BYTES = 64 * 1024;
const MISSING = new Set(['', 'null', 'nan', 'none', 'n/a']);

function isMissing(text: string): boolean {
  if (text.length > 4) return false;
  const t = text.trim().toLowerCase();
  return MISSING.has(t);
}

/** A record of empty or blank fields: a blank line, or `;;;`. */
function isBlank(record: readonly string[]): boolean {
  for (const field of record) if (field.trim() !== '') return false;
  return true;
}

export async function parseRange(
  job: RangeJob,
  onProgress: (bytes: number) => void = () => {},
  sink?: RowSink,
): Promise<RangeResult> {
  const builders = job.bindings.map((b) => createBucketBuilder(b.threshold !== null));
  const consumers: ConsumerRangeResult[] = job.bindings.map(() => ({
    buckets: { runs: new Float64Array(0), counts: [], count: 0, values: null },
    matched: 0,
    rows: 0,
    kinds: { iso: 0, day: 0, epochS: 0, epochMs: 0 },
  }));
  const diagnostics: Diagnostic[] = [];
  let suppressed = 0;
  // Two SLOs reading the same column of the same row find the same defect: one message for it.
  let reportedLine = -1;
  const reportedHere = new Set<string>();
  const report = (code: DiagnosticCode, line: number, column: number, message: string, hint?: string) => {
    if (line !== reportedLine) {
      reportedLine = line;
      reportedHere.clear();
    }
    const key = `${code}:${column}:${message}`;
    if (reportedHere.has(key)) return;
    reportedHere.add(key);
    if (diagnostics.length < job.maxDiagnostics)
      diagnostics.push(diagnose(code, { file: job.display, line, column }, message, hint));
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

  /** The record being read: csv-parse's array of field strings, trimmed, not cast. */
  let fields: string[] = [];

  const readNumber = (index: number, line: number, name: string, count: boolean): number | null => {
    const text = fields[index] ?? '';
    const first = text.charCodeAt(0);
    // Digits first: the common case skips the missing-value checks.
    if (!(first >= 48 && first <= 57) && isMissing(text)) return null;
    const n = Number(text);
    // Number() also reads 0x10, 0b11 and 0o17; an export writes decimals only.
    const radixPrefix =
      first === 48 &&
      text.length > 2 &&
      ((text.charCodeAt(1) | 32) === 120 ||
        (text.charCodeAt(1) | 32) === 98 ||
        (text.charCodeAt(1) | 32) === 111);
    if (!Number.isFinite(n) || radixPrefix || (n === 0 && text.trim() === '')) {
      report('csv-bad-number', line, index + 1, `${name} is "${echo(text.trim())}", not a number`);
      return null;
    }
    if (count && n < 0) {
      report('csv-negative', line, index + 1, `${name} is ${text.trim()}; counts cannot be negative`);
      return null;
    }
    if (count && n > Number.MAX_SAFE_INTEGER) {
      // Past 2^53 doubles skip integers: 2^53 + 1 failed events would read as none.
      report(
        'csv-bad-number',
        line,
        index + 1,
        `${name} is "${echo(text.trim())}", more than 2^53 (9,007,199,254,740,991): a count that large cannot be added up exactly`,
        'check the export: no real service counts that many events in one row',
      );
      return null;
    }
    return n;
  };

  const zoneless = new Map<number, ZonelessTimestamps>();
  const zonelessLine = new Map<number, number>();
  const readRow = (ci: number, line: number) => {
    const b = job.bindings[ci];
    const r = consumers[ci];
    const builder = builders[ci];
    if (b === undefined || r === undefined || builder === undefined) return;
    r.matched++;
    const tsText = fields[b.tsIndex] ?? '';
    const ts = parseSliTimestamp(tsText, b.timezone, b.timeFormat, b.dayZone);
    if (!ts.ok) {
      const shown = tsText.trim();
      if (ts.reason === 'zoneless') {
        // One export has one convention: the first zoneless row is reported, the others counted.
        const seen = zoneless.get(b.tsIndex);
        if (seen === undefined)
          zoneless.set(b.tsIndex, { column: b.tsIndex + 1, line, text: shown, more: 0, sloIds: [b.sloId] });
        else {
          if (!seen.sloIds.includes(b.sloId)) seen.sloIds.push(b.sloId);
          // A row read by two SLOs is one row.
          if (zonelessLine.get(b.tsIndex) !== line) seen.more++;
        }
        zonelessLine.set(b.tsIndex, line);
      } else if (b.timeFormat === 'epoch-s' || b.timeFormat === 'epoch-ms') {
        report(
          'csv-bad-timestamp',
          line,
          b.tsIndex + 1,
          `timestamp "${echo(shown)}" is not a number of ${b.timeFormat === 'epoch-s' ? 'seconds' : 'milliseconds'} since 1970 (sli.timeFormat: ${b.timeFormat})`,
          'fix the export, or remove sli.timeFormat if the column holds ISO 8601 times',
        );
      } else if (/^\d+(\.\d+)?$/.test(shown)) {
        report(
          'csv-bad-timestamp',
          line,
          b.tsIndex + 1,
          `timestamp "${echo(shown)}" is too small to be Unix epoch seconds (9–10 digits) or milliseconds (12–13 digits)`,
          `if it is an epoch time, say which unit with sli.timeFormat: epoch-s or epoch-ms in the SLO ${b.sloId}`,
        );
      } else {
        report(
          'csv-bad-timestamp',
          line,
          b.tsIndex + 1,
          `timestamp "${echo(shown)}" is not ISO 8601 or Unix epoch seconds/milliseconds`,
        );
      }
      return;
    }
    if (ts.kind === 'iso') r.kinds.iso++;
    else if (ts.kind === 'day') r.kinds.day++;
    else if (ts.kind === 'epoch-s') r.kinds.epochS++;
    else r.kinds.epochMs++;

    let good: number;
    let total: number;
    let value = Number.NaN;
    if (b.threshold !== null) {
      const v = readNumber(b.valueIndex, line, b.names.value, false);
      if (v === null) return;
      value = v;
      const limit = b.threshold.value;
      const op = b.threshold.op;
      good = (op === 'lte' ? v <= limit : op === 'lt' ? v < limit : op === 'gte' ? v >= limit : v > limit)
        ? 1
        : 0;
      total = 1;
    } else {
      const t = readNumber(b.totalIndex, line, b.names.total, true);
      const g = b.goodIndex >= 0 ? readNumber(b.goodIndex, line, b.names.good, true) : null;
      const bad = b.badIndex >= 0 ? readNumber(b.badIndex, line, b.names.bad, true) : null;
      if (t === null || (g === null && bad === null)) return;
      total = t;
      if (g !== null) {
        if (g > t) {
          report(
            'csv-good-greater-than-total',
            line,
            b.goodIndex + 1,
            `${b.names.good} (${g}) is greater than ${b.names.total} (${t})`,
            `swap the columns in the SLO ${b.sloId}, or fix the export`,
          );
          return;
        }
        good = g;
      } else {
        const badCount = bad ?? 0;
        if (badCount > t) {
          report(
            'csv-good-greater-than-total',
            line,
            b.badIndex + 1,
            `${b.names.bad} (${badCount}) is greater than ${b.names.total} (${t})`,
            `check the column mapping of SLO ${b.sloId}, or fix the export`,
          );
          return;
        }
        good = t - badCount;
      }
    }
    r.rows++;
    if (sink === undefined) appendBucket(builder, ts.ms, good, total, value);
    else sink(ci, ts.ms, good, total, line, tsText);
  };

  let records = 0;
  /**
   * The line the last record ended on. Blank lines are records too (skip_empty_lines is off), so
   * a record begins on the line after the previous one ended: a quoted field spanning lines is
   * reported where it begins, as an editor shows it, while csv-parse counts where it ends.
   */
  let lastLine = 0;
  const onRecord = (record: string[], line: number) => {
    const first = record[0] ?? '';
    if ((first.length === 0 || first.charCodeAt(0) <= 32) && isBlank(record)) return;
    records++;
    if (record.length !== job.fieldCount) {
      report(
        'csv-syntax',
        line,
        1,
        `this line has ${record.length} field${record.length === 1 ? '' : 's'} but the header has ${job.fieldCount}`,
        `check the delimiter (${JSON.stringify(job.delimiter)}) and quoting: a field containing the delimiter must be quoted`,
      );
      return;
    }
    fields = record;
    for (const ci of everyRow) readRow(ci, line);
    for (const [index, map] of seriesGroups) {
      const raw = record[index] ?? '';
      const hit = map.get(raw) ?? (raw.trim() !== raw ? map.get(raw.trim()) : undefined);
      if (hit !== undefined) for (const ci of hit) readRow(ci, line);
    }
  };

  let unbalancedQuote = false;
  if (job.end > job.start) {
    // csv-parse tokenises: RFC 4180 quoting ("" is a quote, a quoted field may hold the delimiter
    // or a line break), LF or CRLF, spaces around a field dropped (trim, so `, "api" ,` is api).
    // A stray quote inside an unquoted field is kept as a character (relax_quotes); a record with
    // another number of fields reaches onRecord, which names its line (relax_column_count).
    // Records stay plain arrays of strings: no columns, no cast. on_record, which also hands over
    // the line count, measured 13–18% faster than async iteration with `info: true`.
    const parser = parse({
      delimiter: job.delimiter,
      record_delimiter: ['\r\n', '\n'],
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
      on_record: (record: string[], context) => {
        const line = lastLine + 1;
        lastLine = context.lines;
        onRecord(record, line);
        return null;
      },
    });
    // `end` is inclusive in createReadStream.
    const input = createReadStream(job.path, {
      start: job.start,
      end: job.end - 1,
      highWaterMark: READ_BYTES,
    });
    let sinceProgress = 0;
    input.on('data', (chunk) => {
      sinceProgress += chunk.length;
      if (sinceProgress >= 8 * READ_BYTES) {
        onProgress(sinceProgress);
        sinceProgress = 0;
      }
    });
    // Every record is consumed in on_record; resuming lets the parser end.
    parser.resume();
    try {
      await pipeline(input, parser);
    } catch (e) {
      if (!(e instanceof CsvError)) throw e;
      unbalancedQuote = true;
      // Found by fuzzing (tests/security/fuzz.test.ts): a quote closed and followed by text at the
      // end of the file is CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE, and any other tokeniser
      // error is the file's problem too, so each is a diagnostic on its line.
      if (e.code === 'CSV_QUOTE_NOT_CLOSED')
        report(
          'csv-syntax',
          lastLine + 1,
          1,
          'a quoted field opened on this line is never closed',
          'close the quote, or double a quote inside a field ("")',
        );
      else
        report(
          'csv-syntax',
          typeof e['lines'] === 'number' ? e['lines'] : lastLine + 1,
          1,
          `the line cannot be read as CSV: ${echo(e.message.replace(/ at line \d+$/, ''))}`,
          'check quoting: a quoted field ends with a quote followed by the delimiter or the end of the line',
        );
    }
    onProgress(sinceProgress);
  }
  consumers.forEach((c, i) => {
    const builder = builders[i];
    if (builder !== undefined) c.buckets = sealBuckets(builder);
  });
  return {
    lines: lastLine,
    records,
    consumers,
    diagnostics,
    suppressed,
    unbalancedQuote,
    zoneless: [...zoneless.values()],
  };
}
