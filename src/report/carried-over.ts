/**
 * An incident is counted in the quarter it began in (SPEC §6.4) but listed in every quarter whose
 * budget it burned (§9.1). One that began earlier is listed apart, with the quarter it began in,
 * so that what is counted and what is listed agree.
 */
import type { IncidentReport, QuarterReport } from './quarter-report.ts';

/** The listed incidents that began before the quarter. */
export function carriedOverIncidents(q: QuarterReport): IncidentReport[] {
  const start = Date.parse(q.start);
  return q.incidents.filter((i) => Date.parse(i.started) < start);
}

/** The listed incidents that began in the quarter. */
export function incidentsBegunIn(q: QuarterReport): IncidentReport[] {
  const start = Date.parse(q.start);
  return q.incidents.filter((i) => Date.parse(i.started) >= start);
}

/** "April–June 2026": the label of the quarter an incident began in, among those given. */
export function beganInLabel(i: IncidentReport, quarters: readonly QuarterReport[]): string {
  const t = Date.parse(i.started);
  const q = quarters.find((x) => Date.parse(x.start) <= t && t < Date.parse(x.end));
  return q?.label ?? 'an earlier quarter';
}

/** "April–June 2026" for one quarter, "April–June 2026 and January–March 2026" for several. */
export function beganInLabels(list: readonly IncidentReport[], quarters: readonly QuarterReport[]): string {
  const labels = [...new Set(list.map((i) => beganInLabel(i, quarters)))];
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}
