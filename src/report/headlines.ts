/**
 * What a review says above the fold (SPEC §9.1): three generated sentences and a row of headline
 * figures, each compared with the previous quarter. Pure: it reads the quarter reports and writes
 * words; every number comes from the report.
 */
import {
  ceilToDecimals,
  durationAsPrinted,
  formatChangeDuration,
  formatChangePercent,
  formatCount,
  formatDuration,
  formatDurationDown,
  formatDurationUp,
  formatPercentUp,
  formatTimeLeft,
  truncateToDecimals,
} from '../domain/format.ts';
import { unitOf } from './budget-text.ts';
import { beganInLabels, carriedOverIncidents } from './carried-over.ts';
import { findQuarterReport, metricDelta, RATE_DECIMALS } from './metric.ts';
import {
  previousQuarterOf,
  type LedgerReport,
  type QuarterReport,
  type SloReport,
} from './quarter-report.ts';
import { MINUTE_MS } from '../domain/units.ts';

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

type Units = LedgerReport['units'];

function sloLabel(slo: SloReport): string {
  return `“${slo.name}”`;
}

/**
 * "60 of 43 allowed minutes" / "149,815 of 134,316 allowed failed requests": spent rounded up,
 * allowed truncated (SPEC §9.2), in the SLO's own unit.
 */
function spentOfAllowed(slo: SloReport, units: Units): string {
  const consumed = slo.consumed ?? 0;
  if (slo.budgetMinutes !== null)
    return `${formatDurationUp(consumed * slo.budgetMinutes * MINUTE_MS)} of ${formatDurationDown(slo.budgetMinutes * MINUTE_MS)} allowed`;
  const budget = slo.budget ?? 0;
  const unit = unitOf({ units }, slo.id);
  return `${formatCount(Number(ceilToDecimals(consumed * budget, 0)))} of ${formatCount(Number(truncateToDecimals(budget, 0)))} allowed failed ${unit.plural}`;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The SLOs that have a verdict: those with enough data (SPEC §6.5). */
function judgedSlos(q: QuarterReport): SloReport[] {
  return q.slos.filter((s) => !s.insufficientData);
}

/** "13 with no data", "2 with no data and 1 with too few events": why SLOs could not be judged. */
function unjudgedReasons(q: QuarterReport): string {
  const unjudged = q.slos.filter((s) => s.insufficientData);
  const none = unjudged.filter((s) => s.total === 0).length;
  const few = unjudged.length - none;
  const parts = [
    none > 0 ? `${none} with no data` : null,
    few > 0 ? `${few} with too few events` : null,
  ].filter((x) => x !== null);
  return parts.join(' and ');
}

/**
 * Sentence 1: objectives, and where the worst budget went. Only SLOs with enough data have a
 * verdict; the others are counted apart with the reason, never as "met" or "within budget".
 */
function objectivesSentence(q: QuarterReport, units: Units): string {
  const judged = judgedSlos(q);
  const unjudged = q.slos.length - judged.length;
  if (q.slos.length === 0) return `No SLO is reported in ${q.label}.`;
  if (judged.length === 0) return `No SLO had enough data to judge: ${unjudgedReasons(q)}.`;
  const rest = unjudged === 0 ? '' : `; ${unjudged} more could not be judged (${unjudgedReasons(q)})`;
  const lead =
    q.state === 'complete'
      ? `${judged.filter((s) => s.met === false).length} of ${judged.length} SLOs missed their objective${rest}.`
      : `${judged.filter((s) => s.status === 'exhausted').length} of ${judged.length} SLOs are over budget so far${rest}.`;
  const worst = [...judged].sort((a, b) => (b.consumed ?? 0) - (a.consumed ?? 0))[0];
  if (worst === undefined || (worst.consumed ?? 0) <= 0)
    return `${lead} No SLO${unjudged === 0 ? '' : ' with enough data'} spent any of its error budget.`;
  const biggest = q.incidents
    .map((i) => ({ i, share: i.budgetConsumed[worst.id] ?? 0 }))
    .sort((a, b) => (b.share ?? 0) - (a.share ?? 0))[0];
  const where =
    biggest !== undefined && (biggest.share ?? 0) > (worst.consumed ?? 0) / 2
      ? `, most of it in “${biggest.i.title}”`
      : worst.unattributedConsumed !== null && worst.unattributedConsumed > (worst.consumed ?? 0) / 2
        ? ', most of it outside any written-up incident'
        : '';
  const consumed = worst.consumed ?? 0;
  const spent = ceilToDecimals(consumed * 100, 0);
  const over = Number(spent) > 100 ? `${Number(spent) - 100}% over budget: ` : '';
  return `${lead} ${sloLabel(worst)} spent ${spent}% of its error budget (${over}${spentOfAllowed(worst, units)})${where}.`;
}

/** Over-budget SLOs named in the policy sentence before it counts them instead; at-risk likewise. */
const MAX_NAMED = 3;
const MAX_NAMED_AT_RISK = 2;

/** Sentence 2: what the error budget policy says now, about the SLOs that were judged only. */
function policySentence(q: QuarterReport): string {
  const judged = judgedSlos(q);
  if (judged.length === 0)
    return q.slos.length === 0
      ? 'No error budget policy applies without SLOs.'
      : 'No error budget policy applies until an SLO has enough data to judge.';
  const exhausted = judged.filter((s) => s.status === 'exhausted');
  const atRisk = judged.filter((s) => s.status === 'at-risk');
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
  const left = q.state === 'in-progress' ? ` with ${formatTimeLeft(endMs - asOfMs)} left` : '';
  if (atRisk.length > MAX_NAMED_AT_RISK) {
    const [first] = byConsumed(atRisk);
    parts.push(
      `${atRisk.length} SLOs are at risk${left}, led by ${sloLabel(first!)} with ${formatPercentUp(first!.consumed ?? 0)} of its budget spent.`,
    );
  } else
    for (const s of atRisk)
      parts.push(
        `${sloLabel(s)} is at risk: ${formatPercentUp(s.consumed ?? 0)} of its budget is spent${left}.`,
      );
  if (parts.length > 0) return parts.join(' ');
  if (judged.length === q.slos.length) return 'Every SLO is within budget: ship as planned.';
  return `The ${judged.length === 1 ? 'one SLO' : `${judged.length} SLOs`} with enough data ${judged.length === 1 ? 'is' : 'are'} within budget: ship as planned.`;
}

/** Sentence 3: incidents, time to restore against the previous quarter, action items. */
function incidentsSentence(q: QuarterReport, prev: QuarterReport | null, baseline: string | null): string {
  const s = q.incidentSummary;
  const carried = carriedOverIncidents(q);
  const n = carried.length;
  const carriedText =
    n === 0
      ? ''
      : ` ${n === 1 ? 'An incident' : `${n} incidents`} that began in ${beganInLabels(carried, prev ? [prev] : [])} burned this quarter's budget; ${n === 1 ? 'it is' : 'they are'} listed apart with ${n === 1 ? 'its' : 'their'} action items.`;
  if (s.incidents === 0)
    return `${n === 0 ? 'No incidents were written up in' : 'No incidents began in'} ${q.label}.${carriedText} ${actionItemsText(q)}${deploymentsText(q, prev, baseline)}`;
  const sev = Object.entries(s.bySeverity).find(([, n]) => n > 0);
  const worst = sev ? ` (${sev[1]} ${sev[0]})` : '';
  let ttr = '';
  if (s.ttrMedianMinutes !== null) {
    ttr = `; time to restore median ${formatDuration(s.ttrMedianMinutes * MINUTE_MS)}`;
    const before = prev?.incidentSummary.ttrMedianMinutes ?? null;
    if (before !== null && baseline !== null)
      ttr += ` (${formatChangeDuration(durationAsPrinted(s.ttrMedianMinutes * MINUTE_MS) - durationAsPrinted(before * MINUTE_MS))} vs ${baseline})`;
  }
  const began = n === 0 ? '' : ` began in ${q.label}`;
  return `${s.incidents} incident${s.incidents === 1 ? '' : 's'}${worst}${began}${ttr}.${carriedText} ${actionItemsText(q)}${deploymentsText(q, prev, baseline)}`;
}

/**
 * "40.3 deployments a week (+12% vs April–June 2026)." — written as the card writes it, the change
 * from the printed figures and with its baseline, only against a quarter that had deployments.
 */
function deploymentsText(q: QuarterReport, prev: QuarterReport | null, baseline: string | null): string {
  const now = q.throughput.perWeek;
  if (now === null || q.throughput.count === 0) return '';
  const printed = (x: number) => Math.round(x * 10) / 10;
  const before = prev?.throughput.perWeek ?? null;
  const change =
    before !== null && printed(before) > 0 && baseline !== null
      ? ` (${formatChangePercent((printed(now) - printed(before)) / printed(before))} vs ${baseline})`
      : '';
  return ` ${formatCount(now, 1)} deployments a week${change}.`;
}

function actionItemsText(q: QuarterReport): string {
  const a = q.actionItems;
  if (a.opened === 0) return 'No action items were opened.';
  return `${a.done} of ${a.opened} action items done, ${a.overdue} overdue.`;
}

/**
 * The review index's line for a quarter: "1 of 2 SLOs missed their objective", "in progress, 1 of 2
 * SLOs over budget", and for a quarter without a verdict "no SLO had enough data to judge: 13 with
 * no data", never "0 of 13 missed" (issue 12 item 4).
 */
export function reviewIndexLine(q: QuarterReport): string {
  const judged = judgedSlos(q);
  if (q.slos.length === 0) return q.state === 'complete' ? 'no SLOs' : 'in progress, no SLOs';
  if (judged.length === 0)
    return `${q.state === 'complete' ? '' : 'in progress, '}no SLO had enough data to judge: ${unjudgedReasons(q)}`;
  const unjudged = q.slos.length - judged.length;
  const rest = unjudged === 0 ? '' : ` (${unjudged} more could not be judged)`;
  if (q.state === 'complete')
    return `${judged.filter((s) => s.met === false).length} of ${judged.length} SLOs missed their objective${rest}`;
  const exhausted = judged.filter((s) => s.status === 'exhausted').length;
  return `in progress, ${exhausted} of ${judged.length} SLOs over budget${rest}`;
}

export function headlineSentences(q: QuarterReport, prev: QuarterReport | null, units: Units = {}): string[] {
  return [objectivesSentence(q, units), policySentence(q), incidentsSentence(q, prev, prev?.label ?? null)];
}

/**
 * The headline cards of a quarter, each compared with the previous quarter through the same
 * named figures <Num> and <Delta> use (src/report/metric.ts), so a change is worded one way only.
 */
export function headlineFigures(report: LedgerReport, quarterId: string): HeadlineFigure[] {
  const q = findQuarterReport(report, quarterId);
  const prev = previousQuarterOf(report, q);
  const change = (metric: string): HeadlineChange | null => {
    const d = metricDelta(report, { quarter: q.quarter, metric, vs: 'previous' });
    return d === null ? null : { text: d.text, direction: d.direction, baseline: d.baseline };
  };
  const complete = q.state === 'complete';
  // Only SLOs with enough data have a verdict (SPEC §9); the card counts what its label says:
  // within budget is healthy or at risk, everything not over budget (issue 12 item 10).
  const judged = judgedSlos(q);
  const met = judged.filter((x) => x.met === true).length;
  const within = judged.filter((x) => x.status === 'healthy' || x.status === 'at-risk').length;
  const atRisk = judged.filter((x) => x.status === 'at-risk').length;
  const unjudged = q.slos.length - judged.length;
  const objectivesDetail = [
    !complete && atRisk > 0 ? `${atRisk} at risk` : null,
    unjudged === 0
      ? null
      : judged.length === 0
        ? `no SLO had enough data to judge: ${unjudgedReasons(q)}`
        : `${unjudged} more could not be judged: ${unjudgedReasons(q)}`,
  ].filter((x) => x !== null);
  const s = q.incidentSummary;
  const carried = carriedOverIncidents(q);
  const carriedNote =
    carried.length === 0
      ? null
      : `${carried.length} more began in ${beganInLabels(carried, report.quarters)}`;
  return [
    {
      name: 'objectives',
      label: complete ? 'SLOs that met their objective' : 'SLOs within budget',
      value: judged.length === 0 ? null : complete ? met : within,
      text: judged.length === 0 ? 'none judged' : `${complete ? met : within} of ${judged.length}`,
      detail: objectivesDetail.length === 0 ? null : objectivesDetail.join('; '),
      // Met or missed exists for complete quarters only (SPEC §6.2).
      change: complete && judged.length > 0 && prev?.state === 'complete' ? change('slos-met') : null,
    },
    {
      name: 'incidents',
      label: carried.length === 0 ? 'Incidents' : `Incidents begun in ${q.label}`,
      value: s.incidents,
      text: formatCount(s.incidents),
      detail:
        [
          Object.entries(s.bySeverity)
            .filter(([, n]) => n > 0)
            .map(([k, n]) => `${n} ${k}`)
            .join(', '),
          carriedNote,
        ]
          .filter((x) => x !== null && x !== '')
          .join('; ') || null,
      change: change('incidents'),
    },
    {
      name: 'ttr-median',
      label: 'Time to restore, median',
      value: s.ttrMedianMinutes,
      text: s.ttrMedianMinutes === null ? 'no incidents' : formatDuration(s.ttrMedianMinutes * MINUTE_MS),
      detail:
        s.ttrP90Minutes === null ? null : `90th percentile ${formatDuration(s.ttrP90Minutes * MINUTE_MS)}`,
      change: change('ttr-median'),
    },
    {
      name: 'action-items',
      label: 'Action items done',
      value: q.actionItems.done,
      text: `${q.actionItems.done} of ${q.actionItems.opened}`,
      detail: `${q.actionItems.overdue} overdue${carried.length === 0 ? '' : `; of incidents begun in ${q.label}`}`,
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
          : `change fail rate ${formatPercentUp(q.throughput.changeFailRate, RATE_DECIMALS)}`,
      change: change('deployments-per-week'),
    },
  ];
}
