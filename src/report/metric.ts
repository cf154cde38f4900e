/**
 * Named figures of a quarter for the review components (SPEC §9.4): `checkout-availability.attainment`,
 * `incidents`, `ttr-median`, …, each with its kind so that it is written the way SPEC §9.2 says.
 * A name that does not resolve is an error: a review must never print a figure that is not there.
 */
import {
  formatAttainment,
  formatChangeDuration,
  formatChangePercent,
  formatChangePp,
  formatCount,
  formatDuration,
  formatNines,
  formatObjective,
  formatPercent,
} from '../domain/format.ts';
import { budgetText } from './budget-text.ts';
import {
  previousQuarterOf,
  type LedgerReport,
  type QuarterReport,
  type SloReport,
} from './quarter-report.ts';

export type MetricKind = 'attainment' | 'objective' | 'fraction' | 'count' | 'minutes' | 'nines' | 'budget';

export interface Metric {
  name: string;
  kind: MetricKind;
  value: number | null;
  /** For attainment: the objective it is written against (one decimal more, truncated). */
  objective: number | null;
  /** Lower values are better (time to restore, incidents, consumed budget). */
  lowerIsBetter: boolean;
  /** For kind 'budget': the SLO, so the text can say "53% left (…)". */
  slo: SloReport | null;
}

export class MetricError extends Error {}

const SLO_FIELDS: Record<
  string,
  { kind: MetricKind; lowerIsBetter: boolean; get: (s: SloReport) => number | null }
> = {
  attainment: { kind: 'attainment', lowerIsBetter: false, get: (s) => s.attainment },
  objective: { kind: 'objective', lowerIsBetter: false, get: (s) => s.objective },
  consumed: { kind: 'fraction', lowerIsBetter: true, get: (s) => s.consumed },
  remaining: { kind: 'budget', lowerIsBetter: false, get: (s) => s.remaining },
  'burn-rate': { kind: 'count', lowerIsBetter: true, get: (s) => s.burnRate },
  coverage: { kind: 'fraction', lowerIsBetter: false, get: (s) => s.coverage },
  nines: { kind: 'nines', lowerIsBetter: false, get: (s) => s.nines },
  events: { kind: 'count', lowerIsBetter: false, get: (s) => s.total },
  unattributed: { kind: 'fraction', lowerIsBetter: true, get: (s) => s.unattributedConsumed },
};

const QUARTER_FIELDS: Record<
  string,
  { kind: MetricKind; lowerIsBetter: boolean; get: (q: QuarterReport) => number | null }
> = {
  incidents: { kind: 'count', lowerIsBetter: true, get: (q) => q.incidentSummary.incidents },
  'ttr-median': { kind: 'minutes', lowerIsBetter: true, get: (q) => q.incidentSummary.ttrMedianMinutes },
  'ttr-p90': { kind: 'minutes', lowerIsBetter: true, get: (q) => q.incidentSummary.ttrP90Minutes },
  'ttd-median': { kind: 'minutes', lowerIsBetter: true, get: (q) => q.incidentSummary.ttdMedianMinutes },
  'ttd-p90': { kind: 'minutes', lowerIsBetter: true, get: (q) => q.incidentSummary.ttdP90Minutes },
  'action-items-open': { kind: 'count', lowerIsBetter: true, get: (q) => q.actionItems.open },
  'action-items-done': { kind: 'count', lowerIsBetter: false, get: (q) => q.actionItems.done },
  'action-items-overdue': { kind: 'count', lowerIsBetter: true, get: (q) => q.actionItems.overdue },
  'slos-met': {
    kind: 'count',
    lowerIsBetter: false,
    get: (q) => q.slos.filter((s) => s.met === true).length,
  },
  'slos-missed': {
    kind: 'count',
    lowerIsBetter: true,
    get: (q) => q.slos.filter((s) => s.met === false).length,
  },
  'deployments-per-week': { kind: 'count', lowerIsBetter: false, get: (q) => q.throughput.perWeek },
  'change-fail-rate': { kind: 'fraction', lowerIsBetter: true, get: (q) => q.throughput.changeFailRate },
};

export const METRIC_NAMES = [
  ...Object.keys(QUARTER_FIELDS),
  ...Object.keys(SLO_FIELDS).map((f) => `<slo>.${f}`),
];

export function findQuarterReport(report: LedgerReport, quarterId: string): QuarterReport {
  const q = report.quarters.find((x) => x.quarter.toLowerCase() === quarterId.toLowerCase());
  if (!q)
    throw new MetricError(
      `no quarter "${quarterId}" in this ledger; quarters: ${report.quarters.map((x) => x.quarter).join(', ')}`,
    );
  return q;
}

export function resolveMetric(report: LedgerReport, quarterId: string, name: string): Metric {
  const q = findQuarterReport(report, quarterId);
  const quarterField = QUARTER_FIELDS[name];
  if (quarterField)
    return {
      name,
      kind: quarterField.kind,
      value: quarterField.get(q),
      objective: null,
      lowerIsBetter: quarterField.lowerIsBetter,
      slo: null,
    };
  const dot = name.lastIndexOf('.');
  const sloId = name.slice(0, dot);
  const field = SLO_FIELDS[name.slice(dot + 1)];
  const slo = q.slos.find((s) => s.id === sloId);
  if (dot < 0 || !field || !slo) {
    throw new MetricError(
      `unknown metric "${name}" in ${q.quarter}; use one of ${Object.keys(QUARTER_FIELDS).join(', ')}, or <slo>.<field> with a field among ${Object.keys(SLO_FIELDS).join(', ')} and an SLO among ${q.slos.map((s) => s.id).join(', ')}`,
    );
  }
  return {
    name,
    kind: field.kind,
    value: field.get(slo),
    objective: slo.objective,
    lowerIsBetter: field.lowerIsBetter,
    slo,
  };
}

export function formatMetric(m: Metric): string {
  if (m.value === null) return m.kind === 'attainment' || m.kind === 'nines' ? 'insufficient data' : '—';
  switch (m.kind) {
    case 'attainment':
      return formatAttainment(m.value, m.objective ?? 0.99);
    case 'objective':
      return formatObjective(m.value);
    case 'fraction':
      return formatPercent(m.value);
    case 'budget':
      return m.slo ? budgetText(m.slo) : formatPercent(m.value);
    case 'count':
      return formatCount(m.value, Number.isInteger(m.value) ? 0 : 2);
    case 'minutes':
      return formatDuration(m.value * 60_000);
    case 'nines':
      return formatNines(m.value);
  }
}

export interface MetricDelta {
  text: string;
  direction: 'better' | 'worse' | 'same';
  baseline: string;
  value: number;
}

/** A figure against the previous quarter, or an attainment against its objective (SPEC §9.2). */
export function metricDelta(
  report: LedgerReport,
  quarterId: string,
  name: string,
  vs: 'previous' | 'objective',
): MetricDelta | null {
  const now = resolveMetric(report, quarterId, name);
  if (now.value === null) return null;
  let before: number | null;
  let baseline: string;
  if (vs === 'objective') {
    if (now.kind !== 'attainment' || now.objective === null)
      throw new MetricError(
        `"${name}" has no objective to compare with; vs="objective" is for <slo>.attainment`,
      );
    before = now.objective;
    baseline = `vs objective ${formatObjective(now.objective)}`;
  } else {
    const q = findQuarterReport(report, quarterId);
    const prev = previousQuarterOf(report, q);
    if (!prev) return null;
    before = resolveMetric(report, prev.quarter, name).value;
    baseline = `vs ${prev.label}`;
  }
  if (before === null) return null;
  const d = now.value - before;
  const text =
    now.kind === 'minutes'
      ? formatChangeDuration(d * 60_000)
      : now.kind === 'count'
        ? before === 0
          ? d === 0
            ? 'no change'
            : `${d > 0 ? '+' : '−'}${formatCount(Math.abs(d))}`
          : formatChangePercent(d / before)
        : formatChangePp(d);
  const direction = text === 'no change' ? 'same' : d < 0 === now.lowerIsBetter ? 'better' : 'worse';
  return { text, direction, baseline, value: d };
}
