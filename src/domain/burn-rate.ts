/**
 * Burn rate (SPEC §6.2; The Site Reliability Workbook, ch. 5 "Alerting on SLOs"): how fast the
 * budget is being spent relative to the rate that spends it exactly by the end of the window,
 * (bad fraction) / (1 − O). A burn rate of 1 spends the budget exactly; 2 spends it in half the time.
 */
import { divideByScaled } from './decimal.ts';
import { allowedFraction } from './error-budget.ts';

/** (bad / total) / (1 − O); null when there are no events. */
export function burnRate(bad: number, total: number, objective: number): number | null {
  return divideByScaled(bad, total, allowedFraction(objective));
}
