/**
 * Error budgets (SPEC §6.2; The Site Reliability Workbook, ch. 2 "Implementing SLOs": the budget
 * is 1 − SLO of the events, or of the time, in the window).
 *
 * Every method reduces to one shape: consumed C = spent / (base · (1 − O)), where
 * - occurrences: spent = bad events, base = total events, so (1 − O)·T is the budget in events
 *   (in progress, the events so far extrapolated to the whole quarter);
 * - timeslices and ratio-timeslices: spent = bad slice time, base = the quarter's length less the
 *   slices that ended with no data, so (1 − O)·(|quarter| − M) is the budget in time (OpenSLO spec,
 *   budgetingMethod; SPEC §6.2 "one verdict").
 */
import { complement, decimalFromNumber, divideByScaled, ONE, scaleByDecimal } from './decimal.ts';
import type { DecimalFraction } from './decimal.ts';

export interface BudgetUse {
  /** Bad events (occurrences), or bad slices weighted by their length in slices (timeslice methods). */
  spent: number;
  /**
   * What the budget is (1 − O) of, as `base · times / per`: total events (occurrences); the events
   * so far extrapolated to the quarter, `T · |quarter| / elapsed` (occurrences in progress); the
   * budgeted time in slices, `(|quarter| − M) / w` (timeslice methods). The factors are kept apart
   * so that the boundaries stay exact on whole numbers.
   */
  base: number;
  times?: number;
  per?: number;
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

/** The budget in the unit of `spent`: (1 − O) · base · times / per. */
export function budgetOf(use: Omit<BudgetUse, 'spent'>): number {
  return scaleByDecimal((use.base * (use.times ?? 1)) / (use.per ?? 1), use.allowed);
}

/**
 * Float noise a sum of slice ratios may carry: 100 slices at 99 of 100 sum their bad shares to
 * 1.0000000000000007, not 1. A relative gap below this is a tie.
 */
const FLOAT_TIE = 1e-12;

/**
 * The sign of `spent − fraction · budget`, exact on whole numbers; otherwise on doubles computed
 * in one fixed order, with a gap of float noise read as a tie, so that two callers with the same
 * sums always agree (the one verdict of SPEC §6.2 compares RatioTimeslices' Σ(1 − rᵢ) with
 * n · (1 − O) through here, both ways).
 */
export function compareSpent(use: BudgetUse, fraction: DecimalFraction): -1 | 0 | 1 {
  const times = use.times ?? 1;
  const per = use.per ?? 1;
  const { allowed } = use;
  if ([use.spent, use.base, times, per].every((v) => Number.isInteger(v))) {
    const left = BigInt(use.spent) * BigInt(per) * allowed.denominator * fraction.denominator;
    const right = BigInt(use.base) * BigInt(times) * allowed.numerator * fraction.numerator;
    return left === right ? 0 : left > right ? 1 : -1;
  }
  const left = use.spent;
  const right =
    ((((use.base * times) / per) * Number(allowed.numerator)) / Number(allowed.denominator)) *
    (Number(fraction.numerator) / Number(fraction.denominator));
  if (Math.abs(left - right) <= FLOAT_TIE * Math.max(Math.abs(left), Math.abs(right))) return 0;
  return left > right ? 1 : -1;
}

/**
 * C = spent / budget; null when the budget is zero (no events). A budget spent to the last unit
 * is exactly 1, so that R = 0 agrees with the exact decision that it is exhausted.
 */
export function consumedFraction(use: BudgetUse): number | null {
  const times = use.times ?? 1;
  const per = use.per ?? 1;
  if (use.base === 0 || times === 0 || use.allowed.numerator === 0n) return null;
  if (compareSpent(use, ONE) === 0) return 1;
  return divideByScaled(use.spent * per, use.base * times, use.allowed);
}

/**
 * Whether C ≥ `fraction`, decided on exact decimals so that a budget spent to the last event
 * counts as spent (SPEC §6.2: exhausted when R ≤ 0, at risk when R ≤ policy.atRisk).
 */
export function hasConsumedAtLeast(use: BudgetUse, fraction: DecimalFraction): boolean {
  return compareSpent(use, fraction) >= 0;
}

/** C ≥ 1 − atRisk, i.e. R ≤ atRisk. */
export function isAtOrBelowRemaining(use: BudgetUse, remaining: number): boolean {
  return hasConsumedAtLeast(use, complement(decimalFromNumber(remaining)));
}

/** C ≥ 1, i.e. R ≤ 0. */
export function isExhausted(use: BudgetUse): boolean {
  return hasConsumedAtLeast(use, ONE);
}
