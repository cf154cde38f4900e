/**
 * The one generated sentence that opens an incident write-up (SPEC §9.1): when, how long, and
 * what it cost in error budget, e.g. "On 19 Aug 2026, from 14:00 to 18:00 BST (4 h), this
 * incident used 84% of checkout-availability's July–September error budget."
 */
import type { Calendar } from '../domain/calendar.ts';
import { formatDate, formatDateTime, formatDuration, formatPercentUp, formatTime } from '../domain/format.ts';
import type { IncidentBudgetShare } from './incident-budget.ts';

export function describeIncident(
  incident: { startedMs: number; mitigatedMs: number | undefined },
  shares: readonly IncidentBudgetShare[],
  cal: Calendar,
): string {
  const { startedMs, mitigatedMs } = incident;
  if (mitigatedMs === undefined) {
    return `Impact began on ${formatDate(startedMs, cal)} at ${formatTime(startedMs, cal)} and has not been recorded as mitigated yet.`;
  }
  const sameDay = formatDate(startedMs, cal) === formatDate(mitigatedMs, cal);
  const when = sameDay
    ? `On ${formatDate(startedMs, cal)}, from ${formatTime(startedMs, cal).replace(/ \S+$/, '')} to ${formatTime(mitigatedMs, cal)}`
    : `From ${formatDateTime(startedMs, cal)} to ${formatDateTime(mitigatedMs, cal)}`;
  const duration = `(${formatDuration(mitigatedMs - startedMs)})`;
  const known = shares.filter((s) => s.consumed !== null);
  if (known.length === 0)
    return `${when} ${duration}, users were affected; no error budget with enough data covers this window.`;
  const parts = known.map(
    (s) => `${formatPercentUp(s.consumed ?? 0)} of ${s.sloId}'s ${s.quarterLabel} error budget`,
  );
  return `${when} ${duration}, this incident used ${joinWords(parts)}.`;
}

function joinWords(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
