/**
 * Deployment throughput and stability (SPEC §8), after DORA's software delivery performance
 * metrics (https://dora.dev/guides/dora-metrics/, 2024 edition): deployment frequency, change lead
 * time, change fail rate, failed deployment recovery time and deployment rework rate.
 *
 * Pure: deployments and incident links in, figures in milliseconds and fractions out. The caller
 * chooses the deployments (one service's, or all) and the period; "now" is the period's end.
 */
import { median } from './incident.ts';

export type DeploymentStatus = 'success' | 'failed' | 'rolled-back';
export type DeploymentKind = 'change' | 'hotfix' | 'rollback';

export const DEPLOYMENT_STATUSES: readonly DeploymentStatus[] = ['success', 'failed', 'rolled-back'];
export const DEPLOYMENT_KINDS: readonly DeploymentKind[] = ['change', 'hotfix', 'rollback'];

export interface Deployment {
  id: string;
  service: string;
  deployedMs: number;
  /** Null when the log does not say when the change was committed. */
  committedMs: number | null;
  status: DeploymentStatus;
  kind: DeploymentKind;
}

/** A postmortem that names the deployment that caused its incident (SPEC §7 `deployment`). */
export interface DeploymentIncident {
  deployment: string;
  /** When the incident's impact ended; undefined while it is not known. */
  mitigatedMs: number | undefined;
}

/**
 * DORA's deployment frequency buckets, one word each: on demand or at least once a day (`daily`),
 * between once a day and once a week (`weekly`), between once a week and once a month
 * (`monthly`), less than once a month (`fewer`).
 */
export type DeploymentBand = 'daily' | 'weekly' | 'monthly' | 'fewer';

export interface ThroughputMeasures {
  /** Deployments whose `deployed_at` lies in the period. */
  count: number;
  /** Change failures: failed or rolled back, or named by a postmortem; each deployment once. */
  failed: number;
  /** count / (period in days / 7); null for an empty period. */
  perWeek: number | null;
  band: DeploymentBand | null;
  /** Median of deployed − committed over successful deployments, values ≤ 0 left out. */
  leadTimeMedianMs: number | null;
  /** failed / count; null without deployments. */
  changeFailRate: number | null;
  /** Median time from a change failure to its recovery, over the failures that recovered. */
  recoveryMedianMs: number | null;
  /** Change failures without a known recovery by the end of the period. */
  unrecovered: number;
  /** (hotfix + rollback deployments) / count; null without deployments. */
  reworkRate: number | null;
}

const DAY_MS = 86_400_000;
const WEEK_DAYS = 7;
/** Working days in a week: a team that deploys every working day deploys "daily". */
const WORKING_DAYS_PER_WEEK = 5;
/** The mean Gregorian month, 365.2425 / 12 days. */
const MONTH_DAYS = 365.2425 / 12;

/**
 * The DORA band of an average rate: `daily` at ≥ 5 a week (once per working day), `weekly` at
 * ≥ 1 a week, `monthly` at ≥ 1 a mean month (7 / 30.436875 ≈ 0.23 a week), `fewer` below.
 * The band is a function of the rate printed beside it, so the two can never disagree; a burst
 * counts as much as a steady cadence.
 */
export function deploymentBand(perWeek: number): DeploymentBand {
  if (perWeek >= WORKING_DAYS_PER_WEEK) return 'daily';
  if (perWeek >= 1) return 'weekly';
  if (perWeek >= WEEK_DAYS / MONTH_DAYS) return 'monthly';
  return 'fewer';
}

/** Deployments per week over a period: count / (days / 7). Null for an empty period. */
export function deploymentsPerWeek(count: number, periodMs: number): number | null {
  if (!(periodMs > 0)) return null;
  return count / (periodMs / DAY_MS / WEEK_DAYS);
}

/** deployed − committed; null when the commit time is unknown or not before the deployment. */
export function changeLeadTimeMs(d: Deployment): number | null {
  if (d.committedMs === null) return null;
  const ms = d.deployedMs - d.committedMs;
  return ms > 0 ? ms : null;
}

/**
 * The latest `mitigated` of the postmortems naming each deployment: the failure is recovered when
 * every incident it caused has ended. A deployment named only by postmortems still without
 * `mitigated` maps to undefined — still a change failure, recovered by the fallback rule.
 */
export function mitigatedByDeployment(
  incidents: readonly DeploymentIncident[],
): Map<string, number | undefined> {
  const out = new Map<string, number | undefined>();
  for (const i of incidents) {
    const prev = out.get(i.deployment);
    out.set(
      i.deployment,
      prev === undefined ? i.mitigatedMs : i.mitigatedMs === undefined ? prev : Math.max(prev, i.mitigatedMs),
    );
  }
  return out;
}

/** Failed or rolled back, or named by a postmortem: a change failure in DORA's sense. */
export function isChangeFailure(d: Deployment, named: ReadonlyMap<string, unknown>): boolean {
  return d.status !== 'success' || named.has(d.id);
}

/**
 * When a change failure was recovered: its incident's `mitigated` when a postmortem names it
 * (the latest, if several do), otherwise the next deployment of the same service that succeeded
 * and that no postmortem names. Null when neither is known among `history`.
 */
export function recoveryMs(
  failure: Deployment,
  history: readonly Deployment[],
  named: ReadonlyMap<string, number | undefined>,
): number | null {
  const mitigated = named.get(failure.id);
  if (mitigated !== undefined) return mitigated >= failure.deployedMs ? mitigated - failure.deployedMs : null;
  let next: number | null = null;
  for (const d of history) {
    if (d.service !== failure.service || d.deployedMs <= failure.deployedMs || isChangeFailure(d, named))
      continue;
    if (next === null || d.deployedMs < next) next = d.deployedMs;
  }
  return next === null ? null : next - failure.deployedMs;
}

/**
 * Every measure over the deployments of `[fromMs, toMs)`. `history` is every deployment known at
 * `toMs` (all services, any time before it): a failure late in the period may be recovered by a
 * deployment after it. `incidents` are the postmortems that name a deployment.
 */
export function computeThroughput(input: {
  history: readonly Deployment[];
  fromMs: number;
  toMs: number;
  incidents: readonly DeploymentIncident[];
}): ThroughputMeasures {
  const { fromMs, toMs } = input;
  const named = mitigatedByDeployment(input.incidents);
  const known = input.history.filter((d) => d.deployedMs < toMs);
  const inPeriod = known.filter((d) => d.deployedMs >= fromMs);
  const count = inPeriod.length;
  const failures = inPeriod.filter((d) => isChangeFailure(d, named));
  const recoveries = failures
    .map((d) => recoveryMs(d, known, named))
    .filter((ms): ms is number => ms !== null);
  // DORA: "the time it takes for a code commit or change to be successfully deployed".
  const leadTimes = inPeriod
    .filter((d) => d.status === 'success')
    .map(changeLeadTimeMs)
    .filter((ms): ms is number => ms !== null);
  const rework = inPeriod.filter((d) => d.kind === 'hotfix' || d.kind === 'rollback').length;
  const perWeek = deploymentsPerWeek(count, toMs - fromMs);
  return {
    count,
    failed: failures.length,
    perWeek,
    band: perWeek === null ? null : deploymentBand(perWeek),
    leadTimeMedianMs: median(leadTimes),
    changeFailRate: count === 0 ? null : failures.length / count,
    recoveryMedianMs: median(recoveries),
    unrecovered: failures.length - recoveries.length,
    reworkRate: count === 0 ? null : rework / count,
  };
}
