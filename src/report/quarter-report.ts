/**
 * The quarter report: the §11 JSON, built from ingested inputs. The site, `npm run report` and
 * the tests all call `buildLedgerReport`, so a figure has one definition.
 */
import type { Calendar } from '../domain/calendar.ts';
import { nines } from '../domain/nines.ts';
import { parseQuarterId, quartersCovering, type Quarter } from '../domain/quarter.ts';
import { evaluateSloQuarter, type DailyPoint, type MonthlyPoint } from '../domain/slo-quarter.ts';
import type { BudgetingMethod } from '../domain/slo.ts';
import type { LedgerInputs } from '../ingest/ledger-inputs.ts';
import type { Postmortem } from '../ingest/postmortem.ts';
import { asOfFromData, firstDataMs } from './as-of.ts';

export interface SloReport {
  id: string;
  name: string;
  service: string;
  owner: string;
  team: string;
  objective: number;
  budgeting: BudgetingMethod;
  good: number;
  total: number;
  attainment: number | null;
  nines: number | null;
  budget: number | null;
  budgetMinutes: number | null;
  consumed: number | null;
  remaining: number | null;
  burnRate: number | null;
  status: 'healthy' | 'at-risk' | 'exhausted' | 'insufficient-data';
  policyText: string | null;
  met: boolean | null;
  coverage: number;
  incomplete: boolean;
  insufficientData: boolean;
  goodSlices: number | null;
  badSlices: number | null;
  missingSlices: number | null;
  /** Budget consumed outside every incident window; null until incidents are attributed. */
  unattributedConsumed: number | null;
  projection: { consumedAtEnd: number; exhaustsAt: string | null } | null;
  series: { daily: DailyPoint[]; monthly: MonthlyPoint[] };
}

export interface IncidentReport {
  id: string;
  title: string;
  severity: string;
  status: string;
  services: string[];
  slos: string[];
  started: string;
  mitigated: string | null;
  ttdMinutes: number | null;
  ttrMinutes: number | null;
  budgetConsumed: Record<string, number>;
}

export interface ServiceReport {
  id: string;
  owner: string;
  team: string;
  incidents: number;
  mttrMinutes: number | null;
  mtbfHours: number | null;
  deployments: {
    count: number;
    perWeek: number | null;
    leadTimeMedianHours: number | null;
    changeFailRate: number | null;
    recoveryMedianMinutes: number | null;
  };
}

export interface QuarterReport {
  quarter: string;
  slug: string;
  label: string;
  start: string;
  end: string;
  asOf: string;
  state: 'complete' | 'in-progress';
  revision: number | null;
  previousQuarter: string | null;
  slos: SloReport[];
  incidents: IncidentReport[];
  services: ServiceReport[];
  actionItems: { open: number; done: number; overdue: number };
  exclusions: { slos: string[]; services: string[]; start: string; end: string; reason: string; approvedBy: string }[];
}

export interface LedgerReport {
  title: string;
  organization: string;
  calendar: Calendar;
  asOf: string;
  asOfMs: number;
  /** Chronological; the last one is in progress. */
  quarters: QuarterReport[];
}

const MINUTE = 60_000;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Public builds leave out drafts and internal postmortems (SPEC §7, §13). */
export function visiblePostmortems(postmortems: readonly Postmortem[], audience: 'public' | 'internal'): Postmortem[] {
  if (audience === 'internal') return [...postmortems];
  return postmortems.filter((p) => p.visibility === 'public' && p.status !== 'draft');
}

export class ReportError extends Error {}

export function buildLedgerReport(inputs: LedgerInputs, opts: { asOfMs?: number | undefined } = {}): LedgerReport {
  const cal = inputs.settings.calendar;
  const asOfMs = opts.asOfMs ?? asOfFromData(inputs.sli.values());
  const firstMs = firstDataMs(inputs.sli.values());
  if (asOfMs === null || firstMs === null) throw new ReportError('there is no SLI data, so there is no as-of time');
  const quarters = quartersCovering(firstMs, asOfMs, cal)
    // An as-of exactly at a quarter boundary ends the earlier quarter; the next has not begun.
    .filter((q) => q.startMs < asOfMs);
  const reports: QuarterReport[] = [];
  for (const q of quarters) reports.push(buildQuarterReport(inputs, q, asOfMs, reports[reports.length - 1] ?? null));
  return {
    title: inputs.settings.title,
    organization: inputs.settings.organization,
    calendar: cal,
    asOf: iso(asOfMs),
    asOfMs,
    quarters: reports,
  };
}

export function findQuarter(report: LedgerReport, id: string): QuarterReport | undefined {
  const q = parseQuarterId(id, report.calendar);
  return q ? report.quarters.find((r) => r.quarter === q.id) : undefined;
}

function buildQuarterReport(inputs: LedgerInputs, quarter: Quarter, asOfMs: number, previous: QuarterReport | null): QuarterReport {
  const { settings, catalog } = inputs;
  const cal = settings.calendar;
  const state = asOfMs < quarter.endMs ? 'in-progress' : 'complete';
  const periodEnd = Math.min(quarter.endMs, asOfMs);

  const slos: SloReport[] = catalog.entries.map(({ slo }) => {
    const agg = inputs.sli.get(slo.id);
    const exclusions = inputs.exclusions
      .filter((x) => x.slos.includes(slo.id) || x.services.includes(slo.service))
      .map((x) => ({ startMs: x.startMs, endMs: x.endMs }));
    const r = evaluateSloQuarter({
      slo,
      quarter,
      cal,
      buckets: agg?.buckets ?? [],
      exclusions,
      stepMs: agg?.stepMs ?? 3_600_000,
      asOfMs,
      policy: settings.policy,
      ...(settings.minEvents !== null ? { minEvents: settings.minEvents } : {}),
    });
    return {
      id: slo.id,
      name: slo.name,
      service: slo.service,
      owner: slo.owner,
      team: slo.team,
      objective: slo.objective,
      budgeting: slo.budgeting,
      good: r.good,
      total: r.total,
      attainment: r.attainment,
      nines: r.attainment === null ? null : nines(r.attainment),
      budget: r.budget,
      budgetMinutes: r.budgetMinutes,
      consumed: r.consumed,
      remaining: r.remaining,
      burnRate: r.burnRate,
      status: r.status,
      policyText: r.policyText,
      met: r.met,
      coverage: r.coverage,
      incomplete: r.incomplete,
      insufficientData: r.insufficientData,
      goodSlices: r.goodSlices,
      badSlices: r.badSlices,
      missingSlices: r.missingSlices,
      unattributedConsumed: null,
      projection: r.projection === null ? null : { consumedAtEnd: r.projection.consumedAtEnd, exhaustsAt: r.projection.exhaustsAtMs === null ? null : iso(r.projection.exhaustsAtMs) },
      series: { daily: r.daily, monthly: r.monthly },
    };
  });

  const postmortems = visiblePostmortems(inputs.postmortems, settings.audience)
    .filter((p) => p.started >= quarter.startMs && p.started < periodEnd)
    .sort((a, b) => a.started - b.started || a.slug.localeCompare(b.slug));
  const incidents: IncidentReport[] = postmortems.map((p) => ({
    id: p.slug,
    title: p.title,
    severity: p.severity,
    status: p.status,
    services: p.services,
    slos: p.slos ?? catalog.entries.filter((e) => p.services.includes(e.slo.service)).map((e) => e.slo.id),
    started: iso(p.started),
    mitigated: p.mitigated === undefined ? null : iso(p.mitigated),
    ttdMinutes: p.detected === undefined ? null : (p.detected - p.started) / MINUTE,
    ttrMinutes: p.mitigated === undefined ? null : (p.mitigated - p.started) / MINUTE,
    budgetConsumed: {},
  }));

  const services: ServiceReport[] = catalog.services.map((s) => {
    const own = incidents.filter((i) => i.services.includes(s.id));
    const ttrs = own.map((i) => i.ttrMinutes).filter((m): m is number => m !== null);
    return {
      id: s.id,
      owner: s.owner,
      team: s.team,
      incidents: own.length,
      mttrMinutes: ttrs.length === 0 ? null : ttrs.reduce((a, b) => a + b, 0) / ttrs.length,
      mtbfHours: null,
      deployments: { count: 0, perWeek: null, leadTimeMedianHours: null, changeFailRate: null, recoveryMedianMinutes: null },
    };
  });

  const items = postmortems.flatMap((p) => p.action_items);
  const asOfDay = iso(asOfMs).slice(0, 10);
  const actionItems = {
    open: items.filter((a) => a.status === 'open' || a.status === 'in-progress').length,
    done: items.filter((a) => a.status === 'done').length,
    overdue: items.filter((a) => (a.status === 'open' || a.status === 'in-progress') && a.due < asOfDay).length,
  };

  const exclusions = inputs.exclusions
    .filter((x) => x.startMs < quarter.endMs && x.endMs > quarter.startMs)
    .map((x) => ({ slos: x.slos, services: x.services, start: iso(x.startMs), end: iso(x.endMs), reason: x.reason, approvedBy: x.approvedBy }));

  return {
    quarter: quarter.id,
    slug: quarter.slug,
    label: quarter.label,
    start: iso(quarter.startMs),
    end: iso(quarter.endMs),
    asOf: iso(asOfMs),
    state,
    revision: null,
    previousQuarter: previous?.quarter ?? null,
    slos,
    incidents,
    services,
    actionItems,
    exclusions,
  };
}
