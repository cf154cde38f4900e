/**
 * Pulling one SLO's SLI from a Prometheus-compatible API into its CSV (`npm run pull`).
 *
 * Each row covers [t, t + step), aligned to the step; its counts are the planned query
 * (promql-plan.ts) evaluated at t + step. What Prometheus does with the samples, and so what a
 * row holds (docs/prometheus.md has the worked examples):
 * - a counter reset inside a step is added back (increase() treats a drop as a restart from 0);
 * - a step whose window holds fewer than two samples has no value, and so no row: never a zero;
 * - a step with samples missing at an edge is extrapolated, so counts are rarely whole: they
 *   are rounded (pull-steps.ts `rowCounts`);
 * - a numerator with no series while the total has samples counts 0: Prometheus drops a counter
 *   that was never incremented (`http_requests_total{code="500"}` appears with the first error).
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pullRange, rowCounts, splitRange, PROMETHEUS_MAX_POINTS } from '../../domain/pull-steps.ts';
import { parseSliTimestamp } from '../sli/timestamp.ts';
import type { CatalogEntry } from '../catalog/model.ts';
import { planQuery, type PlannedQuery, type QueryRole } from './promql-plan.ts';
import {
  metricNamesKnown,
  PrometheusApiError,
  queryRange,
  realClientEffects,
  type ClientEffects,
  type PrometheusSettings,
  type RangeSamples,
} from './prometheus-client.ts';
import { formatCsvTable, readCsvTable, writeFileAtomic, type CsvTable } from './pulled-csv.ts';

/** Without sli.step or a timeslice window, rows are five minutes long. */
export const DEFAULT_PULL_STEP_MS = 300_000;

export interface PullRequest {
  dataDir: string;
  settings: PrometheusSettings;
  /** --from: start here even if rows exist (they are re-checked). */
  fromMs: number | undefined;
  /** --to, or now: only whole steps that ended by then. */
  toMs: number;
  /** Where a file without rows starts when there is no --from. */
  defaultFromMs: number;
  dryRun: boolean;
  maxPoints?: number;
  client?: ClientEffects;
}

export interface SloPull {
  sloId: string;
  /** Relative to the data directory, as the SLO names it. */
  source: string;
  firstT: number;
  endT: number;
  appended: number;
  /** Rows already there whose counts changed (late scrapes in the re-checked last step). */
  updated: number;
  unchanged: number;
  /** Steps with no samples: no row was written for them. */
  empty: number;
}

/** A failed pull, naming the SLO and the query, with the API's own message. */
export class PullError extends Error {
  readonly sloId: string;
  readonly query: string | null;
  readonly detail: string;
  constructor(sloId: string, query: string | null, detail: string) {
    super(`${sloId}: ${query !== null ? `query ${query}: ` : ''}${detail}`);
    this.sloId = sloId;
    this.query = query;
    this.detail = detail;
  }
}

export function pullStepMs(entry: CatalogEntry): number {
  return entry.sli.stepMs ?? entry.slo.timeslice?.windowMs ?? DEFAULT_PULL_STEP_MS;
}

interface Column {
  role: QueryRole;
  name: string;
  query: string;
  plan: PlannedQuery;
}

export async function pullSlo(entry: CatalogEntry, req: PullRequest): Promise<SloPull> {
  const sloId = entry.slo.id;
  const sli = entry.sli;
  const q = sli.prometheus;
  if (q === undefined) throw new PullError(sloId, null, 'its SLI names no Prometheus query');
  if (sli.source.includes('*'))
    throw new PullError(sloId, null, `sli.source "${sli.source}" is a glob; pull writes one file`);
  const stepMs = pullStepMs(entry);
  const wanted: [QueryRole, string | undefined, string | null][] =
    q.value !== undefined
      ? [['value', q.value, sli.value]]
      : [
          [q.good !== undefined ? 'good' : 'bad', q.good ?? q.bad, sli.good ?? sli.bad],
          ['total', q.total, sli.total],
        ];
  const columns: Column[] = [];
  for (const [role, query, name] of wanted) {
    if (query === undefined || name === null) continue;
    const planned = planQuery(query, role, stepMs);
    if (!planned.ok) throw new PullError(sloId, query, planned.message);
    columns.push({ role, name, query, plan: planned.plan });
  }

  const path = join(req.dataDir, sli.source);
  const read = await readCsvTable(path);
  if (!read.ok) throw new PullError(sloId, null, `${sli.source}: ${read.message}`);
  const seriesColumn = sli.series !== null ? sli.seriesColumn : null;
  const needed = [
    sli.timestampColumn,
    ...(seriesColumn !== null ? [seriesColumn] : []),
    ...columns.map((c) => c.name),
  ];
  const table: CsvTable = read.table ?? { header: needed, rows: [] };
  const missing = needed.filter((n) => !table.header.includes(n));
  if (missing.length > 0)
    throw new PullError(
      sloId,
      null,
      `${sli.source} has the columns ${table.header.join(', ')} but pull writes ${needed.join(', ')} (missing: ${missing.join(', ')}); point sli.source at a new file`,
    );
  const at = (name: string) => table.header.indexOf(name);
  const tsAt = at(sli.timestampColumn);
  const seriesAt = seriesColumn !== null ? at(seriesColumn) : -1;
  const existing = new Map<number, string[]>();
  for (const row of table.rows) {
    if (seriesAt >= 0 && row[seriesAt] !== sli.series) continue;
    const ts = parseSliTimestamp(row[tsAt] ?? '', sli.timezone, sli.timeFormat);
    if (ts.ok) existing.set(ts.ms, row);
  }
  const lastRowT = existing.size > 0 ? Math.max(...existing.keys()) : undefined;
  const range = pullRange({
    stepMs,
    lastRowT,
    fromMs: req.fromMs,
    defaultFromMs: req.defaultFromMs,
    toMs: req.toMs,
  });
  const result: SloPull = {
    sloId,
    source: sli.source,
    firstT: range.firstT,
    endT: range.endT,
    appended: 0,
    updated: 0,
    unchanged: 0,
    empty: 0,
  };
  if (range.endT <= range.firstT) return result;

  const fx = req.client ?? realClientEffects;
  const samples = new Map<QueryRole, RangeSamples>();
  for (const piece of splitRange(range, stepMs, req.maxPoints ?? PROMETHEUS_MAX_POINTS)) {
    for (const c of columns) {
      let got: RangeSamples;
      try {
        // Evaluated at the end of each step: the sample at t + step is the row starting at t.
        got = await queryRange(
          req.settings,
          { expr: c.plan.expr, startMs: piece.firstT + stepMs, endMs: piece.endT, stepMs },
          fx,
        );
      } catch (e) {
        if (e instanceof PrometheusApiError) throw new PullError(sloId, c.query, e.message);
        throw e;
      }
      const all = samples.get(c.role) ?? new Map<number, number>();
      for (const [evalT, v] of got) all.set(evalT - stepMs, v * c.plan.scale);
      samples.set(c.role, all);
    }
  }

  const rowsOf = samples.get(columns.length === 1 ? 'value' : 'total') ?? new Map<number, number>();
  if (rowsOf.size === 0 && [...samples.values()].every((s) => s.size === 0)) {
    await refuseUnknownMetrics(sloId, columns, req.settings, fx);
  }
  const newRows = new Map<number, string[]>();
  for (const [t, totalOrValue] of [...rowsOf].sort((a, b) => a[0] - b[0])) {
    const values = new Map<string, string>();
    const first = columns[0];
    if (columns.length === 1 && first !== undefined) {
      values.set(first.name, String(Number(totalOrValue.toPrecision(12))));
    } else {
      const [num, total] = columns;
      if (num === undefined || total === undefined) continue;
      const counts = rowCounts(samples.get(num.role)?.get(t) ?? 0, totalOrValue);
      values.set(num.name, String(counts.numerator));
      values.set(total.name, String(counts.total));
    }
    newRows.set(t, rowFor(table.header, sli.timestampColumn, seriesColumn, sli.series, t, values));
  }
  result.empty = (range.endT - range.firstT) / stepMs - newRows.size;

  let appendedBefore = false;
  for (const [t, row] of newRows) {
    const old = existing.get(t);
    if (old === undefined) {
      table.rows.push(row);
      result.appended++;
      if (lastRowT !== undefined && t < lastRowT) appendedBefore = true;
      continue;
    }
    const same = columns.every((c) => old[at(c.name)] === row[at(c.name)]);
    if (same) {
      result.unchanged++;
      continue;
    }
    for (const c of columns) old[at(c.name)] = row[at(c.name)] ?? '';
    result.updated++;
  }
  if (appendedBefore) {
    const time = (row: string[]) => {
      const ts = parseSliTimestamp(row[tsAt] ?? '', sli.timezone, sli.timeFormat);
      return ts.ok ? ts.ms : Number.NEGATIVE_INFINITY;
    };
    table.rows.sort((a, b) => time(a) - time(b));
  }
  if (!req.dryRun && (result.appended > 0 || result.updated > 0)) {
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, formatCsvTable(table));
  }
  return result;
}

/** Prometheus answers a query on a metric it never saw with no data, not an error: ask it. */
async function refuseUnknownMetrics(
  sloId: string,
  columns: Column[],
  settings: PrometheusSettings,
  fx: ClientEffects,
): Promise<void> {
  let known: Set<string>;
  try {
    known = await metricNamesKnown(settings, fx);
  } catch {
    return; // Some stores do not serve the label API; then no data is only no data.
  }
  for (const c of columns) {
    const unknown = c.plan.metrics.filter((m) => !known.has(m));
    if (unknown.length > 0)
      throw new PullError(
        sloId,
        c.query,
        `unknown metric ${unknown.map((m) => `"${m}"`).join(', ')}: the API has no series of that name (a typo, or another tenant or data source?)`,
      );
  }
}

function rowFor(
  header: string[],
  tsColumn: string,
  seriesColumn: string | null,
  series: string | null,
  t: number,
  values: Map<string, string>,
): string[] {
  return header.map((name) =>
    name === tsColumn ? isoUtc(t) : name === seriesColumn ? (series ?? '') : (values.get(name) ?? ''),
  );
}

/** 2026-03-02T00:05:00Z: whole seconds, UTC. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}
