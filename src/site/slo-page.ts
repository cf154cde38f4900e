/**
 * The model of `/slos/<id>/` (SPEC §9): one SLO across every quarter — its figures, burn-down,
 * incidents and exclusions, newest quarter first. Everything is formatted here, and the site model
 * builds it once (src/site/model.ts), so the page only renders what it is given.
 */
import { buildBurnDownChart, incidentMarkersFor, type BuiltChart } from '../charts/index.ts';
import {
  formatAttainment,
  formatDateTime,
  formatDuration,
  formatObjective,
  formatPercent,
  formatPercentUp,
} from '../domain/format.ts';
import { chartAnchor, incidentAnchor } from '../report/anchors.ts';
import { budgetText } from '../report/budget-text.ts';
import { measuredTextOf } from '../report/measured-text.ts';
import { MINUTE_MS } from '../domain/units.ts';
import { sloIdentity, type SloDefinition, type SloIdentity } from '../domain/slo.ts';
import type { LedgerReport, SloReport } from '../report/quarter-report.ts';
import { methodAnchor } from './method-page.ts';

export interface SloQuarterView {
  quarter: string;
  slug: string;
  label: string;
  inProgress: boolean;
  /** The newest quarters get a section with the burn-down (in `sections`); older ones only a table row. */
  detailed: boolean;
  status: SloReport['status'];
  attainment: string;
  /** `<data value>` of the attainment, '' without one. */
  attainmentValue: string;
  budget: string;
  /** "12% of the budget spent", rounded up (issue 12 item 8); null without a budget. */
  spent: string | null;
  /** The exact share spent, for `<data value>`. */
  consumed: number | null;
  verdict: string | null;
  coverage: string | null;
  /** What a threshold SLI measured: "p99 per hour: median 193 ms, worst 1240 ms; …"; null for counts. */
  measured: string | null;
  policyText: string | null;
  /** The burn-down of a detailed quarter with enough data, to render. */
  chart: BuiltChart | null;
  chartId: string;
  incidents: {
    id: string;
    anchor: string;
    title: string;
    severity: string;
    started: string;
    startedText: string;
    budget: string | null;
  }[];
  exclusions: {
    start: string;
    end: string;
    startText: string;
    endText: string;
    reason: string;
    approvedBy: string;
  }[];
}

export interface SloPageModel {
  slo: SloIdentity;
  /** The objective as written: '99.9%'. */
  objectiveText: string;
  /** The budgeting method in words. */
  budgetingText: string;
  /** Fragment of `/method/` that explains the budgeting method. */
  methodHref: string;
  /** Every quarter the SLO took part in, newest first: one table row each. */
  quarters: SloQuarterView[];
  /** The detailed quarters, newest first: a section each. */
  sections: SloQuarterView[];
  /** Whether older quarters are only in the table (they link to their reviews). */
  hasOlder: boolean;
}

/** Quarters shown in full, newest first; a history of 41 quarters keeps the rest in the table. */
export const DETAILED_QUARTERS = 8;

const BUDGETING_WORDS: Record<SloReport['budgeting'], string> = {
  occurrences: 'occurrences (good events over all events)',
  timeslices: 'timeslices (good time slices over slices with data)',
  'ratio-timeslices': 'ratio timeslices (mean of the per-slice ratios)',
};

export function budgetingWords(method: SloReport['budgeting']): string {
  return BUDGETING_WORDS[method];
}

export function buildSloPage(report: LedgerReport, slo: SloDefinition): SloPageModel {
  const cal = report.calendar;
  const sloId = slo.id;
  const quarters: SloQuarterView[] = [];
  for (const q of [...report.quarters].reverse()) {
    const s = q.slos.find((x) => x.id === sloId);
    if (!s) continue;
    const detailed = quarters.length < DETAILED_QUARTERS;
    const chart =
      s.insufficientData || !detailed
        ? null
        : buildBurnDownChart(s, q, { cal, incidents: incidentMarkersFor(s.id, q.incidents) });
    quarters.push({
      quarter: q.quarter,
      slug: q.slug,
      label: q.label,
      inProgress: q.state === 'in-progress',
      detailed,
      status: s.status,
      attainment: s.attainment === null ? 'insufficient data' : formatAttainment(s.attainment, s.objective),
      attainmentValue: s.attainment === null ? '' : String(s.attainment),
      budget: budgetText(s),
      spent: s.consumed === null ? null : `${formatPercentUp(s.consumed)} of the budget spent`,
      consumed: s.consumed,
      verdict: s.met === null ? null : s.met ? 'objective met' : 'objective missed',
      coverage:
        s.coverage < 1
          ? `data for ${formatPercent(s.coverage)} of the quarter${s.incomplete ? ' — incomplete' : ''}`
          : null,
      measured: measuredTextOf(report, q.quarter, sloId),
      policyText: s.policyText,
      chart,
      chartId: chartAnchor('burn-down', `${s.id}-${q.slug}`),
      incidents: q.incidents
        .filter((i) => i.slos.includes(sloId))
        .map((i) => {
          const share = i.budgetConsumed[sloId];
          return {
            id: i.id,
            anchor: incidentAnchor(i.id),
            title: i.title,
            severity: i.severity,
            started: i.started,
            startedText: formatDateTime(Date.parse(i.started), cal),
            budget:
              share === undefined || share === null
                ? null
                : `${formatPercent(share)} of the budget${i.ttrMinutes === null ? '' : `, ${formatDuration(i.ttrMinutes * MINUTE_MS)} to restore`}`,
          };
        }),
      exclusions: q.exclusions
        .filter((x) => x.slos.includes(sloId) || x.services.includes(slo.service))
        .map((x) => ({
          start: x.start,
          end: x.end,
          startText: formatDateTime(Date.parse(x.start), cal),
          endText: formatDateTime(Date.parse(x.end), cal),
          reason: x.reason,
          approvedBy: x.approvedBy,
        })),
    });
  }
  return {
    slo: sloIdentity(slo),
    objectiveText: formatObjective(slo.objective),
    budgetingText: BUDGETING_WORDS[slo.budgeting],
    methodHref: `#${methodAnchor(slo.budgeting)}`,
    quarters,
    sections: quarters.filter((q) => q.detailed),
    hasOlder: quarters.some((q) => !q.detailed),
  };
}
