/**
 * The quarter report: the §11 JSON, built from ingested inputs. The site, `npm run report` and
 * the tests all call `buildLedgerReport`, so a figure has one definition.
 */
import { compareText } from '../domain/compare-text.ts';
import type { Calendar } from '../domain/calendar.ts';
import { nines } from '../domain/nines.ts';
import { MINUTE_MS } from '../domain/units.ts';
import { parseQuarterId, quartersCovering, type Quarter } from '../domain/quarter.ts';
import { startOfDateText, sloStartMs, takesPartIn } from '../domain/slo-life.ts';
import {
  evaluateSloQuarter,
  type DailyPoint,
  type MonthlyPoint,
  type SloQuarterInput,
} from '../domain/slo-quarter.ts';
import { timeToDetectMs, timeToResolveMs, timeToRestoreMs, touchesPeriod } from '../domain/incident.ts';
import {
  DEFAULT_UNIT,
  sloIdentity,
  type EventUnit,
  type SloDefinition,
  type SloIdentity,
} from '../domain/slo.ts';
import {
  foldMeasuredValues,
  worstIsFor,
  type MeasuredValues,
  type WorstIs,
} from '../domain/measured-value.ts';
import type { ExclusionWindow } from '../domain/exclusion.ts';
import type { LedgerInputs } from '../ingest/load-ledger.ts';
import type { Postmortem } from '../ingest/postmortem.ts';
import { asOfFromData, asOfLocalDay, firstDataMs } from './as-of.ts';
import {
  countActionItems,
  incidentTimes,
  linkedSlos,
  minutes,
  summariseIncidents,
  type ActionItemCounts,
  type IncidentSummary,
} from './incident-summary.ts';
import { deploymentReport, type DeploymentReport } from './throughput-report.ts';
import { isCounted, isVisibleTo } from './visibility.ts';

export type { ActionItemCounts, IncidentSummary } from './incident-summary.ts';
export type { DeploymentReport } from './throughput-report.ts';

export interface SloReport extends SloIdentity {
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
  /** The first sentence of the write-up's Impact section. */
  impact: string | null;
  severity: string;
  status: string;
  visibility: 'public' | 'internal';
  services: string[];
  slos: string[];
  started: string;
  detected: string | null;
  mitigated: string | null;
  resolved: string | null;
  ttdMinutes: number | null;
  ttrMinutes: number | null;
  resolveMinutes: number | null;
  /** Share of this quarter's budget of each linked SLO spent inside [started, mitigated). */
  budgetConsumed: Record<string, number | null>;
  actionItems: number;
}

export interface ServiceReport extends IncidentSummary {
  id: string;
  owner: string;
  team: string;
  /** Mean time to restore, as §11 names it; the median is the better headline. */
  mttrMinutes: number | null;
  actionItems: ActionItemCounts;
  deployments: DeploymentReport;
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
  incidentSummary: IncidentSummary;
  services: ServiceReport[];
  actionItems: ActionItemCounts;
  /** Every service's deployments together. */
  throughput: DeploymentReport;
  exclusions: {
    slos: string[];
    services: string[];
    start: string;
    end: string;
    reason: string;
    approvedBy: string;
  }[];
}

/** How an SLO's events are called around its figures (catalog `unit`); words, not figures. */
export interface SloUnit extends EventUnit {
  /** For a threshold SLI, what makes an event good, e.g. 'p99_ms ≤ 300'; null for counts. */
  condition: string | null;
}

/**
 * What a threshold SLI measured in a quarter (issue 12 item 15), e.g. p99_ms per hour: median
 * 212, worst 480, 3 of 2,208 hours over 300. In the review JSON as `slos[].measured`.
 */
export interface MeasuredReport extends MeasuredValues {
  /** The value column, e.g. 'p99_ms'. */
  column: string;
  /** What makes a step good, e.g. 'p99_ms ≤ 300'. */
  condition: string;
  /** The comparison a good step passes, e.g. '≤'. */
  op: (typeof OP_SYMBOL)[keyof typeof OP_SYMBOL];
  /** The threshold, e.g. 300. */
  threshold: number;
  /** 'highest' when a larger value is worse (a `≤` or `<` threshold), 'lowest' otherwise. */
  worstIs: WorstIs;
  /** What one step spans, in ms: the SLI's row step. */
  stepMs: number;
}

export interface LedgerReport {
  title: string;
  organization: string;
  calendar: Calendar;
  asOf: string;
  asOfMs: number;
  /** Chronological; the last one is in progress. */
  quarters: QuarterReport[];
  /**
   * Each SLO's unit, by id, from today's catalog: kept beside the quarters rather than in them, so
   * that the published JSON of a closed quarter does not change when a unit is named.
   */
  units: Record<string, SloUnit>;
  /**
   * What each threshold SLI measured, by quarter id and SLO id; count SLIs have none. Beside the
   * quarters like `units`: a figure added after a quarter closed does not restate it.
   */
  measured: Record<string, Record<string, MeasuredReport>>;
}

const OP_SYMBOL = { lt: '<', lte: '≤', gt: '>', gte: '≥' } as const;

/** Every SLO's unit and, for threshold SLIs, the condition a good event meets. */
export function sloUnits(catalog: LedgerInputs['catalog']): Record<string, SloUnit> {
  return Object.fromEntries(
    catalog.entries.map(({ slo, sli }) => [
      slo.id,
      {
        ...(slo.unit ?? DEFAULT_UNIT),
        condition:
          sli.threshold === null || sli.value === null
            ? null
            : `${sli.value} ${OP_SYMBOL[sli.threshold.op]} ${sli.threshold.value}`,
      },
    ]),
  );
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Public builds leave out drafts and internal postmortems (SPEC §7, §13). */
export function visiblePostmortems(
  postmortems: readonly Postmortem[],
  audience: 'public' | 'internal',
): Postmortem[] {
  return postmortems.filter((p) => isVisibleTo(p, audience));
}

export class ReportError extends Error {}

export function buildLedgerReport(
  inputs: LedgerInputs,
  opts: { asOfMs?: number | undefined } = {},
): LedgerReport {
  const cal = inputs.settings.calendar;
  const asOfMs = opts.asOfMs ?? asOfFromData(inputs.sli.values());
  const firstMs = firstDataMs(inputs.sli.values());
  if (asOfMs === null || firstMs === null)
    throw new ReportError('there is no SLI data, so there is no as-of time');
  const sloStarts = sloStartTimes(inputs, asOfMs);
  const reportingFromMs =
    inputs.settings.reportingSince === null
      ? -Infinity
      : startOfDateText(inputs.settings.reportingSince, cal);
  const firstStartMs = Math.min(...sloStarts.values());
  const incidents = inputs.postmortems.filter(isCounted);
  const earliestMs = Math.max(
    reportingFromMs,
    Math.min(firstMs, firstStartMs, ...incidents.map((p) => p.started)),
  );
  const quarters = quartersCovering(Math.min(earliestMs, asOfMs - 1), asOfMs, cal)
    // An as-of exactly at a quarter boundary ends the earlier quarter; the next has not begun.
    .filter((q) => q.startMs < asOfMs && q.endMs > reportingFromMs)
    // A quarter before every SLO starts is reported only when an incident touched it (SPEC §6.1).
    .filter(
      (q) =>
        [...sloStarts.values()].some((start) => takesPartIn(start, q)) ||
        incidents.some((p) =>
          touchesPeriod({ startedMs: p.started, mitigatedMs: p.mitigated ?? null }, q.startMs, q.endMs),
        ),
    );
  const reports: QuarterReport[] = [];
  for (const q of quarters)
    reports.push(buildQuarterReport(inputs, q, asOfMs, reports[reports.length - 1] ?? null, sloStarts));
  return {
    title: inputs.settings.title,
    organization: inputs.settings.organization,
    calendar: cal,
    asOf: iso(asOfMs),
    asOfMs,
    quarters: reports,
    units: sloUnits(inputs.catalog),
    measured: Object.fromEntries(reports.map((q) => [q.quarter, measuredValues(inputs, q, asOfMs)])),
  };
}

/** The exclusion windows that apply to an SLO: its own and its service's (SPEC §6.6). */
function sloExclusions(inputs: LedgerInputs, slo: SloDefinition): ExclusionWindow[] {
  return inputs.exclusions
    .filter((x) => x.slos.includes(slo.id) || x.services.includes(slo.service))
    .map((x) => ({ startMs: x.startMs, endMs: x.endMs }));
}

/** The measured values of the quarter's threshold SLIs over the same rows as their attainment. */
function measuredValues(
  inputs: LedgerInputs,
  q: QuarterReport,
  asOfMs: number,
): Record<string, MeasuredReport> {
  const out: Record<string, MeasuredReport> = {};
  const fromMs = Date.parse(q.start);
  const toMs = Math.min(Date.parse(q.end), asOfMs);
  for (const s of q.slos) {
    const entry = inputs.catalog.entries.find((e) => e.slo.id === s.id);
    const agg = inputs.sli.get(s.id);
    if (entry === undefined || agg === undefined || entry.sli.threshold === null || entry.sli.value === null)
      continue;
    const { op, value: threshold } = entry.sli.threshold;
    const worstIs = worstIsFor(op);
    const m = foldMeasuredValues(agg.buckets, {
      fromMs,
      toMs,
      exclusions: sloExclusions(inputs, entry.slo),
      worstIs,
    });
    if (m === null || agg.stepMs === null) continue;
    out[s.id] = {
      column: entry.sli.value,
      condition: `${entry.sli.value} ${OP_SYMBOL[op]} ${threshold}`,
      op: OP_SYMBOL[op],
      threshold,
      worstIs,
      stepMs: agg.stepMs,
      ...m,
    };
  }
  return out;
}

export function findQuarter(report: LedgerReport, id: string): QuarterReport | undefined {
  const q = parseQuarterId(id, report.calendar);
  return q ? report.quarters.find((r) => r.quarter === q.id) : undefined;
}

/** The quarter before `q`, when the ledger has it: the one previous-quarter lookup. */
export function previousQuarterOf(report: LedgerReport, q: QuarterReport): QuarterReport | null {
  return q.previousQuarter === null
    ? null
    : (report.quarters.find((x) => x.quarter === q.previousQuarter) ?? null);
}

/** When each SLO starts taking part in quarters (SPEC §4 `since`), by SLO id. */
function sloStartTimes(inputs: LedgerInputs, asOfMs: number): Map<string, number> {
  const starts = new Map<string, number>();
  for (const { slo } of inputs.catalog.entries) {
    starts.set(
      slo.id,
      sloStartMs({
        since: slo.since,
        firstRowMs: firstDataMs([inputs.sli.get(slo.id)].filter((a) => a !== undefined)),
        reportingSince: inputs.settings.reportingSince,
        asOfMs,
        cal: inputs.settings.calendar,
      }),
    );
  }
  return starts;
}

function buildQuarterReport(
  inputs: LedgerInputs,
  quarter: Quarter,
  asOfMs: number,
  previous: QuarterReport | null,
  sloStarts: ReadonlyMap<string, number>,
): QuarterReport {
  const { settings, catalog } = inputs;
  const cal = settings.calendar;
  const state = asOfMs < quarter.endMs ? 'in-progress' : 'complete';
  const periodEnd = Math.min(quarter.endMs, asOfMs);
  const sloIdsOf = (p: Postmortem) => linkedSlos(p, catalog);
  const touches = (p: Postmortem) =>
    touchesPeriod({ startedMs: p.started, mitigatedMs: p.mitigated ?? null }, quarter.startMs, periodEnd);

  // Every restored incident, internal ones too, takes its share of the budget, so that
  // "unattributed burn" means what it says even where a public build does not show the write-up.
  const attributable = inputs.postmortems.filter((p) => p.mitigated !== undefined && isCounted(p));
  const windowConsumed = new Map<string, Record<string, number | null>>();

  // An SLO not started yet is not part of the quarter at all, not "insufficient data".
  const living = catalog.entries.filter(({ slo }) =>
    takesPartIn(sloStarts.get(slo.id) ?? -Infinity, quarter),
  );
  const slos: SloReport[] = living.map(({ slo }) => {
    const agg = inputs.sli.get(slo.id);
    const exclusions = sloExclusions(inputs, slo);
    const budgetWindows = attributable
      .filter((p) => sloIdsOf(p).includes(slo.id) && touches(p))
      .map((p) => ({ id: p.slug, startMs: p.started, endMs: p.mitigated ?? p.started }));
    const input: SloQuarterInput = {
      slo,
      quarter,
      cal,
      buckets: agg?.buckets ?? [],
      exclusions,
      stepMs: agg?.stepMs ?? 3_600_000,
      asOfMs,
      policy: settings.policy,
      budgetWindows,
      ...(settings.minEvents !== null ? { minEvents: settings.minEvents } : {}),
    };
    const r =
      inputs.memo && agg
        ? inputs.memo.remember(input, agg.digest, evaluateSloQuarter)
        : evaluateSloQuarter(input);
    for (const w of r.windowConsumed)
      windowConsumed.set(w.id, { ...windowConsumed.get(w.id), [slo.id]: w.consumed });
    return {
      ...sloIdentity(slo),
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
      unattributedConsumed: r.unattributedConsumed,
      projection:
        r.projection === null
          ? null
          : {
              consumedAtEnd: r.projection.consumedAtEnd,
              exhaustsAt: r.projection.exhaustsAtMs === null ? null : iso(r.projection.exhaustsAtMs),
            },
      series: { daily: r.daily, monthly: r.monthly },
    };
  });

  // Listed: what this audience may read, whose impact touched the quarter (an incident across the
  // boundary appears in both quarters, each with its own share of the budget).
  const listed = visiblePostmortems(inputs.postmortems, settings.audience)
    .filter(touches)
    .sort((a, b) => a.started - b.started || compareText(a.slug, b.slug));
  const incidents: IncidentReport[] = listed.map((p) => ({
    id: p.slug,
    title: p.title,
    impact: p.impact,
    severity: p.severity,
    status: p.status,
    visibility: p.visibility,
    services: p.services,
    slos: sloIdsOf(p),
    started: iso(p.started),
    detected: p.detected === undefined ? null : iso(p.detected),
    mitigated: p.mitigated === undefined ? null : iso(p.mitigated),
    resolved: p.resolved === undefined ? null : iso(p.resolved),
    ttdMinutes: minutes(timeToDetectMs(incidentTimes(p))),
    ttrMinutes: minutes(timeToRestoreMs(incidentTimes(p))),
    resolveMinutes: minutes(timeToResolveMs(incidentTimes(p))),
    budgetConsumed: windowConsumed.get(p.slug) ?? {},
    actionItems: p.action_items.length,
  }));

  // Counted: every incident that started in the quarter except drafts, internal ones included —
  // a public build shows the counts without the details (SPEC §13).
  const counted = inputs.postmortems.filter(
    (p) => isCounted(p) && p.started >= quarter.startMs && p.started < periodEnd,
  );
  const asOfDay = asOfLocalDay(asOfMs, cal);
  const summarise = (list: Postmortem[]) =>
    summariseIncidents(list, settings.severities, { fromMs: quarter.startMs, toMs: periodEnd });

  const services: ServiceReport[] = catalog.services.map((s) => {
    const own = counted.filter((p) => p.services.includes(s.id));
    const ttrs = own.map((p) => timeToRestoreMs(incidentTimes(p))).filter((m): m is number => m !== null);
    return {
      id: s.id,
      owner: s.owner,
      team: s.team,
      ...summarise(own),
      mttrMinutes: ttrs.length === 0 ? null : ttrs.reduce((a, b) => a + b, 0) / ttrs.length / MINUTE_MS,
      actionItems: countActionItems(own, asOfDay),
      deployments: deploymentReport(
        inputs.deployments.filter((d) => d.service === s.id),
        inputs.postmortems,
        { fromMs: quarter.startMs, toMs: periodEnd },
      ),
    };
  });

  const exclusions = inputs.exclusions
    .filter((x) => x.startMs < quarter.endMs && x.endMs > quarter.startMs)
    .map((x) => ({
      slos: x.slos,
      services: x.services,
      start: iso(x.startMs),
      end: iso(x.endMs),
      reason: x.reason,
      approvedBy: x.approvedBy,
    }));

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
    incidentSummary: summarise(counted),
    services,
    actionItems: countActionItems(counted, asOfDay),
    throughput: deploymentReport(inputs.deployments, inputs.postmortems, {
      fromMs: quarter.startMs,
      toMs: periodEnd,
    }),
    exclusions,
  };
}
