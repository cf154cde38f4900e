/**
 * `check` on the queries `npm run pull` will evaluate: one that is neither a counter selector nor
 * a `{{.window}}` query cannot be turned into counts per step, and is named before any pull.
 */
import { diagnose, type Diagnostic } from '../diagnostic.ts';
import type { CatalogEntry } from '../catalog/model.ts';
import { planQuery, type QueryRole } from './promql-plan.ts';

/** Same default as pull-slo.ts: sli.step, else the timeslice window, else 5 minutes. */
const stepOf = (e: CatalogEntry) => e.sli.stepMs ?? e.slo.timeslice?.windowMs ?? 300_000;

export function diagnosePulledQueries(entries: readonly CatalogEntry[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const entry of entries) {
    const queries = entry.sli.prometheus;
    if (queries === undefined) continue;
    for (const role of ['good', 'bad', 'total', 'value'] as const satisfies readonly QueryRole[]) {
      const query = queries[role];
      if (query === undefined) continue;
      const plan = planQuery(query, role, stepOf(entry));
      if (!plan.ok)
        out.push(
          diagnose(
            'prometheus-query-unpullable',
            { file: entry.file, line: entry.line, column: 1 },
            `SLO ${entry.slo.id}: the ${role} query ${plan.message}`,
          ),
        );
    }
  }
  return out;
}
