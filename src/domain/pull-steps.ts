/**
 * The arithmetic of pulling counts from a Prometheus-compatible API into SLI rows: which row
 * starts a pull covers, how a range is split under the API's point limit, and how a sample
 * becomes a whole count. Pure: times are epoch milliseconds, the caller supplies "now".
 *
 * A row covers [t, t + step) and is aligned to the step (t is a multiple of the step since the
 * Unix epoch), so that rows add up over any interval made of whole steps.
 */

/** Prometheus refuses a range query of more than 11,000 points per series (`exceeded maximum resolution`). */
export const PROMETHEUS_MAX_POINTS = 11_000;

export function alignDown(ms: number, stepMs: number): number {
  return Math.floor(ms / stepMs) * stepMs;
}

export function alignUp(ms: number, stepMs: number): number {
  return Math.ceil(ms / stepMs) * stepMs;
}

/** Row starts [firstT, endT) step by step; endT exclusive, so a row never reaches past `to`. */
export interface RowRange {
  firstT: number;
  endT: number;
}

/**
 * The rows one pull asks for. With rows already written, it starts at the last one, which is
 * fetched again and compared (its step may have been incomplete when it was first pulled, since
 * scrapes arrive late); otherwise at `from`. Only whole steps that ended by `to` are asked for.
 */
export function pullRange(opts: {
  stepMs: number;
  /** Start of the last row already in the file for this series, if any. */
  lastRowT: number | undefined;
  /** An explicit start (e.g. --from), which wins over the last row. */
  fromMs: number | undefined;
  /** Used when there is neither an explicit start nor a row. */
  defaultFromMs: number;
  toMs: number;
}): RowRange {
  const { stepMs } = opts;
  const start = opts.fromMs ?? opts.lastRowT ?? opts.defaultFromMs;
  const firstT = alignUp(start, stepMs);
  const endT = alignDown(opts.toMs, stepMs);
  return { firstT, endT: Math.max(firstT, endT) };
}

/** Splits a range into pieces of at most `maxPoints` rows each, in order. */
export function splitRange(range: RowRange, stepMs: number, maxPoints = PROMETHEUS_MAX_POINTS): RowRange[] {
  const pieces: RowRange[] = [];
  const span = Math.max(1, maxPoints) * stepMs;
  for (let t = range.firstT; t < range.endT; t += span) {
    pieces.push({ firstT: t, endT: Math.min(range.endT, t + span) });
  }
  return pieces;
}

/**
 * A count from an increase or a rate × step. Prometheus extrapolates an increase to the edges of
 * its window (a counter of 4 requests seen over 3 of 4 sample intervals reads 5.33), so the value
 * is rarely whole: it is rounded to the nearest whole event. A negative value (impossible for a
 * counter, possible for a badly written query) counts as 0.
 */
export function wholeCount(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 0;
  return Math.round(value);
}

/**
 * good (or bad) and total of one row, each rounded; the numerator is capped at the total, since
 * rounding two extrapolated values separately may otherwise put it one above.
 */
export function rowCounts(numerator: number, total: number): { numerator: number; total: number } {
  const t = wholeCount(total);
  return { numerator: Math.min(wholeCount(numerator), t), total: t };
}
