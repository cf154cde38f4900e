/**
 * An SLO's rows and budget units as columns (STYLE rule 19; issue 10): typed arrays the quarter's
 * evaluation folds over, instead of one object per row or slice. A unit is the rows of one
 * timestamp (occurrences) or one slice (timeslice methods), oldest first; its tally is spread over
 * the columns `good`, `total`, `spent`, `goodSlices`, `badSlices` and `sliceTime` (see tally.ts
 * for what each means).
 */
import { rowsBetween, toBucketColumns, type BucketSeries, type RowColumns } from './bucket.ts';
import type { ExclusionWindow } from './exclusion.ts';
import type { SloDefinition } from './slo.ts';
import type { Tally } from './tally.ts';
import { requireTimeslice } from './tally.ts';

export type { RowColumns } from './bucket.ts';

export interface UnitColumns {
  length: number;
  startMs: Float64Array;
  endMs: Float64Array;
  good: Float64Array;
  total: Float64Array;
  spent: Float64Array;
  goodSlices: Float64Array;
  badSlices: Float64Array;
  sliceTime: Float64Array;
}

/**
 * The rows starting in `[fromMs, toMs)` that no exclusion window holds, in the series' order
 * (sorted by start, ties in their input order, so sums of doubles come out the same whatever the
 * export's order of ties), the counts as doubles.
 */
export function selectRows(
  series: BucketSeries,
  range: { fromMs: number; toMs: number; exclusions: readonly ExclusionWindow[] },
): RowColumns {
  const { fromMs, toMs, exclusions } = range;
  const rows = rowsBetween(toBucketColumns(series), fromMs, toMs);
  const cuts = exclusions.filter((w) => w.startMs < toMs && w.endMs > fromMs);
  // Counts come as doubles whatever array ingest chose: the folds then read one kind of array.
  if (cuts.length === 0)
    return {
      length: rows.length,
      startMs: rows.startMs,
      good: Float64Array.from(rows.good),
      total: Float64Array.from(rows.total),
    };
  const keep: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const t = rows.startMs[i] as number;
    if (!cuts.some((w) => t >= w.startMs && t < w.endMs)) keep.push(i);
  }
  const pick = (column: ArrayLike<number>) => Float64Array.from(keep, (i) => column[i] as number);
  return { length: keep.length, startMs: pick(rows.startMs), good: pick(rows.good), total: pick(rows.total) };
}

function emptyUnits(capacity: number): UnitColumns {
  return {
    length: 0,
    startMs: new Float64Array(capacity),
    endMs: new Float64Array(capacity),
    good: new Float64Array(capacity),
    total: new Float64Array(capacity),
    spent: new Float64Array(capacity),
    goodSlices: new Float64Array(capacity),
    badSlices: new Float64Array(capacity),
    sliceTime: new Float64Array(capacity),
  };
}

/**
 * The budget units of sorted rows. Occurrence rows with the same timestamp are summed (two files
 * holding parts of the same minute add up), each spanning `stepMs`; timeslice rows are summed into
 * slices aligned to `anchorMs` and cut at `clipEndMs`, and slices without events are left out
 * (missing). A bad slice spends 1, or its length over w when cut short; a RatioTimeslices slice
 * its bad share of that.
 */
export function foldBudgetUnits(
  rows: RowColumns,
  slo: SloDefinition,
  span: { anchorMs: number; clipEndMs: number; stepMs: number },
): UnitColumns {
  const { anchorMs, clipEndMs, stepMs } = span;
  const u = emptyUnits(rows.length);
  if (slo.budgeting === 'occurrences') {
    let k = -1;
    for (let i = 0; i < rows.length; i++) {
      const t = rows.startMs[i] as number;
      const good = rows.good[i] as number;
      const total = rows.total[i] as number;
      if (k >= 0 && u.startMs[k] === t) {
        u.good[k] = (u.good[k] as number) + good;
        u.total[k] = (u.total[k] as number) + total;
        u.spent[k] = (u.spent[k] as number) + (total - good);
      } else {
        k++;
        u.startMs[k] = t;
        u.endMs[k] = t + stepMs;
        u.good[k] = good;
        u.total[k] = total;
        u.spent[k] = total - good;
      }
    }
    u.length = k + 1;
    return u;
  }
  const rule = requireTimeslice(slo);
  const windowMs = rule.windowMs;
  const target = rule.target ?? slo.objective;
  let k = -1;
  for (let i = 0; i < rows.length; i++) {
    const t = rows.startMs[i] as number;
    const sliceStart = anchorMs + Math.floor((t - anchorMs) / windowMs) * windowMs;
    if (k < 0 || u.startMs[k] !== sliceStart) {
      // A slice with no events is missing: overwrite it rather than keep it.
      if (k < 0 || (u.total[k] as number) > 0) k++;
      u.startMs[k] = sliceStart;
      u.endMs[k] = Math.min(sliceStart + windowMs, Math.max(clipEndMs, sliceStart));
      u.good[k] = 0;
      u.total[k] = 0;
    }
    u.good[k] = (u.good[k] as number) + (rows.good[i] as number);
    u.total[k] = (u.total[k] as number) + (rows.total[i] as number);
  }
  if (k >= 0 && !((u.total[k] as number) > 0)) k--;
  u.length = k + 1;
  for (let j = 0; j < u.length; j++) {
    const good = u.good[j] as number;
    const total = u.total[j] as number;
    // Division, not target · total: both sides are the nearest double to the true ratio (timeslices.ts).
    const isGood = good / total >= target;
    const length = ((u.endMs[j] as number) - (u.startMs[j] as number)) / windowMs;
    const badRatio = (total - good) / total;
    u.spent[j] = slo.budgeting === 'timeslices' ? (isGood ? 0 : length) : badRatio * length;
    u.goodSlices[j] = isGood ? 1 : 0;
    u.badSlices[j] = isGood ? 0 : 1;
    u.sliceTime[j] = length;
  }
  return u;
}

/** Adds unit `i` into `into`, in place. */
export function addUnit(into: Tally, u: UnitColumns, i: number): void {
  into.good += u.good[i] as number;
  into.total += u.total[i] as number;
  into.spent += u.spent[i] as number;
  into.goodSlices += u.goodSlices[i] as number;
  into.badSlices += u.badSlices[i] as number;
  into.sliceTime += u.sliceTime[i] as number;
}

/** The index of the first unit starting at or after `ms` (units are sorted). */
export function firstUnitFrom(u: UnitColumns, ms: number): number {
  let lo = 0;
  let hi = u.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((u.startMs[mid] as number) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The distinct step positions, aligned to `anchorMs`, of sorted rows starting at or after `fromMs`. */
export function countCoveredPositions(
  rows: RowColumns,
  steps: { fromMs: number; anchorMs: number; stepMs: number },
): number {
  const { fromMs, anchorMs, stepMs } = steps;
  // Rows of a day or longer start at local midnights, which a daylight-saving change moves by up
  // to an hour against a fixed step: an hour's slack keeps the day after a 23-hour day apart from
  // the day before it (as countCoveredSteps in coverage.ts).
  const slack = stepMs >= DAY_MS ? HOUR_MS : 0;
  let count = 0;
  let last = NaN;
  for (let i = 0; i < rows.length; i++) {
    const t = rows.startMs[i] as number;
    if (t < fromMs) continue;
    const p = Math.floor((t - anchorMs + slack) / stepMs);
    if (p !== last) {
      count++;
      last = p;
    }
  }
  return count;
}
