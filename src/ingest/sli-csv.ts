/**
 * Streaming reader for SLI exports (SPEC §5). One pass over a file feeds every SLO that reads
 * from it; memory grows with the number of distinct timestamps kept per SLO, never with the
 * file's size in bytes. Every bad row becomes a Diagnostic with file:line:column.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse, type Options } from 'csv-parse';
import type { Bucket } from '../domain/bucket.ts';
import { diagnose, type Diagnostic } from './diagnostic.ts';
import type { DiagnosticCode } from './diagnostic-codes.ts';
import type { SliMapping } from './slo-catalog.ts';
import { parseSliTimestamp } from './sli-timestamp.ts';

export interface SliConsumer {
  sloId: string;
  mapping: SliMapping;
}

/**
 * One SLO's rows, gathered across every file its `sli.source` matches: splitting an export into
 * several files changes no figure, and a timestamp repeated across files is still a duplicate.
 */
export interface SliAccumulator {
  consumer: SliConsumer;
  cells: Map<number, Cell>;
  /** Rows of this SLO's series, valid or not. */
  matched: number;
  /** Rows that contributed counts. */
  rows: number;
}

export function createSliAccumulator(consumer: SliConsumer): SliAccumulator {
  return { consumer, cells: new Map(), matched: 0, rows: 0 };
}

export interface SliAggregate {
  sloId: string;
  /** Sorted by startMs; one bucket per distinct row timestamp. */
  buckets: Bucket[];
  /** Declared `sli.step`, else the most common spacing between rows; null with fewer than two rows. */
  stepMs: number | null;
  stepInferred: boolean;
  rows: number;
}

export interface SliFileResult {
  diagnostics: Diagnostic[];
  rows: number;
}

/** Past this many problems in one file the rest are summarised: the first ones show the pattern. */
const MAX_DIAGNOSTICS_PER_FILE = 20;
const MISSING = new Set(['', 'null', 'nan', 'none', 'n/a']);

interface Dialect {
  delimiter: string;
  /** Lines before the header, e.g. Excel's `sep=,`. */
  skipLines: number;
}

/** Looks at the first line(s) only: `sep=;` wins, else the more frequent of `,` and `;` in the header. */
async function detectDialect(path: string): Promise<Dialect> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    const lines = head.split(/\r?\n/);
    const sep = /^"?sep=(.)"?$/i.exec(lines[0] ?? '');
    if (sep?.[1]) return { delimiter: sep[1], skipLines: 1 };
    const header = lines[0] ?? '';
    const commas = header.split(',').length;
    const semis = header.split(';').length;
    return { delimiter: semis > commas ? ';' : ',', skipLines: 0 };
  } finally {
    await handle.close();
  }
}

interface Row {
  line: number;
  fields: string[];
}

interface Cell {
  good: number;
  total: number;
  /** Where the row came from, for a duplicate's message. */
  file: string;
  line: number;
}

interface ConsumerState {
  acc: SliAccumulator;
  consumer: SliConsumer;
  file: string;
  tsIndex: number;
  seriesIndex: number;
  goodIndex: number;
  badIndex: number;
  totalIndex: number;
  valueIndex: number;
}

/** Streams one file into the accumulators of the SLOs that read it. */
export async function readSliCsv(path: string, display: string, accumulators: readonly SliAccumulator[]): Promise<SliFileResult> {
  const diagnostics: Diagnostic[] = [];
  let suppressed = 0;
  const report = (code: DiagnosticCode, line: number, column: number, message: string, hint?: string) => {
    if (diagnostics.length < MAX_DIAGNOSTICS_PER_FILE) diagnostics.push(diagnose(code, { file: display, line, column }, message, hint));
    else suppressed++;
  };

  let dialect: Dialect;
  try {
    dialect = await detectDialect(path);
  } catch (e) {
    return {
      diagnostics: [
        diagnose(
          'sli-source-missing',
          { file: display },
          (e as NodeJS.ErrnoException).code === 'ENOENT'
            ? `${display} does not exist, but SLO ${accumulators.map((a) => a.consumer.sloId).join(', ')} reads from it`
            : `cannot read ${display}: ${(e as Error).message}`,
        ),
      ],
      rows: 0,
    };
  }

  // Plain arrays, no casting: csv-parse's `columns` and `cast` options are several times slower.
  const options: Options<Row, string[]> = {
    bom: true,
    delimiter: dialect.delimiter,
    from_line: dialect.skipLines + 1,
    skip_empty_lines: true,
    trim: true,
    on_record: (record, context) => ({ line: context.lines, fields: record }),
  };
  // The options overload of `parse` is not generic over the record type on_record returns.
  const parser = createReadStream(path).pipe(parse(options as unknown as Options));

  let states: ConsumerState[] | null = null;
  let rows = 0;
  try {
    for await (const { line, fields } of parser as AsyncIterable<Row>) {
      if (states === null) {
        states = bindHeader(fields, accumulators, display, line, diagnostics);
        if (states.length === 0) break;
        continue;
      }
      rows++;
      for (const st of states) readRow(st, fields, line, report);
    }
  } catch (e) {
    const err = e as Error & { lines?: number; code?: string };
    report('csv-syntax', err.lines ?? 0, 1, `the CSV cannot be parsed: ${err.message.replace(/^Invalid Record Length: /, 'record length differs from the header: ')}`);
  }
  if (suppressed > 0) {
    diagnostics.push(diagnose('csv-syntax', { file: display }, `${suppressed} more problems in this file are not listed`, 'fix the ones above first: they usually share one cause'));
  }

  for (const st of states ?? []) {
    if (st.acc.matched === 0 && st.consumer.mapping.series !== null && st.seriesIndex >= 0) {
      diagnostics.push(
        diagnose('csv-no-series', { file: display }, `no row has ${st.consumer.mapping.seriesColumn} = "${st.consumer.mapping.series}" (SLO ${st.consumer.sloId})`),
      );
    }
  }
  return { diagnostics, rows };
}

/** The SLO's rows as sorted buckets, once every file it reads has been streamed. */
export function finishSliAccumulator(acc: SliAccumulator): SliAggregate {
  const buckets: Bucket[] = [...acc.cells.entries()]
    .map(([startMs, c]) => ({ startMs, good: c.good, total: c.total }))
    .sort((a, b) => a.startMs - b.startMs);
  const declared = acc.consumer.mapping.stepMs;
  return {
    sloId: acc.consumer.sloId,
    buckets,
    stepMs: declared ?? inferStep(buckets),
    stepInferred: declared === null,
    rows: acc.rows,
  };
}

function bindHeader(header: string[], accumulators: readonly SliAccumulator[], file: string, line: number, out: Diagnostic[]): ConsumerState[] {
  const index = new Map(header.map((name, i) => [name.trim(), i] as const));
  const states: ConsumerState[] = [];
  for (const acc of accumulators) {
    const consumer = acc.consumer;
    const m = consumer.mapping;
    const find = (name: string | null, role: string): number => {
      if (name === null) return -1;
      const i = index.get(name);
      if (i === undefined) {
        out.push(
          diagnose(
            'csv-missing-column',
            { file, line, column: 1 },
            `SLO ${consumer.sloId} reads ${role} from column "${name}", which the header does not have (columns: ${header.join(', ')})`,
          ),
        );
        return -2;
      }
      return i;
    };
    const st: ConsumerState = {
      acc,
      consumer,
      file,
      tsIndex: find(m.timestampColumn, 'the timestamp'),
      seriesIndex: m.series === null ? (index.get(m.seriesColumn) ?? -1) : find(m.seriesColumn, 'the series name'),
      goodIndex: find(m.good, 'good events'),
      badIndex: find(m.bad, 'bad events'),
      totalIndex: find(m.total, 'total events'),
      valueIndex: find(m.value, 'the measured value'),
    };
    const indices = [st.tsIndex, st.seriesIndex, st.goodIndex, st.badIndex, st.totalIndex, st.valueIndex];
    if (!indices.includes(-2)) states.push(st);
  }
  return states;
}

type Report = (code: DiagnosticCode, line: number, column: number, message: string, hint?: string) => void;

function readRow(st: ConsumerState, fields: string[], line: number, report: Report): void {
  const m = st.consumer.mapping;
  if (m.series !== null && fields[st.seriesIndex] !== m.series) return;
  st.acc.matched++;
  const tsText = fields[st.tsIndex] ?? '';
  const ts = parseSliTimestamp(tsText, m.timezone);
  if (!ts.ok) {
    if (ts.reason === 'zoneless') {
      report('csv-bad-timestamp', line, st.tsIndex + 1, `timestamp "${tsText}" has no time zone`, `add an offset in the export (e.g. ${tsText.replace(' ', 'T')}Z), or say which zone it is in with sli.timezone in the SLO (e.g. timezone: UTC)`);
    } else {
      report('csv-bad-timestamp', line, st.tsIndex + 1, `timestamp "${tsText}" is not ISO 8601 or epoch seconds/milliseconds`);
    }
    return;
  }

  let good: number;
  let total: number;
  if (m.threshold !== null) {
    const v = readNumber(fields, st.valueIndex, line, m.value ?? '', report, false);
    if (v === null) return;
    good = passes(v, m.threshold.op, m.threshold.value) ? 1 : 0;
    total = 1;
  } else {
    const t = readNumber(fields, st.totalIndex, line, m.total ?? '', report, true);
    const g = m.good !== null ? readNumber(fields, st.goodIndex, line, m.good, report, true) : null;
    const b = m.bad !== null ? readNumber(fields, st.badIndex, line, m.bad, report, true) : null;
    if (t === null || (g === null && b === null)) return;
    total = t;
    if (g !== null) {
      if (g > t) {
        report('csv-good-greater-than-total', line, st.goodIndex + 1, `${m.good} (${g}) is greater than ${m.total} (${t})`, `swap the columns in the SLO ${st.consumer.sloId}, or fix the export`);
        return;
      }
      good = g;
    } else {
      const bad = b ?? 0;
      if (bad > t) {
        report('csv-good-greater-than-total', line, st.badIndex + 1, `${m.bad} (${bad}) is greater than ${m.total} (${t})`, `check the column mapping of SLO ${st.consumer.sloId}, or fix the export`);
        return;
      }
      good = t - bad;
    }
  }

  st.acc.rows++;
  const cells = st.acc.cells;
  const prev = cells.get(ts.ms);
  if (prev === undefined) {
    cells.set(ts.ms, { good, total, file: st.file, line });
  } else if (m.duplicates === 'sum') {
    prev.good += good;
    prev.total += total;
  } else if (m.duplicates === 'last') {
    cells.set(ts.ms, { good, total, file: st.file, line });
  } else {
    const first = prev.file === st.file ? `lines ${prev.line} and ${line}` : `${prev.file}:${prev.line} and line ${line}`;
    report('csv-duplicate-row', line, st.tsIndex + 1, `timestamp ${tsText}${m.series !== null ? ` of series ${m.series}` : ''} appears twice: ${first}`);
  }
}

function readNumber(fields: string[], index: number, line: number, column: string, report: Report, count: boolean): number | null {
  const text = fields[index] ?? '';
  if (MISSING.has(text.toLowerCase())) return null;
  const n = Number(text);
  if (!Number.isFinite(n)) {
    report('csv-bad-number', line, index + 1, `${column} is "${text}", not a number`);
    return null;
  }
  if (count && n < 0) {
    report('csv-negative', line, index + 1, `${column} is ${text}; counts cannot be negative`);
    return null;
  }
  return n;
}

function passes(v: number, op: 'lt' | 'lte' | 'gt' | 'gte', limit: number): boolean {
  switch (op) {
    case 'lt':
      return v < limit;
    case 'lte':
      return v <= limit;
    case 'gt':
      return v > limit;
    case 'gte':
      return v >= limit;
  }
}

/** The most common spacing between consecutive rows; ties go to the shorter step. */
export function inferStep(sorted: readonly Bucket[]): number | null {
  const counts = new Map<number, number>();
  for (let i = 1; i < sorted.length; i++) {
    const gap = (sorted[i]?.startMs ?? 0) - (sorted[i - 1]?.startMs ?? 0);
    if (gap > 0) counts.set(gap, (counts.get(gap) ?? 0) + 1);
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
