/**
 * Projection for the quarter in progress (SPEC §6.2): where consumption ends up if the
 * quarter-to-date burn rate continues, and when the budget runs out if it does.
 *
 * The two kinds of budget behave differently:
 * - a time budget (timeslice methods) is fixed at (1 − O)·|quarter|; what is left of the quarter
 *   spends at the current burn rate, so C_end = C + burnRate · (end − asOf)/|quarter|, which is
 *   C · |quarter| / elapsed when every slice so far had data;
 * - an event budget (occurrences) is (1 − O) of the traffic, and grows with it: if the bad
 *   fraction stays the same, so does C, hence C_end = C. Such a budget never runs out in the
 *   future at a steady rate; it is either spent already or it is not.
 */

export interface Projection {
  consumedAtEnd: number;
  /**
   * Not yet exhausted: the instant the budget runs out at the current burn rate, when that is at
   * or before the quarter's end, else null. Already exhausted: the instant since which it has stayed
   * exhausted (the end of the row or slice that tipped it).
   */
  exhaustsAtMs: number | null;
}

export type BudgetKind = 'events' | 'time';

export interface ProjectionInput {
  kind: BudgetKind;
  consumed: number;
  burnRate: number;
  asOfMs: number;
  startMs: number;
  endMs: number;
  /** When the budget is already spent, since when; null when it is not. */
  exhaustedSinceMs: number | null;
}

export function projectConsumption(p: ProjectionInput): Projection {
  const lengthMs = p.endMs - p.startMs;
  const consumedAtEnd =
    p.kind === 'events' || lengthMs <= 0
      ? p.consumed
      : p.consumed + (p.burnRate * (p.endMs - p.asOfMs)) / lengthMs;
  if (p.exhaustedSinceMs !== null) return { consumedAtEnd, exhaustsAtMs: p.exhaustedSinceMs };
  if (p.kind === 'events' || consumedAtEnd < 1 || !(p.burnRate > 0))
    return { consumedAtEnd, exhaustsAtMs: null };
  // C + burnRate · (t − asOf)/|quarter| = 1; rounded up to the first whole millisecond.
  const t = p.asOfMs + ((1 - p.consumed) * lengthMs) / p.burnRate;
  return { consumedAtEnd, exhaustsAtMs: Math.min(Math.ceil(t), p.endMs) };
}
