/**
 * What a threshold SLI measured over a period (issue 12 item 15): "p99 ≤ 300 ms" says whether each
 * step passed, and these figures say by how much — the median and the worst of the steps' values,
 * and how many steps missed the threshold. They describe the same rows as the attainment: rows in
 * the period, exclusion windows dropped (SPEC §6.6).
 */
import { rowsBetween, toBucketColumns, type BucketSeries } from './bucket.ts';
import { isExcluded, type ExclusionWindow } from './exclusion.ts';

/** Which way a value gets worse: 'highest' for `≤`/`<` thresholds (latency), 'lowest' for `≥`/`>`. */
export type WorstIs = 'highest' | 'lowest';

export interface MeasuredValues {
  /** Steps with a measured value in the period. */
  steps: number;
  /** Steps that missed the threshold (a step made of several rows counts once if any missed). */
  breached: number;
  /**
   * The middle step's value; with an even number of steps the worse of the two middle ones, so the
   * median is always a value some step measured and never flatters.
   */
  median: number;
  /** The highest value for 'highest', the lowest for 'lowest'. */
  worst: number;
}

/** A threshold operator's direction: values above a `≤`/`<` limit are worse, below a `≥`/`>` one. */
export function worstIsFor(op: 'lt' | 'lte' | 'gt' | 'gte'): WorstIs {
  return op === 'lt' || op === 'lte' ? 'highest' : 'lowest';
}

/**
 * The measured values of `buckets` starting in `[fromMs, toMs)` outside every exclusion window;
 * null when no such bucket has a value (a count SLI, or no data in the period).
 */
export function foldMeasuredValues(
  buckets: BucketSeries,
  period: { fromMs: number; toMs: number; exclusions: readonly ExclusionWindow[]; worstIs: WorstIs },
): MeasuredValues | null {
  const { fromMs, toMs, exclusions, worstIs } = period;
  const rows = rowsBetween(toBucketColumns(buckets), fromMs, toMs);
  const values: number[] = [];
  let breached = 0;
  for (let i = 0; i < rows.length; i++) {
    const value = rows.values?.[i];
    if (value === undefined || Number.isNaN(value)) continue;
    if (isExcluded(rows.startMs[i] as number, exclusions)) continue;
    values.push(value);
    if ((rows.good[i] as number) < (rows.total[i] as number)) breached++;
  }
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const lowMiddle = sorted[(n - 1) >> 1] as number;
  const highMiddle = sorted[n >> 1] as number;
  return {
    steps: n,
    breached,
    median: worstIs === 'highest' ? highMiddle : lowMiddle,
    worst: worstIs === 'highest' ? (sorted[n - 1] as number) : (sorted[0] as number),
  };
}
