/** An SLO's budget in the words of SPEC §9.2, in time for timeslice methods and events otherwise. */
import { formatBudgetRemaining } from '../domain/format.ts';
import { DEFAULT_UNIT } from '../domain/slo.ts';
import type { LedgerReport, SloReport, SloUnit } from './quarter-report.ts';

/** An SLO's unit from the ledger, request/requests for an SLO today's catalog no longer has. */
export function unitOf(report: Pick<LedgerReport, 'units'>, sloId: string): SloUnit {
  return report.units[sloId] ?? { ...DEFAULT_UNIT, condition: null };
}

/**
 * "53% left (1 h 10 min of 2 h 12 min)", "352% spent (252% over budget: 2,209 of 626 allowed
 * failed minutes)"; "—" without a budget.
 */
export function budgetText(
  slo: Pick<SloReport, 'remaining' | 'budget' | 'budgetMinutes'>,
  unit: SloUnit | null = null,
): string {
  if (slo.remaining === null) return '—';
  if (slo.budgetMinutes !== null) return formatBudgetRemaining(slo.remaining, { minutes: slo.budgetMinutes });
  if (slo.budget !== null)
    return formatBudgetRemaining(slo.remaining, { events: slo.budget, ...(unit ? { unit } : {}) });
  return '—';
}
