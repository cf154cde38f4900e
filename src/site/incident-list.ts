/**
 * A review's incidents at any size (issue 15): the table and the timeline show the incidents that
 * used the most budget — at most TABLE_LIMIT and TIMELINE_LIMIT — and link to the quarter's full
 * list when there are more. A quarter with few incidents shows them all, in order of start.
 */
import { compareText } from '../domain/compare-text.ts';
import { incidentsBegunIn } from '../report/carried-over.ts';
import type { IncidentReport, QuarterReport } from '../report/quarter-report.ts';

export const TABLE_LIMIT = 20;
export const TIMELINE_LIMIT = 12;

/** The largest share of any SLO's budget the incident used. */
export function largestBudgetShare(i: IncidentReport): number {
  return Math.max(0, ...Object.values(i.budgetConsumed).map((v) => v ?? 0));
}

function topByBudget(incidents: readonly IncidentReport[], limit: number): IncidentReport[] {
  if (incidents.length <= limit) return [...incidents];
  const top = new Set(
    [...incidents]
      .sort((a, b) => largestBudgetShare(b) - largestBudgetShare(a) || compareText(a.started, b.started))
      .slice(0, limit),
  );
  // Kept in order of start, as the table and the timeline number them.
  return incidents.filter((i) => top.has(i));
}

export interface QuarterIncidentView {
  table: IncidentReport[];
  timeline: IncidentReport[];
  /** Incidents of the quarter left out of the table. */
  more: number;
  total: number;
}

/**
 * The table holds the incidents that began in the quarter (those that began earlier are listed
 * apart, src/report/carried-over.ts); the timeline draws every incident with impact in it.
 */
export function quarterIncidentView(q: QuarterReport): QuarterIncidentView {
  const begun = incidentsBegunIn(q);
  return {
    table: topByBudget(begun, TABLE_LIMIT),
    timeline: topByBudget(q.incidents, TIMELINE_LIMIT),
    more: Math.max(0, begun.length - TABLE_LIMIT),
    total: begun.length,
  };
}
