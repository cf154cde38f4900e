/**
 * What each incident cost, across every quarter its impact touched (SPEC §6.3): read back from
 * the quarter reports, which did the arithmetic.
 */
import type { LedgerReport } from './quarter-report.ts';

export interface IncidentBudgetShare {
  quarter: string;
  quarterLabel: string;
  sloId: string;
  /** Share of that quarter's budget; null when the SLO had too little data to have a budget. */
  consumed: number | null;
}

export function incidentBudgetShares(report: LedgerReport): Map<string, IncidentBudgetShare[]> {
  const out = new Map<string, IncidentBudgetShare[]>();
  for (const q of report.quarters) {
    for (const incident of q.incidents) {
      const list = out.get(incident.id) ?? [];
      for (const [sloId, consumed] of Object.entries(incident.budgetConsumed)) {
        list.push({ quarter: q.quarter, quarterLabel: q.label, sloId, consumed });
      }
      out.set(incident.id, list);
    }
  }
  return out;
}
