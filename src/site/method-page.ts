/**
 * The model of `/method/`, "How these figures are computed": generated from the settings, the
 * catalog and the report, so the page states the rules this site's figures follow (SPEC §6, §9.2,
 * §9.3, §10), with worked examples taken from the site's own figures. The stakeholder-facing twin
 * of docs/.
 */
import { INCOMPLETE_BELOW } from '../domain/coverage.ts';
import {
  formatAttainment,
  formatCount,
  formatDateTime,
  formatMinutes,
  formatObjective,
  formatPercent,
  formatPercentUp,
  truncateToDecimals,
} from '../domain/format.ts';
import { monthName } from '../domain/quarter.ts';
import { resolveMinEvents, type BudgetingMethod } from '../domain/slo.ts';
import { budgetText } from '../report/budget-text.ts';
import type { QuarterReport, SloReport, LedgerReport } from '../report/quarter-report.ts';
import type { ClosedQuarter } from '../report/snapshot.ts';
import type { Catalog } from '../ingest/catalog/model.ts';
import type { Settings } from '../ingest/settings.ts';

/** The paragraphs a figure's footnote can link to. */
export type MethodTopic =
  | 'quarters'
  | 'budget'
  | 'burn-rate'
  | 'policy'
  | 'as-of'
  | 'coverage'
  | 'insufficient-data'
  | 'exclusions'
  | 'incidents'
  | 'rounding'
  | 'closed-quarters'
  | 'revisions';

/** The fragment of `/method/` that explains a budgeting method or a topic: `method-occurrences`. */
export function methodAnchor(topic: BudgetingMethod | MethodTopic): string {
  return `method-${topic}`;
}

export interface MethodSection {
  id: string;
  heading: string;
  paragraphs: string[];
  /** Plain list items (policy texts, thresholds, closed quarters). */
  items: string[];
  /** One worked example, step by step, from this site's own figures. */
  example: { caption: string; steps: string[] } | null;
}

export interface MethodPageModel {
  asOf: string;
  asOfText: string;
  sections: MethodSection[];
}

const MINUTE = 60_000;

function section(
  topic: BudgetingMethod | MethodTopic,
  heading: string,
  paragraphs: string[],
  items: string[] = [],
  example: MethodSection['example'] = null,
): MethodSection {
  return { id: methodAnchor(topic), heading, paragraphs, items, example };
}

/** The latest quarter, complete ones first, in which an SLO of this method had a budget. */
function exampleOf(
  quarters: readonly QuarterReport[],
  method: BudgetingMethod,
): { q: QuarterReport; s: SloReport } | null {
  const ordered = [
    ...[...quarters].reverse().filter((q) => q.state === 'complete'),
    ...quarters.filter((q) => q.state === 'in-progress'),
  ];
  // An example that spent some budget shows every step; one that spent none, only if none did.
  for (const spent of [true, false])
    for (const q of ordered) {
      const s = q.slos.find(
        (x) =>
          x.budgeting === method && !x.insufficientData && x.consumed !== null && (!spent || x.consumed > 0),
      );
      if (s) return { q, s };
    }
  return null;
}

/** Remaining as the rest of the site writes it: '9% over (9 failed requests)'. */
function spentWords(s: SloReport): string {
  return budgetText(s);
}

function occurrencesExample(q: QuarterReport, s: SloReport): MethodSection['example'] {
  const bad = s.total - s.good;
  const budget = s.budget ?? 0;
  return {
    caption: `${s.name} (${s.id}), ${q.label}${q.state === 'in-progress' ? ', so far' : ''}`,
    steps: [
      `${formatCount(s.good)} good events of ${formatCount(s.total)}, so ${formatCount(bad)} bad.`,
      `Attainment = ${formatCount(s.good)} ÷ ${formatCount(s.total)} = ${formatAttainment(s.attainment, s.objective)} against an objective of ${formatObjective(s.objective)}.`,
      q.state === 'complete'
        ? `Error budget = (1 − ${formatObjective(s.objective)}) × ${formatCount(s.total)} = ${formatCount(budget)} bad events allowed.`
        : `Error budget = (1 − ${formatObjective(s.objective)}) × the events expected over the whole quarter at this traffic = ${formatCount(budget)} bad events allowed.`,
      `Consumed = ${formatCount(bad)} ÷ ${formatCount(budget)} = ${formatPercentUp(s.consumed ?? 0)} spent, rounded up; remaining = 1 − consumed: ${spentWords(s)}.`,
    ],
  };
}

function timeslicesExample(
  q: QuarterReport,
  s: SloReport,
  windowMs: number | undefined,
  target: number | undefined,
): MethodSection['example'] {
  const good = s.goodSlices ?? 0;
  const bad = s.badSlices ?? 0;
  const missing = s.missingSlices ?? 0;
  const quarterMinutes = (Date.parse(q.end) - Date.parse(q.start)) / MINUTE;
  const w = windowMs === undefined ? null : windowMs / MINUTE;
  const steps = [
    `${formatCount(good)} good slices, ${formatCount(bad)} bad and ${formatCount(missing)} without data${w === null ? '' : `, each ${formatMinutes(w)}`}${target === undefined ? '' : `; a slice is good when its ratio is at least ${formatObjective(target)}`}.`,
    `Attainment = ${formatCount(good)} ÷ (${formatCount(good)} + ${formatCount(bad)}) = ${formatAttainment(s.attainment, s.objective)}.`,
  ];
  if (s.budgetMinutes !== null) {
    const expected = w === null ? null : (1 - s.objective) * (quarterMinutes - missing * w);
    steps.push(
      expected !== null && q.state === 'complete' && Math.abs(expected - s.budgetMinutes) < 0.01
        ? `Error budget = (1 − ${formatObjective(s.objective)}) × (${formatMinutes(quarterMinutes)} in the quarter${missing === 0 ? ', every slice with data' : ` − ${formatMinutes(missing * w!)} without data`}) = ${formatMinutes(s.budgetMinutes)}.`
        : `Error budget = (1 − ${formatObjective(s.objective)}) × the quarter's time less the slices without data = ${formatMinutes(s.budgetMinutes)}.`,
    );
    if (w !== null)
      steps.push(
        `Consumed = ${formatCount(bad)} bad slices × ${formatMinutes(w)} ÷ ${formatMinutes(s.budgetMinutes)} = ${formatPercent(s.consumed ?? 0)}; ${spentWords(s)}.`,
      );
  }
  return { caption: `${s.name} (${s.id}), ${q.label}${q.state === 'in-progress' ? ', so far' : ''}`, steps };
}

function ratioTimeslicesExample(q: QuarterReport, s: SloReport): MethodSection['example'] {
  const steps = [
    `The mean of the per-slice ratios over the slices with data: attainment ${formatAttainment(s.attainment, s.objective)} (${s.attainment === null ? '' : `${truncateToDecimals(s.attainment * 100, 4)}% before truncation`}).`,
  ];
  if (s.budgetMinutes !== null)
    steps.push(`Error budget in time, slices without data left out: ${formatMinutes(s.budgetMinutes)}.`);
  if (q.state === 'complete' && s.attainment !== null)
    steps.push(
      `Over a complete quarter consumed = (1 − attainment) ÷ (1 − objective) = (1 − ${truncateToDecimals(s.attainment * 100, 4)}%) ÷ (1 − ${formatObjective(s.objective)}) = ${formatPercent(s.consumed ?? 0)}; ${spentWords(s)}.`,
    );
  else steps.push(`Consumed so far: ${formatPercent(s.consumed ?? 0)}; ${spentWords(s)}.`);
  return { caption: `${s.name} (${s.id}), ${q.label}${q.state === 'in-progress' ? ', so far' : ''}`, steps };
}

const METHOD_TEXT: Record<BudgetingMethod, { heading: string; paragraphs: string[] }> = {
  occurrences: {
    heading: 'Occurrences: good events over all events',
    paragraphs: [
      'Attainment is the number of good events divided by the number of all events in the quarter. The error budget is the share of events the objective allows to fail: one minus the objective, times the events. Consumed is the bad events divided by that budget, and remaining is one minus consumed, negative when the budget is overspent.',
      'For the quarter in progress the budget is that of the whole quarter, estimated from the traffic so far: the allowed share of the events so far, scaled up by the length of the quarter over the time elapsed. It becomes the actual budget when the quarter completes. "Consumed" is therefore always the share of the whole quarter’s budget spent so far, and a burn-down’s last point equals it.',
    ],
  },
  timeslices: {
    heading: 'Timeslices: good time slices over slices with data',
    paragraphs: [
      'The quarter is cut into slices of a fixed length. A slice is good when its ratio of good to all events reaches the slice target (or its value passes the threshold), bad otherwise, and missing when it has no data. Attainment is the good slices over the good and bad ones.',
      'The budget is time: one minus the objective, times the quarter’s length less the time of the slices that have ended without data. Each bad slice spends its length, so consumed is the bad slices times the slice length, divided by the budget. Attainment and budget are judged over the same time, so a complete quarter meets its objective exactly when it spent at most its budget; in a quarter in progress the time still to come counts in the budget.',
    ],
  },
  'ratio-timeslices': {
    heading: 'Ratio timeslices: the mean of per-slice ratios',
    paragraphs: [
      'Attainment is the mean of the per-slice ratios of good to all events, over the slices with data. The budget is time, as for timeslices, with the slices without data left out. Each slice with data spends its length times its share of bad events; over a complete quarter consumed is exactly one minus attainment, divided by one minus the objective. The future of a quarter in progress spends nothing.',
    ],
  },
};

/** What the method page is written from: the site model builds it once (src/site/model.ts). */
export interface MethodPageInput {
  report: LedgerReport;
  settings: Settings;
  catalog: Catalog;
  /** The approved exclusion windows in the ledger. */
  exclusionCount: number;
  closed: ReadonlyMap<string, ClosedQuarter>;
}

export function buildMethodPage(input: MethodPageInput): MethodPageModel {
  const { report, settings, catalog, exclusionCount, closed } = input;
  const cal = report.calendar;
  const sections: MethodSection[] = [];
  const methods = (['occurrences', 'timeslices', 'ratio-timeslices'] as const).filter((m) =>
    catalog.entries.some((e) => e.slo.budgeting === m),
  );

  sections.push(
    section('quarters', 'Quarters', [
      `A quarter runs from midnight on its first day to midnight on the first day of the next, in the site’s time zone, ${cal.timezone}. The year starts in ${monthName(cal.fiscalYearStartMonth)}${cal.fiscalYearStartMonth === 1 ? '' : '; a fiscal year is named by the calendar year in which it ends'}. Daylight-saving changes come from the time zone database, so a day is not always 24 hours.`,
      'An SLI row belongs to the quarter that contains its timestamp. Every figure is computed on exact counts; rounding happens only when a number is written.',
    ]),
  );

  for (const m of methods) {
    const using = catalog.entries.filter((e) => e.slo.budgeting === m);
    const ex = exampleOf(report.quarters, m);
    const def = using[0]?.slo;
    const example =
      ex === null
        ? null
        : m === 'occurrences'
          ? occurrencesExample(ex.q, ex.s)
          : m === 'timeslices'
            ? timeslicesExample(
                ex.q,
                ex.s,
                catalog.entries.find((e) => e.slo.id === ex.s.id)?.slo.timeslice?.windowMs ??
                  def?.timeslice?.windowMs,
                catalog.entries.find((e) => e.slo.id === ex.s.id)?.slo.timeslice?.target,
              )
            : ratioTimeslicesExample(ex.q, ex.s);
    const text = METHOD_TEXT[m];
    sections.push(
      section(
        m,
        text.heading,
        [
          ...text.paragraphs,
          `Used by ${using.length} SLO${using.length === 1 ? '' : 's'}: ${using
            .slice(0, 6)
            .map((e) => e.slo.name)
            .join(', ')}${using.length > 6 ? ` and ${using.length - 6} more` : ''}.`,
        ],
        [],
        example,
      ),
    );
  }

  sections.push(
    section('burn-rate', 'Burn-down, burn rate and projection', [
      'A burn-down chart shows the budget consumed by the end of each day of the quarter against the ideal straight line from nothing at the start to the whole budget at the end; above the line the budget is going faster than the quarter. The rule at 100% is the budget exhausted, and a numbered marker shows where each linked incident started. The rolling 28-day attainment of a day is the attainment of the 28 days that end with it: the trend within the quarter.',
      'The burn rate over any interval is the share of bad events (or bad time) in it, divided by one minus the objective: at a burn rate of 1 the budget lasts exactly to the end of the quarter.',
      'For the quarter in progress, the projection is the budget consumed at quarter end if the quarter-to-date burn rate continues, and the date the budget runs out if it does.',
    ]),
  );

  const p = settings.policy;
  sections.push(
    section(
      'policy',
      'Status and the error budget policy',
      [
        `An SLO is exhausted when no budget is left, at risk when ${formatPercent(p.atRisk)} of its budget or less is left or the projection runs it out before the quarter ends, and healthy otherwise. A complete quarter also says whether the objective was met: attainment at or above the objective. Status is decided on the exact figures, never on the rounded ones. Each status carries the policy text in force:`,
      ],
      [`Healthy: ${p.texts.healthy}`, `At risk: ${p.texts.atRisk}`, `Exhausted: ${p.texts.exhausted}`],
    ),
  );

  sections.push(
    section('as-of', 'The as-of time', [
      `Every figure is as of the end of the latest SLI data in the repository — the latest row’s timestamp plus its step — unless the build was given an as-of time; never the clock of the machine that built the site, so the same inputs give the same site on any day. This site’s figures are as of ${formatDateTime(report.asOfMs, cal)}.`,
      'The quarter that contains the as-of time is in progress; earlier quarters are complete.',
    ]),
  );

  sections.push(
    section('coverage', 'Data coverage', [
      `Coverage is the share of the quarter’s slices (or export steps) that had data, up to the as-of time. Below 100% the figure says so beside the number; below ${formatPercent(INCOMPLETE_BELOW)} the SLO’s figures are marked incomplete.`,
    ]),
  );

  const thresholds = new Map<number, string[]>();
  for (const e of catalog.entries) {
    const n = resolveMinEvents(e.slo, settings.minEvents ?? undefined);
    thresholds.set(n, [...(thresholds.get(n) ?? []), e.slo.name]);
  }
  sections.push(
    section(
      'insufficient-data',
      'Insufficient data',
      [
        `An SLO whose quarter has fewer events than its low-traffic threshold, or no slice with data, has no attainment: it reads "insufficient data", never 100%, and never counts as met. ${settings.minEvents === null ? 'Unless an SLO sets its own, the threshold is the traffic at which the budget is one event, 1 ÷ (1 − objective).' : `The site-wide threshold is ${formatCount(settings.minEvents)} events a quarter unless an SLO sets its own.`} Thresholds in force:`,
      ],
      [...thresholds.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(
          ([n, names]) =>
            `fewer than ${formatCount(n)} events: ${names.slice(0, 4).join(', ')}${names.length > 4 ? ` and ${names.length - 4} more` : ''}`,
        ),
    ),
  );

  sections.push(
    section('exclusions', 'Exclusions', [
      'Approved windows — planned maintenance, data corrections — are listed in the repository with a reason and an approver. SLI rows whose timestamp falls inside a window are left out of every figure, as if never exported, and each review lists the exclusions that applied so the budget’s arithmetic stays auditable.',
      `${exclusionCount === 0 ? 'No window is excluded at present.' : `${exclusionCount} window${exclusionCount === 1 ? ' is' : 's are'} excluded at present; each SLO’s page lists those that touched it.`}`,
    ]),
  );

  sections.push(
    section('incidents', 'Incidents and unattributed burn', [
      'Time to detect is detection minus start; time to restore is mitigation minus start. The budget an incident burned, per linked SLO, is the bad events (or bad slice time) inside the incident window, from start to mitigation, divided by that quarter’s budget; an incident crossing a quarter boundary is split between the two.',
      'Unattributed burn is the budget consumed outside every incident window. A large share means incidents happened that nobody wrote up.',
    ]),
  );

  sections.push(
    section('rounding', 'How numbers are written', [
      'Attainment shows one decimal more than its objective and is truncated, never rounded up: 99.8996% against 99.9% prints 99.89%. Budget left and time left are truncated; budget spent and error rates are rounded up, so spent and left add up to 100%. A change is the difference of the printed values: percentage points for attainment and budget, relative % for counts, absolute for durations.',
    ]),
  );

  const closedList = [...closed.values()].sort((a, b) => a.quarter.localeCompare(b.quarter));
  sections.push(
    section(
      'closed-quarters',
      'Closed quarters',
      [
        'Closing a quarter freezes its review: the full set of figures is stored with a fingerprint of every input file that contributed. Every build recomputes a closed quarter from the current inputs; if a published figure would change, the build stops rather than silently restate it.',
        closedList.length === 0 ? 'No quarter is closed yet.' : 'Closed quarters:',
      ],
      closedList.map((c) => {
        const latest = c.revisions[c.revisions.length - 1];
        return `${latest?.report.label ?? c.quarter}: revision ${latest?.summary.revision ?? 1}${c.revisions.length > 1 ? ` of ${c.revisions.length}` : ''}`;
      }),
    ),
  );
  sections.push(
    section('revisions', 'Revisions', [
      'When a closed quarter’s figures must change — late data, a corrected export, a new exclusion — a new revision is published with a note saying why. Earlier revisions stay readable at their own addresses, and the review shows the revision history with each note.',
    ]),
  );

  return { asOf: report.asOf, asOfText: formatDateTime(report.asOfMs, cal), sections };
}
