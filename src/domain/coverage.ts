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

/** The distinct step positions, aligned to `anchorMs`, at which a row starts. */
export function countCoveredSteps(startTimes: Iterable<number>, anchorMs: number, stepMs: number): number {
  const positions = new Set<number>();
  for (const t of startTimes) positions.add(Math.floor((t - anchorMs) / stepMs));
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
