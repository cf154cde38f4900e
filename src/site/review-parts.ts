/**
 * What the review's components show (SPEC §9). They take a quarter and an id as props, on the
 * review page and in narratives alike, and render what these return: the lookups, filters and
 * orders live here, so a page only renders (issue 13).
 */
import { headlineFigures, type HeadlineFigure } from '../report/headlines.ts';
import type { IncidentBudgetShare } from '../report/incident-budget.ts';
import { MetricError } from '../report/metric.ts';
import type {
  DeploymentReport,
  IncidentReport,
  LedgerReport,
  QuarterReport,
  SloReport,
} from '../report/quarter-report.ts';
import { sortForScorecard } from '../report/scorecard-order.ts';
import { beganInLabels, carriedOverIncidents, incidentsBegunIn } from '../report/carried-over.ts';
import { quarterIncidentView } from './incident-list.ts';
import { foldList, OPEN_SERVICE_LIMIT, REVIEW_LIST_LIMIT } from './long-list.ts';
import { groupScorecard } from './scorecard-groups.ts';

/** The scorecard's rows, over-budget first, of every SLO or one service's; and the quarter before. */
export function scorecardRows(
  report: LedgerReport,
  q: QuarterReport,
  service?: string,
): { rows: SloReport[]; prev: QuarterReport | undefined } {
  return {
    rows: sortForScorecard(service === undefined ? q.slos : q.slos.filter((s) => s.service === service)),
    prev: report.quarters.find((x) => x.quarter === q.previousQuarter),
  };
}

/** One SLO of the quarter; a narrative naming an unknown one stops the build, listing the known. */
export function quarterSlo(q: QuarterReport, sloId: string, component: string): SloReport {
  const slo = q.slos.find((s) => s.id === sloId);
  if (!slo)
    throw new MetricError(
      `<${component} slo="${sloId}">: no such SLO in ${q.quarter}; SLOs: ${q.slos.map((s) => s.id).join(', ')}`,
    );
  return slo;
}

/** One headline card of the quarter, by name. */
export function quarterFigure(report: LedgerReport, q: QuarterReport, name: string): HeadlineFigure {
  const figures = headlineFigures(report, q.quarter);
  const f = figures.find((x) => x.name === name);
  if (!f)
    throw new MetricError(
      `<Figure name="${name}">: unknown figure; use one of ${figures.map((x) => x.name).join(', ')}`,
    );
  return f;
}

export interface ThroughputRow {
  name: string;
  d: DeploymentReport;
  total?: boolean;
}

export interface ReviewTable<T> {
  rows: T[];
  caption: string;
  /** The disclosure's summary of a folded table; '' for the table shown. */
  summary: string;
}

/** The throughput table of one service, or of every service and the total (folded at many services). */
export function throughputTables(q: QuarterReport, service?: string): ReviewTable<ThroughputRow>[] {
  const rows: ThroughputRow[] = service
    ? q.services.filter((s) => s.id === service).map((s) => ({ name: s.id, d: s.deployments }))
    : [
        ...q.services.map((s) => ({ name: s.id, d: s.deployments })),
        { name: 'All services', d: q.throughput, total: true },
      ];
  if (rows.length === 0)
    throw new MetricError(
      `<Throughput service="${service}">: no such service in ${q.quarter}; services: ${q.services.map((s) => s.id).join(', ')}`,
    );
  const soFar = q.state === 'in-progress' ? ' so far' : '';
  // At many services the per-service rows fold away behind the total (long-list.ts).
  return !service && q.services.length > REVIEW_LIST_LIMIT
    ? [
        {
          rows: rows.filter((r) => r.total),
          caption: `Deployment throughput of all ${q.services.length} services, ${q.label}${soFar}`,
          summary: '',
        },
        {
          rows: rows.filter((r) => !r.total),
          caption: `Deployment throughput per service, ${q.label}${soFar}`,
          summary: `Per service (${q.services.length})`,
        },
      ]
    : [{ rows, caption: `Deployment throughput, ${q.label}${soFar}`, summary: '' }];
}

/** The SLOs an incident spent budget of, with the share of each. */
export function spentShares(i: IncidentReport): [string, number][] {
  return Object.entries(i.budgetConsumed).filter((e): e is [string, number] => e[1] !== null && e[1] > 0);
}

/** An incident's shares of budget that could be judged. */
export function judgedShares(
  shares: ReadonlyMap<string, IncidentBudgetShare[]>,
  slug: string,
): IncidentBudgetShare[] {
  return (shares.get(slug) ?? []).filter((s) => s.consumed !== null);
}

/** Unattributed burn per SLO, the most first when the list folds. */
export function unattributedTables(q: QuarterReport, spent: readonly SloReport[]): ReviewTable<SloReport>[] {
  const ordered =
    spent.length > REVIEW_LIST_LIMIT
      ? [...spent].sort((a, b) => (b.unattributedConsumed ?? 0) - (a.unattributedConsumed ?? 0))
      : spent;
  const { shown, folded } = foldList(ordered);
  return [
    {
      rows: shown,
      caption:
        folded.length > 0
          ? `The ${shown.length} SLOs with the most budget spent outside incident windows, of ${spent.length}, ${q.label}`
          : `Budget spent outside incident windows, ${q.label}`,
      summary: '',
    },
    ...(folded.length > 0
      ? [
          {
            rows: folded,
            caption: `The other ${folded.length} SLOs, ${q.label}`,
            summary: `The other ${folded.length} SLOs`,
          },
        ]
      : []),
  ];
}

/** Coverage per SLO, the least first when the list folds. */
export function coverageTables(q: QuarterReport): ReviewTable<SloReport>[] {
  const ordered =
    q.slos.length > REVIEW_LIST_LIMIT
      ? [...q.slos].sort((a, b) => (a.coverage ?? 0) - (b.coverage ?? 0))
      : q.slos;
  const { shown, folded } = foldList(ordered);
  const soFar = q.state === 'in-progress' ? ' so far' : '';
  return [
    {
      rows: shown,
      caption:
        folded.length > 0
          ? `The ${shown.length} SLOs with the least data, of ${q.slos.length}: share of the quarter${soFar} with data`
          : `Share of the quarter${soFar} with data, per SLO`,
      summary: '',
    },
    ...(folded.length > 0
      ? [
          {
            rows: folded,
            caption: `The other ${folded.length} SLOs`,
            summary: `Coverage of the other ${folded.length} SLOs`,
          },
        ]
      : []),
  ];
}

/** The shown and the folded part of a list, leaving out an empty folded part. */
export function foldedParts<T>(items: readonly T[]): T[][] {
  const { shown, folded } = foldList(items);
  return [shown, folded].filter((list) => list.length > 0);
}

/** Which services of the grouped scorecard open by default, in words: " and open" when all do. */
export function openServicesWords(q: QuarterReport): string {
  const attention = groupScorecard(q).filter((g) => g.attention).length;
  return attention > OPEN_SERVICE_LIMIT ? `, the ${OPEN_SERVICE_LIMIT} worst open` : ' and open';
}

export interface IncidentTable {
  list: IncidentReport[];
  caption: string;
  kind: 'begun' | 'carried';
}

/**
 * The quarter's incident tables. An incident is counted in the quarter it began in; one that
 * began earlier and burned this quarter's budget is listed in a table of its own, so that the
 * list agrees with the counts. `hidden`: incidents counted but not shown to this audience.
 */
export function incidentTables(report: LedgerReport, q: QuarterReport) {
  const begun = incidentsBegunIn(q);
  const carried = carriedOverIncidents(q);
  const view = quarterIncidentView(q);
  const tables: IncidentTable[] = [
    ...(begun.length > 0
      ? [
          {
            list: view.table,
            caption:
              view.more > 0
                ? `The ${view.table.length} incidents that began in ${q.label} and used the most error budget, of ${view.total}`
                : `Incidents that began in ${q.label}, with the error budget each used`,
            kind: 'begun' as const,
          },
        ]
      : []),
    ...(carried.length > 0
      ? [
          {
            list: carried,
            caption: `Began in ${beganInLabels(carried, report.quarters)}: not counted in ${q.label}, but used its error budget`,
            kind: 'carried' as const,
          },
        ]
      : []),
  ];
  return { begun, carried, view, hidden: q.incidentSummary.incidents - begun.length, tables };
}
