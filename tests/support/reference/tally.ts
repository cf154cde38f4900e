/**
 * What an SLO's data adds up to over some interval — a day, a month, a quarter, a rolling window —
 * in the terms of its budgeting method (SPEC §6.2). Tallies add, so a quarter is the sum of its
 * days and a rolling window the sum of its 28 days.
 */
import type { Bucket } from '../../../src/domain/bucket.ts';
import { sortBuckets } from '../../../src/domain/bucket.ts';
import type { DecimalFraction } from '../../../src/domain/decimal.ts';
import { compareScaled, complement, ONE } from '../../../src/domain/decimal.ts';
import { compareSpent } from '../../../src/domain/error-budget.ts';
import type { BudgetingMethod, SloDefinition } from '../../../src/domain/slo.ts';
import { aggregateSlices, isGoodSlice, sliceDurationMs } from '../../../src/domain/timeslices.ts';

export interface Tally {
  /** Σgood and Σtotal of the rows, for every method. */
  good: number;
  total: number;
  /**
   * Budget spent: bad events (occurrences), or bad time in slices (timeslice methods): a bad slice
   * spends 1, or its length over w when cut short at the quarter's end; a RatioTimeslices slice
   * spends its bad share of that. Counting in slices rather than ms keeps Σ spent equal, bit for
   * bit, to the sums attainment is computed from, so the one verdict of SPEC §6.2 holds exactly.
   */
  spent: number;
  /** Slices with data that met / missed the slice target (timeslice methods; 0 for occurrences). */
  goodSlices: number;
  badSlices: number;
  /**
   * The time of the slices with data, in slices: 1 each, or its length over w for a slice cut
   * short at the quarter's end (timeslice methods; 0 for occurrences). Attainment and the budget
   * of a complete quarter are both taken over this time (SPEC §6.2 "one verdict").
   */
  sliceTime: number;
}

export const EMPTY_TALLY: Tally = {
  good: 0,
  total: 0,
  spent: 0,
  goodSlices: 0,
  badSlices: 0,
  sliceTime: 0,
};

/** Adds `t` into `into`, in place; for the loops that run once per row. */
export function accumulateTally(into: Tally, t: Tally): void {
  into.good += t.good;
  into.total += t.total;
  into.spent += t.spent;
  into.goodSlices += t.goodSlices;
  into.badSlices += t.badSlices;
  into.sliceTime += t.sliceTime;
}

export function sumTallies(tallies: Iterable<Tally>): Tally {
  const sum = { ...EMPTY_TALLY };
  for (const t of tallies) accumulateTally(sum, t);
  return sum;
}

/** The smallest piece a tally is made of: the rows of one timestamp, or one slice. */
export interface BudgetUnit {
  startMs: number;
  endMs: number;
  tally: Tally;
}

/**
 * The units of `buckets`, oldest first. Occurrence rows with the same timestamp are summed (two
 * files holding parts of the same minute add up); timeslice rows are summed into slices aligned
 * to `anchorMs` and cut at `clipEndMs`.
 */
export function buildBudgetUnits(
  buckets: readonly Bucket[],
  slo: SloDefinition,
  anchorMs: number,
  clipEndMs: number,
  stepMs: number,
): BudgetUnit[] {
  if (slo.budgeting === 'occurrences') {
    const units: BudgetUnit[] = [];
    let last: BudgetUnit | undefined;
    for (const b of sortBuckets(buckets)) {
      if (last !== undefined && last.startMs === b.startMs) {
        last.tally.good += b.good;
        last.tally.total += b.total;
        last.tally.spent += b.total - b.good;
      } else {
        last = {
          startMs: b.startMs,
          endMs: b.startMs + stepMs,
          tally: { ...EMPTY_TALLY, good: b.good, total: b.total, spent: b.total - b.good },
        };
        units.push(last);
      }
    }
    return units;
  }
  const rule = requireTimeslice(slo);
  const target = rule.target ?? slo.objective;
  return aggregateSlices(buckets, { anchorMs, windowMs: rule.windowMs, clipEndMs }).map((s) => {
    const good = isGoodSlice(s, target);
    const length = sliceDurationMs(s) / rule.windowMs;
    // RatioTimeslices spends the bad share of each slice's time, (1 − good/total)·w, so that over
    // the slices with data the sum is (1 − A)·(|quarter| − M) and C = (1 − A)/(1 − O) (SPEC §6.2).
    // The bad share is summed rather than the ratio because it is small: a thousand slices at
    // 99.5% sum to 5 with far less rounding than to 995.
    const badRatio = (s.total - s.good) / s.total;
    const spent = slo.budgeting === 'timeslices' ? (good ? 0 : length) : badRatio * length;
    return {
      startMs: s.startMs,
      endMs: s.endMs,
      tally: {
        good: s.good,
        total: s.total,
        spent,
        goodSlices: good ? 1 : 0,
        badSlices: good ? 0 : 1,
        sliceTime: length,
      },
    };
  });
}

export function requireTimeslice(slo: SloDefinition): NonNullable<SloDefinition['timeslice']> {
  if (slo.timeslice === undefined)
    throw new RangeError(`SLO ${slo.id} uses ${slo.budgeting} but has no timeslice window`);
  if (!(slo.timeslice.windowMs > 0))
    throw new RangeError(`SLO ${slo.id} has a timeslice window of ${slo.timeslice.windowMs} ms`);
  if (slo.budgeting === 'timeslices' && slo.timeslice.target === undefined) {
    throw new RangeError(`SLO ${slo.id} uses timeslices but has no timeslice target`);
  }
  return slo.timeslice;
}

/** Slices with data: the denominator of timeslice attainment. */
export function validSlices(t: Tally): number {
  return t.goodSlices + t.badSlices;
}

/**
 * SPEC §6.5: fewer than minEvents events, or (for the timeslice methods) no valid slice, is not
 * enough data to state an attainment. The event threshold applies to every method, because the
 * spec states it for "an SLO", not for occurrence SLOs only.
 */
export function hasEnoughData(t: Tally, method: BudgetingMethod, minEvents: number): boolean {
  if (!(t.total > 0) || t.total < minEvents) return false;
  return method === 'occurrences' || validSlices(t) > 0;
}

/**
 * Attainment A (SPEC §6.2): G/T for occurrences; for the timeslice methods the good share of the
 * time with data — goodSlices/(goodSlices + badSlices) for timeslices, the mean slice ratio for
 * ratio-timeslices — where a slice cut short at the quarter's end weighs its length. Null when
 * there is not enough data.
 */
export function attainmentOf(t: Tally, method: BudgetingMethod, minEvents: number): number | null {
  if (!hasEnoughData(t, method, minEvents)) return null;
  if (method === 'occurrences') return t.good / t.total;
  // With whole slices sliceTime − spent is goodSlices exactly, so this is goodSlices / n.
  if (method === 'timeslices') return (t.sliceTime - t.spent) / t.sliceTime;
  return 1 - t.spent / t.sliceTime;
}

/**
 * A ≥ O, decided exactly (G·1 ≥ T·O on the decimal the objective was written as), so that an
 * attainment equal to the objective meets it. For the timeslice methods 1 − spent/time ≥ O is
 * spent ≤ (1 − O)·time: the very comparison, on the very sums, that says a complete quarter's
 * budget is not overspent (R ≥ 0), so `met` and the budget never disagree (SPEC §6.2).
 */
export function meetsObjective(t: Tally, method: BudgetingMethod, objective: DecimalFraction): boolean {
  if (method === 'occurrences') return compareScaled(t.good, ONE, t.total, objective) >= 0;
  return compareSpent({ spent: t.spent, base: t.sliceTime, allowed: complement(objective) }, ONE) <= 0;
}
