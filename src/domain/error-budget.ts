/**
 * Error budgets (SPEC §6.2; The Site Reliability Workbook, ch. 2 "Implementing SLOs": the budget
 * is 1 − SLO of the events, or of the time, in the window).
 *
 * Every method reduces to one shape: consumed C = spent / (base · (1 − O)), where
 * - occurrences: spent = bad events, base = total events, so (1 − O)·T is the budget in events;
 * - timeslices and ratio-timeslices: spent = bad slice time, base = the quarter's length, so
 *   (1 − O)·|quarter| is the budget in time (OpenSLO spec, budgetingMethod).
 */
import {
  complement,
  compareScaled,
  decimalFromNumber,
  divideByScaled,
  multiplyDecimals,
  ONE,
  scaleByDecimal,
} from './decimal.ts';
import type { DecimalFraction } from './decimal.ts';

export interface BudgetUse {
  /** Bad events, or bad time in ms. */
  spent: number;
  /** Total events, or the period's length in ms. */
  base: number;
  /** 1 − objective, exactly. */
  allowed: DecimalFraction;
}

/** 1 − objective as an exact decimal; objectives outside (0, 1) have no budget to speak of. */
export function allowedFraction(objective: number): DecimalFraction {
  if (!(objective > 0 && objective < 1))
    throw new RangeError(`objective must be between 0 and 1, exclusive; got ${objective}`);
  return complement(decimalFromNumber(objective));
}

/** The error budget in events: (1 − O) · total. */
export function eventBudget(objective: number, total: number): number {
  return scaleByDecimal(total, allowedFraction(objective));
}

/** The error budget in time: (1 − O) · period, in ms. */
export function timeBudgetMs(objective: number, periodMs: number): number {
  return scaleByDecimal(periodMs, allowedFraction(objective));
}

/** C = spent / budget; null when the budget is zero (no events). */
export function consumedFraction(use: BudgetUse): number | null {
  return divideByScaled(use.spent, use.base, use.allowed);
}

/**
 * Whether C ≥ `fraction`, decided on exact decimals so that a budget spent to the last event
 * counts as spent (SPEC §6.2: exhausted when R ≤ 0, at risk when R ≤ policy.atRisk).
 */
export function hasConsumedAtLeast(use: BudgetUse, fraction: DecimalFraction): boolean {
  return compareScaled(use.spent, ONE, use.base, multiplyDecimals(use.allowed, fraction)) >= 0;
}

/** C ≥ 1 − atRisk, i.e. R ≤ atRisk. */
export function isAtOrBelowRemaining(use: BudgetUse, remaining: number): boolean {
  return hasConsumedAtLeast(use, complement(decimalFromNumber(remaining)));
}

/** C ≥ 1, i.e. R ≤ 0. */
export function isExhausted(use: BudgetUse): boolean {
  return hasConsumedAtLeast(use, ONE);
}
