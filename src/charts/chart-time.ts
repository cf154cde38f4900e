/**
 * Time on chart axes. Vega formats times either in UTC or in the zone of the machine that builds;
 * the site shows times in its own zone (SPEC §9.2) and a build must not depend on the machine
 * (SPEC §13). So every instant is drawn at its wall-clock reading in the site zone, written as if it
 * were UTC, on a 'utc' scale: ticks fall on local midnights and labels read as local dates.
 */
import type { Calendar } from '../domain/calendar.ts';
import { zoneOffsetMs } from '../domain/zoned-time.ts';
import { CHART_WIDTH } from './chart-style.ts';

/** The instant `ms` as its wall-clock reading in the site zone, expressed as UTC milliseconds. */
export function wallClockOf(ms: number, cal: Calendar): number {
  return ms + zoneOffsetMs(ms, cal.timezone);
}

/** A wall-clock instant for a local date 'YYYY-MM-DD' plus `days` (midnight at its start). */
export function wallClockOfDate(date: string, days = 0): number {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d + days);
}

/** A quarter as the charts need it. */
export interface QuarterSpan {
  /** 'July–September 2026' */
  label: string;
  startMs: number;
  endMs: number;
}

/** A domain Quarter (startMs/endMs) or a report's QuarterReport (ISO start/end). */
export type QuarterLike = { label: string } & (
  { startMs: number; endMs: number } | { start: string; end: string }
);

export function quarterSpan(q: QuarterLike): QuarterSpan {
  if ('startMs' in q) return { label: q.label, startMs: q.startMs, endMs: q.endMs };
  return { label: q.label, startMs: Date.parse(q.start), endMs: Date.parse(q.end) };
}

/** Room a date label such as '14 Aug' needs on an axis, with a gap, in px. */
const LABEL_ROOM = 80;

/** As many ticks as labels fit across `width` px: a 560 px chart gets 7, never fewer than 2. */
export function ticksForWidth(width: number): number {
  return Math.max(2, Math.floor(width / LABEL_ROOM));
}

/**
 * The x encoding of a time axis over `[fromMs, toMs]` (wall-clock ms). Ticks are thinned to what
 * the width holds, and Vega drops any label that would still overprint its neighbour.
 */
export function timeX(
  field: string,
  domain: readonly [number, number],
  format: string,
  tickCount: number = ticksForWidth(CHART_WIDTH),
) {
  return {
    field,
    type: 'temporal' as const,
    scale: { type: 'utc' as const, domain: [domain[0], domain[1]] },
    axis: {
      title: null,
      format,
      labelOverlap: true as const,
      // The first and last labels align with the axis ends, so the first never runs left into
      // the y axis's lowest label.
      labelFlush: true,
      tickCount,
    },
  };
}

/** A temporal field on the shared 'utc' scale, for layers that mark instants on a timeX axis. */
export function timeField(field: string) {
  return { field, type: 'temporal' as const, scale: { type: 'utc' as const } };
}
