/**
 * The plausible-time window (settings `plausibleYears`, 2000 to 2100 by default). Every figure is
 * computed per quarter from the first row to the as-of time, so one row dated 1900 makes 500
 * quarters and one dated 9999 a build that runs for hours: both are typos, and `check` says so.
 */
import type { Settings } from './settings.ts';

export interface TimeWindow {
  fromMs: number;
  toMs: number;
  /** "2000-01-01 to 2100-01-01". */
  text: string;
}

export function plausibleWindow(settings: Pick<Settings, 'plausibleYears'>): TimeWindow {
  const { from, to } = settings.plausibleYears;
  const fromMs = Date.UTC(from, 0, 1);
  const toMs = Date.UTC(to, 0, 1);
  return { fromMs, toMs, text: `${from}-01-01 to ${to}-01-01` };
}

export function isInWindow(ms: number, w: TimeWindow): boolean {
  return ms >= w.fromMs && ms < w.toMs;
}

/** A UTC day for messages, also for times far outside any window. */
export function dayText(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString().slice(0, 10);
}
