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

/**
 * The words before the date a budget runs out: "runs out on" for a date still to come, "ran out
 * on" for one already past at the as-of time (issue 12 item 7: a page as of 26 Sep never says a
 * budget "runs out 23 Aug").
 */
export function budgetRunOutWords(exhaustsAtMs: number, asOfMs: number): string {
  return exhaustsAtMs <= asOfMs ? 'ran out on' : 'runs out on';
}
