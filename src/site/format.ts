/**
 * What pages and components format values with: the domain's formatters (one wording of a
 * number everywhere, SPEC §9.4), re-exported so that presentation never imports the domain.
 */
import type { Calendar } from '../domain/calendar.ts';
import { formatDateTime, formatDuration } from '../domain/format.ts';

export type { Calendar };
export {
  durationAsPrinted,
  formatAttainment,
  formatChangeDuration,
  formatCount,
  formatDate,
  formatDateTime,
  formatDuration,
  formatDurationDown,
  formatDurationUp,
  formatEvents,
  formatLeft,
  formatNines,
  formatObjective,
  formatPercent,
  formatPercentUp,
  formatSpent,
  formatTimeLeft,
} from '../domain/format.ts';
export { budgetRunOutWords, budgetText, unitOf } from '../report/budget-text.ts';
export { measuredTextOf } from '../report/measured-text.ts';

/** An instant as ISO 8601 text, for `<time datetime>`. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** A duration the review JSON gives in hours, or in minutes, as words ("4 h 30 min"). */
export function formatHours(hours: number): string {
  return formatDuration(hours * 3_600_000);
}
export function formatMinutes(minutes: number): string {
  return formatDuration(minutes * 60_000);
}

/** An instant of the review JSON (ISO 8601 text), as the ledger's calendar shows it. */
export function formatInstant(iso: string, cal: Calendar): string {
  return formatDateTime(Date.parse(iso), cal);
}
