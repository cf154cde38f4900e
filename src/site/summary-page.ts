/**
 * The model of `/reviews/<quarter>/summary/` (SPEC §9): the review on one printed A4 page — the
 * headline sentences and cards, the services needing attention, the incidents that used the most
 * budget and the open P0/P1 action items. Lists are capped so that the page always fits; each
 * says how many more the full review holds.
 */
import { formatDate, formatDuration, formatPercent } from '../domain/format.ts';
import { incidentAnchor } from '../report/anchors.ts';
import { budgetText } from '../report/budget-text.ts';
import { headlineFigures, headlineSentences } from '../report/headlines.ts';
import type { ActionItemRow } from '../report/action-items.ts';
import {
  previousQuarterOf,
  type LedgerReport,
  type QuarterReport,
  type SloReport,
} from '../report/quarter-report.ts';
import { sortForScorecard } from '../report/scorecard-order.ts';

// Five action items, not six: at 150 SLOs their incident titles wrap to a third line and the
// sixth ran the page onto a second sheet (tests/e2e/large-organisation.test.ts).
export const SUMMARY_LIMITS = { services: 5, slosPerService: 2, incidents: 5, actionItems: 5 } as const;

export interface SummaryPageModel {
  quarter: string;
  slug: string;
  label: string;
  inProgress: boolean;
  asOf: string;
  revision: number | null;
  sentences: string[];
  figureNames: string[];
  services: {
    id: string;
    owner: string;
    team: string;
    slos: { id: string; name: string; status: SloReport['status']; budget: string }[];
    moreSlos: number;
  }[];
  moreServices: number;
  incidents: {
    id: string;
    anchor: string;
    title: string;
    severity: string;
    date: string;
    started: string;
    duration: string | null;
    budget: string;
  }[];
  moreIncidents: number;
  actionItems: {
    title: string;
    owner: string;
    priority: string;
    due: string | null;
    overdue: boolean;
    incident: string;
  }[];
  moreActionItems: number;
}

function needsAttention(s: SloReport): boolean {
  return s.status === 'exhausted' || s.status === 'at-risk';
}

/** The largest share of any one SLO's budget an incident used, and which SLO. */
function largestShare(i: QuarterReport['incidents'][number]): { sloId: string; consumed: number } | null {
  let best: { sloId: string; consumed: number } | null = null;
  for (const [sloId, consumed] of Object.entries(i.budgetConsumed))
    if (consumed !== null && (best === null || consumed > best.consumed)) best = { sloId, consumed };
  return best;
}

export function buildSummaryPage(
  report: LedgerReport,
  q: QuarterReport,
  actionItems: readonly ActionItemRow[],
): SummaryPageModel {
  const cal = report.calendar;
  const prev = previousQuarterOf(report, q);

  const troubled = sortForScorecard(q.slos.filter(needsAttention));
  const serviceOrder: string[] = [];
  for (const s of troubled) if (!serviceOrder.includes(s.service)) serviceOrder.push(s.service);
  const services = serviceOrder.slice(0, SUMMARY_LIMITS.services).map((id) => {
    const svc = q.services.find((x) => x.id === id);
    const slos = troubled.filter((s) => s.service === id);
    return {
      id,
      owner: svc?.owner ?? '',
      team: svc?.team ?? '',
      slos: slos
        .slice(0, SUMMARY_LIMITS.slosPerService)
        .map((s) => ({ id: s.id, name: s.name, status: s.status, budget: budgetText(s) })),
      moreSlos: Math.max(0, slos.length - SUMMARY_LIMITS.slosPerService),
    };
  });

  const ranked = q.incidents
    .map((i) => ({ i, share: largestShare(i) }))
    .filter(
      (x): x is { i: QuarterReport['incidents'][number]; share: { sloId: string; consumed: number } } =>
        x.share !== null && x.share.consumed > 0,
    )
    .sort((a, b) => b.share.consumed - a.share.consumed || a.i.started.localeCompare(b.i.started));
  const incidents = ranked.slice(0, SUMMARY_LIMITS.incidents).map(({ i, share }) => ({
    id: i.id,
    anchor: incidentAnchor(i.id),
    title: i.title,
    severity: i.severity,
    date: formatDate(Date.parse(i.started), cal),
    started: i.started,
    duration: i.ttrMinutes === null ? null : formatDuration(i.ttrMinutes * 60_000),
    budget: `${formatPercent(share.consumed)} of ${share.sloId}`,
  }));

  const incidentIds = new Set(q.incidents.map((i) => i.id));
  const urgent = actionItems.filter(
    (a) =>
      incidentIds.has(a.incident.slug) &&
      (a.priority === 'P0' || a.priority === 'P1') &&
      (a.state === 'open' || a.state === 'in-progress' || a.state === 'overdue'),
  );
  // Overdue first, then P0 before P1; listActionItems already ordered by state and due date.
  const orderedUrgent = [...urgent].sort(
    (a, b) =>
      Number(b.state === 'overdue') - Number(a.state === 'overdue') ||
      (a.priority ?? '').localeCompare(b.priority ?? ''),
  );

  return {
    quarter: q.quarter,
    slug: q.slug,
    label: q.label,
    inProgress: q.state === 'in-progress',
    asOf: q.asOf,
    revision: q.revision,
    sentences: headlineSentences(q, prev),
    figureNames: headlineFigures(report, q.quarter).map((f) => f.name),
    services,
    moreServices: Math.max(0, serviceOrder.length - SUMMARY_LIMITS.services),
    incidents,
    moreIncidents: Math.max(0, ranked.length - SUMMARY_LIMITS.incidents),
    actionItems: orderedUrgent.slice(0, SUMMARY_LIMITS.actionItems).map((a) => ({
      title: a.title,
      owner: a.owner,
      priority: a.priority ?? '',
      due: a.due,
      overdue: a.state === 'overdue',
      incident: a.incident.title,
    })),
    moreActionItems: Math.max(0, orderedUrgent.length - SUMMARY_LIMITS.actionItems),
  };
}
