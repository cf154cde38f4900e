/**
 * Projection for the quarter in progress (SPEC §6.2): where consumption ends up if the
 * quarter-to-date burn rate continues, and when the budget runs out if it does.
 *
 * Every method's budget is the whole quarter's, fixed at as-of (SPEC §6.2): an event budget is
 * (1 − O) of the traffic so far extrapolated to the quarter, a time budget (1 − O) of the
 * quarter less the slices that ended with no data. At burn rate b the rest of the quarter spends
 * b · (end − asOf) / span of it, where span is the time the budget is (1 − O) of: |quarter| for
 * events, |quarter| − M for time. So C_end = C + b · (end − asOf)/span, which equals b itself when
 * the rest of the quarter has data at the same pace.
 */

export interface Projection {
  consumedAtEnd: number;
  /**
   * Not yet exhausted: the instant the budget runs out at the current burn rate, when that is at
   * or before the quarter's end, else null. Already exhausted: the instant it ran out (the end of
   * the row or slice that tipped it).
   */
  exhaustsAtMs: number | null;
}

export interface ProjectionInput {
  consumed: number;
  burnRate: number;
  asOfMs: number;
  endMs: number;
  /** The time the budget is (1 − O) of: |quarter| for events, |quarter| − M for time. */
  spanMs: number;
  /** When the budget is already spent, since when; null when it is not. */
  exhaustedSinceMs: number | null;
}

export function projectConsumption(p: ProjectionInput): Projection {
  const consumedAtEnd =
    p.spanMs <= 0 ? p.consumed : p.consumed + (p.burnRate * (p.endMs - p.asOfMs)) / p.spanMs;
  if (p.exhaustedSinceMs !== null) return { consumedAtEnd, exhaustsAtMs: p.exhaustedSinceMs };
  if (consumedAtEnd < 1 || !(p.burnRate > 0) || p.spanMs <= 0) return { consumedAtEnd, exhaustsAtMs: null };
  // C + burnRate · (t − asOf)/span = 1; rounded up to the first whole millisecond.
  const t = p.asOfMs + ((1 - p.consumed) * p.spanMs) / p.burnRate;
  return { consumedAtEnd, exhaustsAtMs: Math.min(Math.ceil(t), p.endMs) };
}
