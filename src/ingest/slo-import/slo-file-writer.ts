/**
 * Writes imported SLOs as the ledger reads them: one native file per service (SPEC §4), or with
 * `--format openslo` one OpenSLO v1 file (a Service and its SLOs), whose SLIs read Prometheus.
 * Each SLO's CSV is `sli/<id>.csv`, which `npm run pull` writes.
 */
import { stringify } from 'yaml';
import { UNASSIGNED } from '../catalog/openslo.ts';
import type { ImportedService, ImportedSlo } from './imported-slo.ts';

export type SloFileFormat = 'native' | 'openslo';

const YAML_OPTIONS = { lineWidth: 0 } as const;

function header(tool: string, from: string[], needs: string[]): string {
  return [
    `# Imported by \`npm run import -- ${tool}\` from ${from.join(', ')}.`,
    ...(needs.length > 0 ? ['# What a person must still check:', ...needs.map((n) => `# - ${n}`)] : []),
    '',
  ].join('\n');
}

function percentText(slo: ImportedSlo): string {
  return `${slo.objectivePercent}%`;
}

export function writeSloFile(
  service: ImportedService,
  options: { format: SloFileFormat; tool: string; needs: string[] },
): string {
  const { format, tool, needs } = options;
  const from = [...new Set(service.slos.map((s) => s.file))];
  if (format === 'native') {
    const doc = {
      service: service.service,
      owner: service.owner ?? UNASSIGNED,
      team: service.team ?? UNASSIGNED,
      slos: service.slos.map((s) => ({
        id: s.id,
        name: s.name,
        objective: percentText(s),
        window: s.window,
        ...(s.description !== null ? { description: s.description } : {}),
        sli: { source: `sli/${s.id}.csv`, prometheus: s.queries },
      })),
    };
    return header(tool, from, needs) + stringify(doc, YAML_OPTIONS);
  }
  const docs: unknown[] = [
    {
      apiVersion: 'openslo/v1',
      kind: 'Service',
      metadata: {
        name: service.service,
        ...(service.owner !== null || service.team !== null
          ? {
              annotations: {
                ...(service.owner !== null ? { 'ledger/owner': service.owner } : {}),
                ...(service.team !== null ? { 'ledger/team': service.team } : {}),
              },
            }
          : {}),
      },
    },
    ...service.slos.map((s) => {
      const metric = (query: string) => ({
        metricSource: { type: 'Prometheus', spec: { query, source: `sli/${s.id}.csv` } },
      });
      const q = s.queries;
      return {
        apiVersion: 'openslo/v1',
        kind: 'SLO',
        metadata: { name: s.id, ...(s.name !== s.id ? { displayName: s.name } : {}) },
        spec: {
          ...(s.description !== null ? { description: s.description } : {}),
          service: service.service,
          indicator: {
            metadata: { name: s.id },
            spec: {
              ratioMetric: {
                counter: true,
                ...(q.good !== undefined ? { good: metric(q.good) } : {}),
                ...(q.bad !== undefined ? { bad: metric(q.bad) } : {}),
                ...(q.total !== undefined ? { total: metric(q.total) } : {}),
              },
            },
          },
          timeWindow: [{ duration: s.window, isRolling: true }],
          budgetingMethod: 'Occurrences',
          objectives: [{ target: s.objective }],
        },
      };
    }),
  ];
  return header(tool, from, needs) + docs.map((d) => stringify(d, YAML_OPTIONS)).join('---\n');
}
