/**
 * The incident figures of a period (SPEC §6.3, §6.4): counts by severity, time to restore and to
 * detect, MTBF and action items, over the postmortems the caller chose (started in the quarter).
 */
import { MINUTE_MS } from '../domain/units.ts';
import {
  impactTimeMs,
  meanTimeBetweenFailuresMs,
  median,
  percentile,
  timeToDetectMs,
  timeToRestoreMs,
  type IncidentTimes,
} from '../domain/incident.ts';
import type { Catalog } from '../ingest/catalog/model.ts';
import type { Postmortem } from '../ingest/postmortem.ts';

/** Counts and times over the incidents that started in the quarter (SPEC §6.4). */
export interface IncidentSummary {
  incidents: number;
  bySeverity: Record<string, number>;
  ttrMedianMinutes: number | null;
  ttrP90Minutes: number | null;
  ttdMedianMinutes: number | null;
  ttdP90Minutes: number | null;
  mtbfHours: number | null;
}

export interface ActionItemCounts {
  /** Items of postmortems whose incident started in the quarter. */
  opened: number;
  done: number;
  /** open or in-progress. */
  open: number;
  /** Open with `due` before the as-of date. */
  overdue: number;
}

/** The SLOs a postmortem names, or every SLO of its services when it names none (SPEC §7). */
export function linkedSlos(p: Postmortem, catalog: Catalog): string[] {
  return p.slos ?? catalog.entries.filter((e) => p.services.includes(e.slo.service)).map((e) => e.slo.id);
}

export function incidentTimes(p: Postmortem): IncidentTimes {
  return { startedMs: p.started, detectedMs: p.detected, mitigatedMs: p.mitigated, resolvedMs: p.resolved };
}

export function minutes(ms: number | null): number | null {
  return ms === null ? null : ms / MINUTE_MS;
}

/** The incidents of `list` over the period from `fromMs` to `toMs`. */
export function summariseIncidents(
  list: Postmortem[],
  severities: string[],
  period: { fromMs: number; toMs: number },
): IncidentSummary {
  const { fromMs, toMs } = period;
  const ttr = list.map((p) => timeToRestoreMs(incidentTimes(p))).filter((m): m is number => m !== null);
  const ttd = list.map((p) => timeToDetectMs(incidentTimes(p))).filter((m): m is number => m !== null);
  const impact = impactTimeMs(
    list
      .filter((p) => p.mitigated !== undefined)
      .map((p) => ({ startMs: p.started, endMs: p.mitigated ?? p.started })),
    fromMs,
    toMs,
  );
  const mtbf = meanTimeBetweenFailuresMs(toMs - fromMs, impact, list.length);
  return {
    incidents: list.length,
    bySeverity: Object.fromEntries(
      severities.map((sev) => [sev, list.filter((p) => p.severity === sev).length]),
    ),
    ttrMedianMinutes: minutes(median(ttr)),
    ttrP90Minutes: minutes(percentile(ttr, 90)),
    ttdMedianMinutes: minutes(median(ttd)),
    ttdP90Minutes: minutes(percentile(ttd, 90)),
    mtbfHours: mtbf === null ? null : mtbf / 3_600_000,
  };
}

export function countActionItems(list: Postmortem[], asOfDay: string): ActionItemCounts {
  const items = list.flatMap((p) => p.action_items);
  const isOpen = (a: { status: string }) => a.status === 'open' || a.status === 'in-progress';
  return {
    opened: items.length,
    done: items.filter((a) => a.status === 'done').length,
    open: items.filter(isOpen).length,
    overdue: items.filter((a) => isOpen(a) && a.due !== undefined && a.due < asOfDay).length,
  };
}
