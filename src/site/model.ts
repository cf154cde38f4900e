/**
 * `buildSiteModel`: everything a page shows, resolved once from the loaded ledger — the previous
 * quarter of each review, the troubled SLOs split from the others, durations in milliseconds,
 * chart inputs built. Pure (no Astro, no file): tested on the fixture ledgers without a build.
 * Pages and components only render what it returns (STYLE rule 15).
 */
import { compareText } from '../domain/compare-text.ts';
import type { Calendar } from '../domain/calendar.ts';
import { timeToDetectMs, timeToResolveMs, timeToRestoreMs } from '../domain/incident.ts';
import { formatCount, formatDateTime } from '../domain/format.ts';
import { parseQuarterId } from '../domain/quarter.ts';
import { HOUR_MS, MINUTE_MS } from '../domain/units.ts';
import type { Ledger } from '../ingest/load-ledger.ts';
import type { ActionItem, Postmortem } from '../ingest/postmortem.ts';
import type { Settings } from '../ingest/settings.ts';
import type { Service } from '../ingest/catalog/model.ts';
import {
  buildIncidentSliChart,
  buildQuarterAttainmentChart,
  buildRollingAttainmentChart,
  buildSparkline,
  type BuiltChart,
} from '../charts/index.ts';
import { listActionItems, type ActionItemRow } from '../report/action-items.ts';
import { FULL_BURN_DOWN_LIMIT } from './long-list.ts';
import { asOfLocalDay } from '../report/as-of.ts';
import { headlineFigures, headlineSentences, type HeadlineFigure } from '../report/headlines.ts';
import { incidentBudgetShares, type IncidentBudgetShare } from '../report/incident-budget.ts';
import { describeIncident } from '../report/incident-sentence.ts';
import { sliAroundIncident } from '../report/incident-sli.ts';
import { countActionItems, incidentTimes, linkedSlos } from '../report/incident-summary.ts';
import { inputDigest } from '../report/input-digest.ts';
import {
  buildLedgerReport,
  previousQuarterOf,
  visiblePostmortems,
  type IncidentReport,
  type LedgerReport,
  type QuarterReport,
  type SloReport,
  type SloUnit,
} from '../report/quarter-report.ts';
import { budgetRunOutWords, budgetText, unitOf } from '../report/budget-text.ts';
import { sortForScorecard } from '../report/scorecard-order.ts';
import { beganInLabel, carriedOverIncidents } from '../report/carried-over.ts';
import {
  facetGroups,
  incidentFacets,
  type FacetGroup,
  type IncidentFacet,
} from '../report/incident-facets.ts';
import {
  publishedLedger,
  publishedSnapshots,
  type ClosedQuarter,
  type RevisionSummary,
} from '../report/snapshot.ts';
import type { Audience } from '../report/visibility.ts';
import { allBadges, type Badge } from './badge.ts';
import { buildMethodPage, type MethodPageModel } from './method-page.ts';
import { buildSloPage, type SloPageModel } from './slo-page.ts';
import { buildSummaryPage, type SummaryPageModel } from './summary-page.ts';
import { openIncidentsFirst, paginate, type ListPage } from './paginate.ts';

export type { ActionItemRow, ClosedQuarter, HeadlineFigure, IncidentBudgetShare, LedgerReport };
export type { Postmortem, QuarterReport, Service, SloReport, Calendar };

/** The review of one quarter (/reviews/<quarter>/). */
export interface ReviewPage {
  q: QuarterReport;
  /** The quarter before, when the ledger has it. */
  prev: QuarterReport | null;
  /** The headline sentences, the first of them the page's description. */
  sentences: string[];
  figures: HeadlineFigure[];
  /**
   * Exhausted or at-risk SLOs whose full burn-down comes first: all of them, or at many SLOs the
   * FULL_BURN_DOWN_LIMIT that spent the most (src/site/long-list.ts).
   */
  troubled: SloReport[];
  /** Troubled SLOs left out of `troubled` for their number; they lead `others`. */
  troubledInGrid: number;
  /** The other SLOs with enough data, drawn as thumbnails. */
  others: SloReport[];
  /** SLOs with a budget spent, for the unattributed-burn table. */
  spent: SloReport[];
  /** Action items of the incidents that began in this quarter (the ones counted). */
  actionItems: ActionItemRow[];
  /**
   * Action items of incidents that began earlier and burned this quarter's budget, apart, per
   * incident (issue 12 item 11); incidents without action items left out.
   */
  carriedItems: { incident: IncidentReport; beganIn: string; items: ActionItemRow[] }[];
  /** SLOs with enough data to judge: without any, the policy texts would read as a verdict. */
  judged: number;
  /** Each SLO's counted events in its unit, e.g. "90,900 requests", by SLO id. */
  countedText: Record<string, string>;
  /** The review on one printed page (/reviews/<quarter>/summary/). */
  summary: SummaryPageModel;
  history: RevisionHistory;
}

/** One row of a service's quarter-by-quarter table. */
export interface ServiceQuarter {
  q: QuarterReport;
  incidents: number;
  ttrMedianMs: number | null;
  mtbfMs: number | null;
  overdue: number;
}

/** A service's page (/services/<id>/). */
export interface ServicePage {
  service: Service;
  sloCount: number;
  /** The quarter in progress (the latest), if any. */
  current: QuarterReport | null;
  /** This service's SLOs in the current quarter. */
  now: SloReport[];
  /** Rolling 28-day attainment of the current quarter, per SLO with enough data. */
  rolling: BuiltChart[];
  /** Attainment by quarter, one chart per SLO. */
  trends: BuiltChart[];
  /** Newest first. */
  quarters: ServiceQuarter[];
  /** The latest two quarters, newest first, for throughput. */
  throughputQuarters: QuarterReport[];
  /** Write-ups that name the service, newest first. */
  incidents: Postmortem[];
}

/** An action item of a write-up, with its due day as an instant to format. */
export interface IncidentActionItem extends ActionItem {
  /** Noon UTC of the due day, so that every zone shows the same calendar day; null without one. */
  dueMs: number | null;
}

/** A write-up's page (/incidents/<slug>/). */
export interface IncidentPage {
  p: Postmortem;
  sentence: string;
  shares: IncidentBudgetShare[];
  /** SLO ids the incident counts against. */
  slos: string[];
  ttdMs: number | null;
  ttrMs: number | null;
  resolveMs: number | null;
  /** The SLI around the incident, one chart per linked SLO with rows then. */
  sliCharts: BuiltChart[];
  actionItems: IncidentActionItem[];
  actionItemsDone: number;
}

/** One SLO on the home page's status board, over-budget first. */
export interface BoardRow {
  slo: SloReport;
  /** Budget left by day; null without enough data. */
  sparkline: BuiltChart | null;
  /** 'healthy · 53% left (…)' in the SLO's unit. */
  budgetText: string;
  /** When the projection runs the budget out: 'runs out on' and the day. */
  exhausts: { words: string; at: string; atMs: number } | null;
}

/** A quarter's published revisions, for its revision history (SPEC §10). */
export interface RevisionHistory {
  q: QuarterReport;
  /** Newest first; empty while the quarter is not closed. */
  revisions: (RevisionSummary & { asOfText: string })[];
  /** The latest revision's number; null while the quarter is not closed. */
  latest: number | null;
}

/** One item of the RSS feed; `path` is inside the site, without its base. */
export interface FeedItem {
  title: string;
  path: string;
  pubDateMs: number;
  description: string;
}

/** The incident list (/incidents/, /incidents/page/<n>/) and its facets. */
export interface IncidentList {
  /** Open incidents first, then newest first; hrefs without the site's base. */
  pages: ListPage<Postmortem>[];
  /** One page per quarter, service and severity with incidents (/incidents/<kind>/<value>/). */
  facets: IncidentFacet[];
  /** The same facets by kind, for the links above every incident list. */
  groups: FacetGroup[];
}

/** The action-item list (/action-items/, /action-items/page/<n>/). */
export interface ActionItemList {
  /** Overdue and open first; hrefs without the site's base. */
  pages: ListPage<ActionItemRow>[];
  overdue: number;
  /** Open or in progress. */
  open: number;
  /** Done or won't do. */
  closed: number;
}

export interface SiteModel {
  /** The ledger's settings, with this audience. */
  settings: Settings;
  /** Closed quarters as their latest revision (`revision` set), the others as computed. */
  report: LedgerReport;
  /** Every revision of each closed quarter, by quarter id (`2026-Q2`), as this audience may read it. */
  closed: Map<string, ClosedQuarter>;
  /** Postmortems this audience may see, newest first. */
  postmortems: Postmortem[];
  /** Budget each incident used, per SLO and quarter. */
  incidentShares: Map<string, IncidentBudgetShare[]>;
  /** Action items of the visible postmortems, overdue and open first. */
  actionItems: ActionItemRow[];
  incidentList: IncidentList;
  actionItemList: ActionItemList;
  /**
   * A short digest of every input file (data/, postmortems, review narratives, snapshots), for
   * "built from" lines: src/report/input-digest.ts. Never the wall clock.
   */
  inputsDigest: string | null;
  home: {
    current: QuarterReport | null;
    sentences: string[];
    /** The current quarter's SLOs, over-budget first. */
    board: BoardRow[];
    recent: Postmortem[];
    /** Every quarter's review, newest first. */
    reviews: QuarterReport[];
  };
  /** By quarter id. */
  reviews: Map<string, ReviewPage>;
  services: ServicePage[];
  incidents: IncidentPage[];
  /** Reviews and write-ups, newest first, dated from the data, never the clock. */
  feed: FeedItem[];
  /** One page per SLO of the catalog (/slos/<id>/), in catalog order. */
  slos: SloPageModel[];
  /** "How these figures are computed" (/method/). */
  method: MethodPageModel;
  /** Every SLO's and service's status badge (/badges/<id>.svg). */
  badges: Badge[];
}

export interface SiteOptions {
  audience: Audience;
  /** `--as-of`; undefined: the end of the data. */
  asOfMs: number | undefined;
}

export function buildSiteModel(ledger: Ledger, opts: SiteOptions): SiteModel {
  const settings = { ...ledger.settings, audience: opts.audience };
  const computed = buildLedgerReport({ ...ledger, settings }, { asOfMs: opts.asOfMs });
  // Closed quarters render from their latest revision; `npm run build` has checked that the
  // figures still agree with the inputs before Astro started (src/report/closed-quarters.ts).
  const { report, closed } = publishedLedger(computed, publishedSnapshots(ledger.snapshots), opts.audience);
  const postmortems = visiblePostmortems(ledger.postmortems, opts.audience).sort(
    (a, b) => b.started - a.started || compareText(a.slug, b.slug),
  );
  const incidentShares = incidentBudgetShares(report);
  const asOfDay = asOfLocalDay(report.asOfMs, report.calendar);
  const actionItems = listActionItems(postmortems, asOfDay);
  const current = report.quarters[report.quarters.length - 1] ?? null;
  const currentPrev = current ? previousQuarterOf(report, current) : null;
  const incidents = postmortems.map((p) => incidentPage(ledger, report, p, incidentShares, asOfDay));
  const { catalog } = ledger;
  return {
    settings,
    report,
    closed,
    postmortems,
    incidentShares,
    actionItems,
    incidentList: incidentList(postmortems, settings),
    actionItemList: actionItemList(actionItems),
    inputsDigest: ledger.hashes === null ? null : inputDigest(ledger.hashes),
    home: {
      current,
      sentences: current ? headlineSentences(current, currentPrev, report.units) : [],
      board: current ? statusBoard(report, current) : [],
      recent: postmortems.slice(0, 5),
      reviews: [...report.quarters].reverse(),
    },
    reviews: new Map(report.quarters.map((q) => [q.quarter, reviewPage(report, q, actionItems, closed)])),
    services: ledger.catalog.services.map((s) => servicePage(ledger, report, s, postmortems)),
    incidents,
    feed: feedItems(report, incidents),
    slos: catalog.entries.map((e) => buildSloPage(report, e.slo)),
    method: buildMethodPage({ report, settings, catalog, exclusionCount: ledger.exclusions.length, closed }),
    badges: allBadges(
      report,
      catalog.entries.map((e) => e.slo.id),
      catalog.services.map((s) => s.id),
    ),
  };
}

function statusBoard(report: LedgerReport, q: QuarterReport): BoardRow[] {
  return sortForScorecard(q.slos).map((slo) => {
    const exhaustsAt = slo.projection?.exhaustsAt ?? null;
    const atMs = exhaustsAt === null ? null : Date.parse(exhaustsAt);
    return {
      slo,
      sparkline: slo.insufficientData
        ? null
        : buildSparkline(slo, report.calendar, { quarterLabel: q.label }),
      budgetText: budgetText(slo, unitOf(report, slo.id)),
      exhausts:
        exhaustsAt === null || atMs === null
          ? null
          : { words: budgetRunOutWords(atMs, report.asOfMs), at: exhaustsAt, atMs },
    };
  });
}

function incidentList(postmortems: Postmortem[], settings: Settings): IncidentList {
  const facets = incidentFacets(postmortems, settings);
  return {
    pages: paginate(openIncidentsFirst(postmortems), '/incidents/'),
    facets,
    groups: facetGroups(facets),
  };
}

function actionItemList(actionItems: ActionItemRow[]): ActionItemList {
  const overdue = actionItems.filter((a) => a.state === 'overdue').length;
  const open = actionItems.filter((a) => a.state === 'open' || a.state === 'in-progress').length;
  return {
    pages: paginate(actionItems, '/action-items/'),
    overdue,
    open,
    closed: actionItems.length - overdue - open,
  };
}

function feedItems(report: LedgerReport, incidents: IncidentPage[]): FeedItem[] {
  const reviews = report.quarters.map((q) => ({
    title: `Reliability review, ${q.label}${q.state === 'in-progress' ? ' (in progress)' : ''}`,
    path: `/reviews/${q.slug}/`,
    // A complete quarter's review appears when the quarter ends; one in progress at as-of.
    pubDateMs: Math.min(Date.parse(q.end), report.asOfMs),
    description: `SLO attainment, error budgets and incidents for ${q.label}.`,
  }));
  const writeUps = incidents.map(({ p, sentence }) => ({
    title: `${p.severity}: ${p.title}`,
    path: `/incidents/${p.slug}/`,
    pubDateMs: p.mitigated ?? p.started,
    description: sentence,
  }));
  return [...reviews, ...writeUps].sort((a, b) => b.pubDateMs - a.pubDateMs || compareText(a.path, b.path));
}

function reviewPage(
  report: LedgerReport,
  q: QuarterReport,
  actionItems: ActionItemRow[],
  closed: ReadonlyMap<string, ClosedQuarter>,
): ReviewPage {
  const prev = previousQuarterOf(report, q);
  const allTroubled = q.slos.filter((s) => s.status === 'exhausted' || s.status === 'at-risk');
  const mostSpent = new Set(
    [...allTroubled]
      .sort((a, b) => (b.consumed ?? 0) - (a.consumed ?? 0) || compareText(a.id, b.id))
      .slice(0, FULL_BURN_DOWN_LIMIT),
  );
  // Kept in scorecard order, as the scorecard lists them.
  const troubled = allTroubled.filter((s) => mostSpent.has(s));
  const troubledInGrid = allTroubled.filter((s) => !mostSpent.has(s));
  // Action items of the incidents that began in the quarter (the ones counted), then those of
  // incidents that began earlier and burned this quarter's budget, apart (issue 12 item 11).
  const carried = carriedOverIncidents(q);
  const carriedIds = new Set(carried.map((i) => i.id));
  const incidentIds = new Set(q.incidents.map((i) => i.id).filter((id) => !carriedIds.has(id)));
  return {
    q,
    prev,
    sentences: headlineSentences(q, prev, report.units),
    figures: headlineFigures(report, q.quarter),
    troubled,
    troubledInGrid: troubledInGrid.length,
    others: [...troubledInGrid, ...q.slos.filter((s) => !allTroubled.includes(s) && !s.insufficientData)],
    spent: q.slos.filter((s) => s.consumed !== null),
    actionItems: actionItems.filter((a) => incidentIds.has(a.incident.slug)),
    carriedItems: carried
      .map((i) => ({
        incident: i,
        beganIn: beganInLabel(i, report.quarters),
        items: actionItems.filter((a) => a.incident.slug === i.id),
      }))
      .filter((c) => c.items.length > 0),
    judged: q.slos.filter((s) => !s.insufficientData).length,
    countedText: Object.fromEntries(q.slos.map((s) => [s.id, eventsText(unitOf(report, s.id), s.total)])),
    summary: buildSummaryPage(report, q, actionItems),
    history: revisionHistory(report, q, closed.get(q.quarter)),
  };
}

function revisionHistory(
  report: LedgerReport,
  q: QuarterReport,
  c: ClosedQuarter | undefined,
): RevisionHistory {
  const newestFirst = [...(c?.revisions ?? [])].reverse().map(({ summary }) => ({
    ...summary,
    asOfText: formatDateTime(Date.parse(summary.asOf), report.calendar),
  }));
  return { q, revisions: newestFirst, latest: newestFirst[0]?.revision ?? null };
}

/** "2,208 days with p99_ms ≤ 300" / "90,900 requests". */
function eventsText(u: SloUnit, n: number): string {
  const text = formatCount(n);
  return `${text} ${text === '1' ? u.singular : u.plural}${u.condition === null ? '' : ` (good when ${u.condition})`}`;
}

function servicePage(
  ledger: Ledger,
  report: LedgerReport,
  service: Service,
  postmortems: Postmortem[],
): ServicePage {
  const slos = ledger.catalog.entries.filter((e) => e.slo.service === service.id).map((e) => e.slo);
  const current = report.quarters[report.quarters.length - 1] ?? null;
  const now = current ? current.slos.filter((s) => s.service === service.id) : [];
  const newestFirst = [...report.quarters].reverse();
  return {
    service,
    sloCount: slos.length,
    current,
    now,
    // The rolling 28-day attainment of the quarter in progress: the trend within the quarter.
    rolling: current
      ? now
          .filter((s) => !s.insufficientData)
          .map((s) => buildRollingAttainmentChart(s, current, report.calendar))
      : [],
    trends: slos.map((slo) =>
      buildQuarterAttainmentChart(
        slo.name,
        // Only the quarters the SLO takes part in: before its `since` it was not there at all.
        report.quarters
          .filter((q) => q.slos.some((s) => s.id === slo.id))
          .map((q) => ({
            // The short form ('Jul–Sep 2026') keeps six quarters' labels apart on the axis.
            quarterLabel: parseQuarterId(q.quarter, report.calendar)?.shortLabel ?? q.quarter,
            attainment: q.slos.find((s) => s.id === slo.id)?.attainment ?? null,
            objective: slo.objective,
            inProgress: q.state === 'in-progress',
          })),
      ),
    ),
    quarters: newestFirst.map((q) => {
      const s = q.services.find((x) => x.id === service.id);
      return {
        q,
        incidents: s?.incidents ?? 0,
        ttrMedianMs: s?.ttrMedianMinutes == null ? null : s.ttrMedianMinutes * MINUTE_MS,
        mtbfMs: s?.mtbfHours == null ? null : s.mtbfHours * HOUR_MS,
        overdue: s?.actionItems.overdue ?? 0,
      };
    }),
    throughputQuarters: current ? newestFirst.slice(0, 2) : [],
    incidents: postmortems.filter((p) => p.services.includes(service.id)),
  };
}

function incidentPage(
  ledger: Ledger,
  report: LedgerReport,
  p: Postmortem,
  incidentShares: Map<string, IncidentBudgetShare[]>,
  asOfDay: string,
): IncidentPage {
  const cal = report.calendar;
  const shares = incidentShares.get(p.slug) ?? [];
  const times = incidentTimes(p);
  return {
    p,
    sentence: describeIncident({ startedMs: p.started, mitigatedMs: p.mitigated }, shares, cal),
    shares,
    slos: linkedSlos(p, ledger.catalog),
    ttdMs: timeToDetectMs(times),
    ttrMs: timeToRestoreMs(times),
    resolveMs: timeToResolveMs(times),
    sliCharts: sliAroundIncident(ledger, p).map((sli) =>
      buildIncidentSliChart(
        {
          sliName: sli.sloName,
          incident: { title: p.title, startedMs: p.started, mitigatedMs: p.mitigated ?? null },
          buckets: sli.buckets,
          ...(sli.stepMs !== null ? { stepMs: sli.stepMs } : {}),
          objective: sli.objective,
          unit: unitOf(report, sli.sloId),
          condition: unitOf(report, sli.sloId).condition,
          measure: sli.measure,
        },
        cal,
      ),
    ),
    actionItems: p.action_items.map((a) => ({
      ...a,
      dueMs: a.due === undefined ? null : Date.parse(`${a.due}T12:00:00Z`),
    })),
    actionItemsDone: countActionItems([p], asOfDay).done,
  };
}
