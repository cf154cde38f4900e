/** An SLO's budget in the words of SPEC §9.2, in time for timeslice methods and events otherwise. */
import { formatBudgetRemaining } from '../domain/format.ts';
import type { SloReport } from './quarter-report.ts';

/** "53% left (1 h 10 min of 2 h 12 min)", "12% over (16 min)"; "—" without a budget. */
export function budgetText(slo: Pick<SloReport, 'remaining' | 'budget' | 'budgetMinutes'>): string {
  if (slo.remaining === null) return '—';
  if (slo.budgetMinutes !== null) return formatBudgetRemaining(slo.remaining, { minutes: slo.budgetMinutes });
  if (slo.budget !== null) return formatBudgetRemaining(slo.remaining, { events: slo.budget });
  return '—';
}
