/** Deployment throughput of a period for the review (SPEC §8), from the domain's measures. */
import { computeThroughput, type Deployment, type DeploymentBand } from '../domain/throughput.ts';
import type { Postmortem } from '../ingest/postmortem.ts';
import { minutes } from './incident-summary.ts';
import { isCounted } from './visibility.ts';

/**
 * Deployment throughput over the quarter, up to as-of while it is in progress (SPEC §8). A
 * deployment belongs to the quarter containing its `deployed_at`. All null (count 0) for a service
 * that never appears in the deployment log: its cadence is unknown, not "fewer".
 */
export interface DeploymentReport {
  count: number;
  /** Change failures: failed, rolled back or named by a postmortem, each counted once. */
  failed: number;
  perWeek: number | null;
  band: DeploymentBand | null;
  leadTimeMedianHours: number | null;
  changeFailRate: number | null;
  recoveryMedianMinutes: number | null;
  /** Change failures with no recovery known by the end of the period. */
  unrecovered: number;
  reworkRate: number | null;
}

/**
 * `deployments` are one service's (or all); recoveries count up to the period's end, so that a
 * complete quarter's figures do not move when the next quarter's deployments arrive.
 */
export function deploymentReport(
  deployments: readonly Deployment[],
  postmortems: readonly Postmortem[],
  period: { fromMs: number; toMs: number },
): DeploymentReport {
  const { fromMs, toMs } = period;
  const incidents = postmortems
    .filter((p) => isCounted(p) && p.deployment !== undefined)
    .map((p) => ({ deployment: p.deployment ?? '', mitigatedMs: p.mitigated }));
  const t = computeThroughput({ history: deployments, fromMs, toMs, incidents });
  const logged = deployments.length > 0;
  return {
    count: t.count,
    failed: t.failed,
    perWeek: logged ? t.perWeek : null,
    band: logged ? t.band : null,
    leadTimeMedianHours: t.leadTimeMedianMs === null ? null : t.leadTimeMedianMs / 3_600_000,
    changeFailRate: t.changeFailRate,
    recoveryMedianMinutes: minutes(t.recoveryMedianMs),
    unrecovered: t.unrecovered,
    reworkRate: t.reworkRate,
  };
}
