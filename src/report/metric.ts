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
  formatPercentUp,
  durationAsPrinted,
  objectiveDecimals,
} from '../domain/format.ts';
import { budgetText, unitOf } from './budget-text.ts';
import {
  previousQuarterOf,
  type LedgerReport,
  type QuarterReport,
  type SloReport,
  type SloUnit,
} from './quarter-report.ts';

/**
 * How a figure is written: 'fraction' truncated (coverage), 'spent' and 'rate' rounded up (budget
 * spent, change fail rate: SPEC §9.2 never flatters), 'weekly' with one decimal.
 */
export type MetricKind =
  | 'attainment'
  | 'objective'
  | 'fraction'
  | 'spent'
  | 'rate'
  | 'count'
  | 'weekly'
  | 'minutes'
  | 'nines'
  | 'budget';

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
  /** For kind 'budget': the SLO's unit, "failed minutes" rather than "failed requests". */
  unit?: SloUnit;
}

export class MetricError extends Error {}

const SLO_FIELDS: Record<
  string,
  { kind: MetricKind; lowerIsBetter: boolean; get: (s: SloReport) => number | null }
> = {
  attainment: { kind: 'attainment', lowerIsBetter: false, get: (s) => s.attainment },
  objective: { kind: 'objective', lowerIsBetter: false, get: (s) => s.objective },
  consumed: { kind: 'spent', lowerIsBetter: true, get: (s) => s.consumed },
  remaining: { kind: 'budget', lowerIsBetter: false, get: (s) => s.remaining },
  'burn-rate': { kind: 'count', lowerIsBetter: true, get: (s) => s.burnRate },
  coverage: { kind: 'fraction', lowerIsBetter: false, get: (s) => s.coverage },
  nines: { kind: 'nines', lowerIsBetter: false, get: (s) => s.nines },
  events: { kind: 'count', lowerIsBetter: false, get: (s) => s.total },
  unattributed: { kind: 'spent', lowerIsBetter: true, get: (s) => s.unattributedConsumed },
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
  'deployments-per-week': { kind: 'weekly', lowerIsBetter: false, get: (q) => q.throughput.perWeek },
  'change-fail-rate': { kind: 'rate', lowerIsBetter: true, get: (q) => q.throughput.changeFailRate },
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
    unit: unitOf(report, slo.id),
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
      return formatPercent(m.value, FRACTION_DECIMALS);
    case 'spent':
      return formatPercentUp(m.value);
    case 'rate':
      return formatPercentUp(m.value, RATE_DECIMALS);
    case 'budget':
      return m.slo ? budgetText(m.slo, m.unit ?? null) : formatPercent(m.value);
    case 'weekly':
      return formatCount(m.value, 1);
    case 'count':
      return formatCount(m.value, Number.isInteger(m.value) ? 0 : 2);
    case 'minutes':
      return formatDuration(m.value * 60_000);
    case 'nines':
      return formatNines(m.value);
  }
}

/** Coverage and other truncated shares print one decimal, in the scorecard and the coverage table alike. */
export const FRACTION_DECIMALS = 1;
/** Change fail rate and rework rate print one decimal, rounded up. */
export const RATE_DECIMALS = 1;

/**
 * A figure as printed, in the units of its last printed digit, and that digit's place: 99.89% is
 * { units: 9989, decimals: 2 } for a percentage, so that a change is the difference of what the
 * reader sees (SPEC §9.2: "no change" never sits beside two different figures). Null for kinds
 * whose change is not a difference of percentages.
 */
function printedUnits(
  kind: MetricKind,
  value: number,
  objective: number | null,
): { units: number; decimals: number } | null {
  const text = (() => {
    switch (kind) {
      case 'attainment':
        return {
          s: formatAttainment(value, objective ?? 0.99),
          decimals: objectiveDecimals(objective ?? 0.99) + 1,
        };
      case 'fraction':
        return { s: formatPercent(value, FRACTION_DECIMALS), decimals: FRACTION_DECIMALS };
      case 'spent':
        return { s: formatPercentUp(value), decimals: 0 };
      case 'rate':
        return { s: formatPercentUp(value, RATE_DECIMALS), decimals: RATE_DECIMALS };
      default:
        return null;
    }
  })();
  if (text === null) return null;
  const units = Math.round(Number(text.s.replace('%', '').replace('−', '-')) * 10 ** text.decimals);
  return { units, decimals: text.decimals };
}

/** A count or a weekly rate as printed, for relative changes of what the reader sees. */
function printedNumber(kind: MetricKind, value: number): number {
  if (kind === 'weekly') return Math.round(value * 10) / 10;
  return Number.isInteger(value) ? value : Math.round(value * 100) / 100;
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
  ask: { quarter: string; metric: string; vs: 'previous' | 'objective' },
): MetricDelta | null {
  const { quarter: quarterId, metric: name, vs } = ask;
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
  return { ...changeText({ ...now, value: now.value }, before), baseline, value: d };
}

function changeText(
  now: Metric & { value: number },
  before: number,
): Pick<MetricDelta, 'text' | 'direction'> {
  const d = now.value - before;
  let text: string;
  if (now.kind === 'minutes') {
    text = formatChangeDuration(durationAsPrinted(now.value * 60_000) - durationAsPrinted(before * 60_000));
  } else if (now.kind === 'count' || now.kind === 'weekly') {
    const a = printedNumber(now.kind, now.value);
    const b = printedNumber(now.kind, before);
    text =
      b === 0
        ? a === b
          ? 'no change'
          : `${a > b ? '+' : '−'}${formatCount(Math.abs(a - b), Number.isInteger(a - b) ? 0 : 1)}`
        : formatChangePercent((a - b) / b);
  } else {
    // The objective is printed with its own decimals; the attainment beside it with one more.
    const a = printedUnits(now.kind, now.value, now.objective);
    const bText =
      now.kind === 'attainment' && before === now.objective
        ? { units: Math.round(before * 10 ** ((a?.decimals ?? 2) + 2)), decimals: a?.decimals ?? 2 }
        : printedUnits(now.kind, before, now.objective);
    text =
      a === null || bText === null
        ? formatChangePp(d)
        : formatChangePp((a.units - bText.units) / 10 ** (a.decimals + 2), a.decimals);
  }
  const direction = text === 'no change' ? 'same' : d < 0 === now.lowerIsBetter ? 'better' : 'worse';
  return { text, direction };
}
