/**
 * The SLI rows around an incident, for the chart on its write-up (SPEC §9): from a day before
 * impact began to a day after it ended, per linked SLO.
 */
import type { LedgerInputs } from '../ingest/load-ledger.ts';
import type { Postmortem } from '../ingest/postmortem.ts';
import { bucketList, rowsBetween } from '../domain/bucket.ts';
import { linkedSlos } from './incident-summary.ts';

const DAY = 86_400_000;

export interface IncidentSli {
  sloId: string;
  sloName: string;
  objective: number;
  stepMs: number | null;
  buckets: { startMs: number; good: number; total: number }[];
}

export function sliAroundIncident(inputs: LedgerInputs, p: Postmortem, marginMs = DAY): IncidentSli[] {
  const from = p.started - marginMs;
  const to = (p.mitigated ?? p.started) + marginMs;
  return linkedSlos(p, inputs.catalog).flatMap((id) => {
    const entry = inputs.catalog.entries.find((e) => e.slo.id === id);
    const agg = inputs.sli.get(id);
    if (!entry || !agg) return [];
    const buckets = bucketList(rowsBetween(agg.buckets, from, to));
    return buckets.length === 0
      ? []
      : [{ sloId: id, sloName: entry.slo.name, objective: entry.slo.objective, stepMs: agg.stepMs, buckets }];
  });
}
