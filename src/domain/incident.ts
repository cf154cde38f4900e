/**
 * Incident measures (SPEC §6.3, §6.4): time to detect, restore and resolve, their median and 90th
 * percentile, impact time and mean time between failures over a period.
 */

export interface IncidentTimes {
  startedMs: number;
  detectedMs?: number | undefined;
  mitigatedMs?: number | undefined;
  resolvedMs?: number | undefined;
}

/** TTD = detected − started. */
export function timeToDetectMs(i: IncidentTimes): number | null {
  return i.detectedMs === undefined ? null : i.detectedMs - i.startedMs;
}

/** TTR = mitigated − started: the time users were affected. */
export function timeToRestoreMs(i: IncidentTimes): number | null {
  return i.mitigatedMs === undefined ? null : i.mitigatedMs - i.startedMs;
}

/** Time to resolve = resolved − started, when the follow-up fix is recorded. */
export function timeToResolveMs(i: IncidentTimes): number | null {
  return i.resolvedMs === undefined ? null : i.resolvedMs - i.startedMs;
}

/** The middle value; the mean of the two middle values for an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The nearest-rank percentile: the smallest value with at least p% of the values at or below it.
 * Chosen over interpolation because every reported p90 is then a real incident's duration — a
 * reader can point at it — which matters with the handful of incidents a quarter has.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

/**
 * Time inside [fromMs, toMs) during which at least one incident had impact. Overlapping incidents
 * count once: the service was down, not down twice.
 */
export function impactTimeMs(
  windows: readonly { startMs: number; endMs: number }[],
  fromMs: number,
  toMs: number,
): number {
  const clipped = windows
    .map((w) => ({ startMs: Math.max(w.startMs, fromMs), endMs: Math.min(w.endMs, toMs) }))
    .filter((w) => w.endMs > w.startMs)
    .sort((a, b) => a.startMs - b.startMs);
  let total = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const w of clipped) {
    if (w.startMs > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = w.startMs;
      curEnd = w.endMs;
    } else {
      curEnd = Math.max(curEnd, w.endMs);
    }
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

/**
 * MTBF = (period − Σ impact time) / incident count (SPEC §6.4); for the quarter in progress the
 * period ends at as-of. Null without incidents: the time between failures is not known.
 */
export function meanTimeBetweenFailuresMs(
  periodMs: number,
  impactMs: number,
  incidents: number,
): number | null {
  if (incidents <= 0) return null;
  return (periodMs - impactMs) / incidents;
}

/**
 * Whether an incident's impact, [started, mitigated), touches the period [startMs, endMs): it
 * began before the period ended and ended after the period began. An incident not yet restored,
 * or restored the instant it began, touches the period it began in. Every "incidents of the
 * quarter" list and every budget window uses this one rule.
 */
export function touchesPeriod(
  impact: { startedMs: number; mitigatedMs: number | null },
  startMs: number,
  endMs: number,
): boolean {
  const endedMs = impact.mitigatedMs ?? impact.startedMs;
  return impact.startedMs < endMs && (endedMs > startMs || impact.startedMs >= startMs);
}
