/**
 * The model of `/slos/<id>/` (SPEC §9): one SLO across every quarter — its figures, burn-down,
 * incidents and exclusions, newest quarter first. Everything is formatted here, so the page only
 * renders what it is given.
 */
import { buildBurnDownChart, incidentMarkersFor, renderChart, type RenderedChart } from '../charts/index.ts';
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
import type { SloReport } from '../report/quarter-report.ts';
import type { SiteData } from './ledger.ts';
import { methodAnchor } from './method-page.ts';

export interface SloQuarterView {
  quarter: string;
  slug: string;
  label: string;
  inProgress: boolean;
  /** The newest quarters get a section with the burn-down; older ones only a table row. */
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
  chart: RenderedChart | null;
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
  id: string;
  name: string;
  service: string;
  owner: string;
  team: string;
  objective: string;
  budgeting: string;
  /** Fragment of `/method/` that explains the budgeting method. */
  methodHref: string;
  quarters: SloQuarterView[];
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

/** The ids of every SLO in the catalog, for `getStaticPaths`. */
export function sloIds(data: SiteData): string[] {
  return data.inputs.catalog.entries.map((e) => e.slo.id);
}

export async function buildSloPage(data: SiteData, sloId: string): Promise<SloPageModel> {
  const { report, inputs } = data;
  const cal = report.calendar;
  const entry = inputs.catalog.entries.find((e) => e.slo.id === sloId);
  if (!entry) throw new Error(`no SLO ${sloId} in the catalog`);
  const slo = entry.slo;
  const quarters: SloQuarterView[] = [];
  for (const q of [...report.quarters].reverse()) {
    const s = q.slos.find((x) => x.id === sloId);
    if (!s) continue;
    const detailed = quarters.length < DETAILED_QUARTERS;
    const chart =
      s.insufficientData || !detailed
        ? null
        : await renderChart(buildBurnDownChart(s, q, cal, incidentMarkersFor(s.id, q.incidents)));
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
                : `${formatPercent(share)} of the budget${i.ttrMinutes === null ? '' : `, ${formatDuration(i.ttrMinutes * 60_000)} to restore`}`,
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
    id: slo.id,
    name: slo.name,
    service: slo.service,
    owner: slo.owner,
    team: slo.team,
    objective: formatObjective(slo.objective),
    budgeting: BUDGETING_WORDS[slo.budgeting],
    methodHref: `#${methodAnchor(slo.budgeting)}`,
    quarters,
  };
}
