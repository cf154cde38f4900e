/**
 * Data coverage (SPEC §6.2): the share of a period's slices (timeslice methods) or steps
 * (occurrences) that had data. Below 100% the report says so; below 90% the figures are incomplete.
 */

/** Below this share of covered slices or steps an SLO's figures are marked incomplete. */
export const INCOMPLETE_BELOW = 0.9;

/** How many `stepMs` positions `[fromMs, toMs)` holds, counting a partial last one. */
export function countSteps(fromMs: number, toMs: number, stepMs: number): number {
  if (!(toMs > fromMs) || !(stepMs > 0)) return 0;
  return Math.ceil((toMs - fromMs) / stepMs);
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The distinct step positions, aligned to `anchorMs`, at which a row starts. Rows of a day or
 * longer start at local midnights, which a daylight-saving change moves by up to an hour against a
 * fixed step: they are placed with an hour's slack, so that the day after a 23-hour day is not
 * taken for the day before it.
 */
export function countCoveredSteps(startTimes: Iterable<number>, anchorMs: number, stepMs: number): number {
  const slack = stepMs >= DAY_MS ? HOUR_MS : 0;
  const positions = new Set<number>();
  for (const t of startTimes) positions.add(Math.floor((t - anchorMs + slack) / stepMs));
  return positions.size;
}

/** covered / expected, 0 when nothing was expected (an as-of at the very start of the quarter). */
export function computeCoverage(covered: number, expected: number): number {
  if (expected <= 0) return 0;
  return Math.min(1, covered / expected);
}

/**
 * coverage < INCOMPLETE_BELOW, decided on the counts (scaled to whole tenths) so that exactly 90%
 * is not incomplete; no data expected yet is incomplete.
 */
export function isIncomplete(covered: number, expected: number): boolean {
  return expected <= 0 || covered * 10 < expected * Math.round(INCOMPLETE_BELOW * 10);
}

/** The rows of one SLO over a span, and where they are missing. */
export interface RowCoverage {
  /** Rows that start in the span. */
  covered: number;
  /** Rows the span holds at the SLO's step: the covered ones and the missing ones. */
  expected: number;
  /** covered / expected, at most 1. */
  coverage: number;
  /** The longest run of missing rows, `[startMs, endMs)`; null when none is missing. */
  longestGap: { startMs: number; endMs: number } | null;
}

/**
 * How much of `[fromMs, toMs)` sorted row starts cover at `stepMs`, and the longest stretch
 * without a row. Missing rows are counted between neighbours as the rounded number of steps
 * between them, so that a daily export across a daylight-saving change (a 23 or 25 hour day)
 * misses nothing, and a row off the step's grid does not count twice.
 */
export function findRowGaps(
  starts: ArrayLike<number>,
  span: { stepMs: number; fromMs: number; toMs: number },
): RowCoverage {
  const { stepMs, fromMs, toMs } = span;
  let covered = 0;
  let missing = 0;
  let longestGap: { startMs: number; endMs: number } | null = null;
  const gap = (startMs: number, endMs: number) => {
    const steps = Math.round((endMs - startMs) / stepMs);
    if (steps < 1) return;
    missing += steps;
    if (longestGap === null || endMs - startMs > longestGap.endMs - longestGap.startMs)
      longestGap = { startMs, endMs };
  };
  let expectedFrom = fromMs;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] as number;
    if (start < fromMs || start >= toMs) continue;
    gap(expectedFrom, start);
    covered++;
    expectedFrom = Math.max(expectedFrom, start + stepMs);
  }
  gap(expectedFrom, toMs);
  const expected = covered + missing;
  return { covered, expected, coverage: computeCoverage(covered, expected), longestGap };
}
