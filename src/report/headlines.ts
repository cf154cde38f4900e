/**
 * What a review says above the fold (SPEC §9.1): three generated sentences and a row of headline
 * figures, each compared with the previous quarter. Pure: it reads the quarter reports and writes
 * words; every number comes from the report.
 */
import {
  formatChangeDuration,
  formatChangePercent,
  formatCount,
  formatDuration,
  formatPercent,
} from '../domain/format.ts';
import { findQuarterReport, metricDelta } from './metric.ts';
import type { LedgerReport, QuarterReport, SloReport } from './quarter-report.ts';

export type Direction = 'better' | 'worse' | 'same';

export interface HeadlineChange {
  /** "−12 min", "+12%", "no change". */
  text: string;
  direction: Direction;
  /** "vs April–June 2026". */
  baseline: string;
}

export interface HeadlineFigure {
  name: 'objectives' | 'incidents' | 'ttr-median' | 'action-items' | 'deployments';
  label: string;
  /** The machine-readable value, for `<data value>`. */
  value: number | null;
  text: string;
  detail: string | null;
  change: HeadlineChange | null;
}

const MINUTE = 60_000;
const WEEK = 7 * 86_400_000;

function sloLabel(slo: SloReport): string {
  return `“${slo.name}”`;
}

/** "60 of 43 allowed minutes" / "149,815 of 134,316 allowed failed requests". */
function spentOfAllowed(slo: SloReport): string {
  const consumed = slo.consumed ?? 0;
  if (slo.budgetMinutes !== null)
    return `${formatDuration(consumed * slo.budgetMinutes * MINUTE)} of ${formatDuration(slo.budgetMinutes * MINUTE)} allowed`;
  const budget = slo.budget ?? 0;
  return `${formatCount(consumed * budget)} of ${formatCount(budget)} allowed failed requests`;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Sentence 1: objectives, and where the worst budget went. */
function objectivesSentence(q: QuarterReport): string {
  const withData = q.slos.filter((s) => !s.insufficientData);
  const lead =
    q.state === 'complete'
      ? `${q.slos.filter((s) => s.met === false).length} of ${q.slos.length} SLOs missed their objective.`
      : `${q.slos.filter((s) => s.status === 'exhausted').length} of ${q.slos.length} SLOs are over budget so far.`;
  const worst = [...withData].sort((a, b) => (b.consumed ?? 0) - (a.consumed ?? 0))[0];
  if (worst === undefined || (worst.consumed ?? 0) <= 0)
    return `${lead} No SLO spent any of its error budget.`;
  const biggest = q.incidents
    .map((i) => ({ i, share: i.budgetConsumed[worst.id] ?? 0 }))
    .sort((a, b) => (b.share ?? 0) - (a.share ?? 0))[0];
  const where =
    biggest !== undefined && (biggest.share ?? 0) > (worst.consumed ?? 0) / 2
      ? `, most of it in “${biggest.i.title}”`
      : worst.unattributedConsumed !== null && worst.unattributedConsumed > (worst.consumed ?? 0) / 2
        ? ', most of it outside any written-up incident'
        : '';
  return `${lead} ${sloLabel(worst)} spent ${formatPercent(worst.consumed ?? 0)} of its error budget (${spentOfAllowed(worst)})${where}.`;
}

/** Over-budget SLOs named in the policy sentence before it counts them instead; at-risk likewise. */
const MAX_NAMED = 3;
const MAX_NAMED_AT_RISK = 2;

/** Sentence 2: what the error budget policy says now. */
function policySentence(q: QuarterReport): string {
  const exhausted = q.slos.filter((s) => s.status === 'exhausted');
  const atRisk = q.slos.filter((s) => s.status === 'at-risk');
  const parts: string[] = [];
  // At many SLOs the sentence summarises: a count, led by the ones that spent the most.
  const byConsumed = (list: SloReport[]) => [...list].sort((a, b) => (b.consumed ?? 0) - (a.consumed ?? 0));
  if (exhausted.length > MAX_NAMED) {
    const lead = byConsumed(exhausted).slice(0, MAX_NAMED).map(sloLabel);
    parts.push(
      `${exhausted.length} SLOs are over budget, led by ${joinNames(lead)}: feature launches pause.`,
    );
  } else if (exhausted.length > 0) {
    parts.push(
      `${joinNames(exhausted.map(sloLabel))} ${exhausted.length === 1 ? 'is' : 'are'} over budget: feature launches pause.`,
    );
  }
  const endMs = Date.parse(q.end);
  const asOfMs = Date.parse(q.asOf);
  const left = q.state === 'in-progress' ? ` with ${formatWeeks(endMs - asOfMs)} left` : '';
  if (atRisk.length > MAX_NAMED_AT_RISK) {
    const [first] = byConsumed(atRisk);
    parts.push(
      `${atRisk.length} SLOs are at risk${left}, led by ${sloLabel(first!)} with ${formatPercent(first!.consumed ?? 0)} of its budget spent.`,
    );
  } else
    for (const s of atRisk)
      parts.push(
        `${sloLabel(s)} is at risk: ${formatPercent(s.consumed ?? 0)} of its budget is spent${left}.`,
      );
  if (parts.length === 0) return 'Every SLO with enough data is within budget: ship as planned.';
  return parts.join(' ');
}

function formatWeeks(ms: number): string {
  const weeks = Math.round(ms / WEEK);
  if (weeks >= 2) return `${weeks} weeks`;
  const days = Math.max(0, Math.round(ms / 86_400_000));
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** Sentence 3: incidents, time to restore against the previous quarter, action items. */
function incidentsSentence(q: QuarterReport, prev: QuarterReport | null, baseline: string | null): string {
  const s = q.incidentSummary;
  if (s.incidents === 0)
    return `No incidents were written up in ${q.label}. ${actionItemsText(q)}${deploymentsText(q, prev)}`;
  const sev = Object.entries(s.bySeverity).find(([, n]) => n > 0);
  const worst = sev ? ` (${sev[1]} ${sev[0]})` : '';
  let ttr = '';
  if (s.ttrMedianMinutes !== null) {
    ttr = `; time to restore median ${formatDuration(s.ttrMedianMinutes * MINUTE)}`;
    const before = prev?.incidentSummary.ttrMedianMinutes ?? null;
    if (before !== null && baseline !== null)
      ttr += ` (${formatChangeDuration((s.ttrMedianMinutes - before) * MINUTE)} vs ${baseline})`;
  }
  return `${s.incidents} incident${s.incidents === 1 ? '' : 's'}${worst}${ttr}. ${actionItemsText(q)}${deploymentsText(q, prev)}`;
}

/** "96 deployments a week (+12%)." — the change only against a quarter that had deployments. */
function deploymentsText(q: QuarterReport, prev: QuarterReport | null): string {
  const now = q.throughput.perWeek;
  if (now === null || q.throughput.count === 0) return '';
  const before = prev?.throughput.perWeek ?? null;
  const change = before !== null && before > 0 ? ` (${formatChangePercent((now - before) / before)})` : '';
  return ` ${formatCount(now, now < 10 ? 1 : 0)} deployments a week${change}.`;
}

function actionItemsText(q: QuarterReport): string {
  const a = q.actionItems;
  if (a.opened === 0) return 'No action items were opened.';
  return `${a.done} of ${a.opened} action items done, ${a.overdue} overdue.`;
}

export function headlineSentences(
  q: QuarterReport,
  prev: QuarterReport | null,
  prevLabel: string | null,
): string[] {
  return [objectivesSentence(q), policySentence(q), incidentsSentence(q, prev, prevLabel)];
}

/**
 * The headline cards of a quarter, each compared with the previous quarter through the same
 * named figures <Num> and <Delta> use (src/report/metric.ts), so a change is worded one way only.
 */
export function headlineFigures(report: LedgerReport, quarterId: string): HeadlineFigure[] {
  const q = findQuarterReport(report, quarterId);
  const prev = report.quarters.find((x) => x.quarter === q.previousQuarter) ?? null;
  const change = (metric: string): HeadlineChange | null => {
    const d = metricDelta(report, q.quarter, metric, 'previous');
    return d === null ? null : { text: d.text, direction: d.direction, baseline: d.baseline };
  };
  const complete = q.state === 'complete';
  const healthy = q.slos.filter((s) => s.status === 'healthy').length;
  const met = q.slos.filter((s) => s.met === true).length;
  const s = q.incidentSummary;
  return [
    {
      name: 'objectives',
      label: complete ? 'SLOs that met their objective' : 'SLOs within budget',
      value: complete ? met : healthy,
      text: `${complete ? met : healthy} of ${q.slos.length}`,
      detail: q.slos.some((x) => x.insufficientData)
        ? `${q.slos.filter((x) => x.insufficientData).length} with insufficient data`
        : null,
      // Met or missed exists for complete quarters only (SPEC §6.2).
      change: complete && prev?.state === 'complete' ? change('slos-met') : null,
    },
    {
      name: 'incidents',
      label: 'Incidents',
      value: s.incidents,
      text: formatCount(s.incidents),
      detail:
        Object.entries(s.bySeverity)
          .filter(([, n]) => n > 0)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ') || null,
      change: change('incidents'),
    },
    {
      name: 'ttr-median',
      label: 'Time to restore, median',
      value: s.ttrMedianMinutes,
      text: s.ttrMedianMinutes === null ? 'no incidents' : formatDuration(s.ttrMedianMinutes * MINUTE),
      detail: s.ttrP90Minutes === null ? null : `90th percentile ${formatDuration(s.ttrP90Minutes * MINUTE)}`,
      change: change('ttr-median'),
    },
    {
      name: 'action-items',
      label: 'Action items done',
      value: q.actionItems.done,
      text: `${q.actionItems.done} of ${q.actionItems.opened}`,
      detail: `${q.actionItems.overdue} overdue`,
      change: change('action-items-done'),
    },
    {
      name: 'deployments',
      label: 'Deployments a week',
      value: q.throughput.perWeek,
      text: q.throughput.perWeek === null ? 'no log' : formatCount(q.throughput.perWeek, 1),
      detail:
        q.throughput.changeFailRate === null
          ? null
          : `change fail rate ${formatPercent(q.throughput.changeFailRate, 1)}`,
      change: change('deployments-per-week'),
    },
  ];
}
