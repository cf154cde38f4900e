/**
 * Pyrra's `ServiceLevelObjective` resources (apiVersion pyrra.dev/v1alpha1) read into the import
 * model. `ratio` (errors / total) and `latency` (the `le` bucket of a histogram over its count)
 * are counter selectors, pulled as `sum(increase(<selector>[step]))`; `bool_gauge` and native
 * histograms are reported and left out. https://github.com/pyrra-dev/pyrra#readme
 */
import type { YamlSource } from '../yaml-source.ts';
import { addToService, readPercent, toLedgerId, type ImportRead } from './imported-slo.ts';

type Doc = Record<string, unknown>;
const isDoc = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

export function isPyrraDocument(doc: unknown): boolean {
  return isDoc(doc) && typeof doc['apiVersion'] === 'string' && doc['apiVersion'].startsWith('pyrra.dev/');
}

export function readPyrraSource(source: YamlSource): ImportRead {
  const out: ImportRead = { services: [], notes: [] };
  source.documents.forEach((doc, d) => {
    const at = (path: (string | number)[]) => source.locate(path, d).line;
    const note = (path: (string | number)[], slo: string | null, dropped: boolean, t: string) =>
      out.notes.push({ file: source.file, line: at(path), slo, dropped, text: t });
    if (!isPyrraDocument(doc) || !isDoc(doc) || doc['kind'] !== 'ServiceLevelObjective') {
      if (doc !== null && doc !== undefined)
        note([], null, true, 'not a Pyrra ServiceLevelObjective (apiVersion: pyrra.dev/v1alpha1)');
      return;
    }
    const meta = isDoc(doc['metadata']) ? doc['metadata'] : {};
    const spec = isDoc(doc['spec']) ? doc['spec'] : {};
    const labels = isDoc(meta['labels']) ? meta['labels'] : {};
    const name = text(meta['name']);
    if (name === null) {
      note(['metadata'], null, true, 'the SLO has no metadata.name');
      return;
    }
    const id = toLedgerId(name);
    const objective = readPercent(spec['target']);
    if (objective === null) {
      note(
        ['spec', 'target'],
        id,
        true,
        `target ${JSON.stringify(spec['target'])} is not a percentage like "99.9"`,
      );
      return;
    }
    const window = text(spec['window']);
    if (window === null) {
      note(['spec'], id, true, 'the SLO has no window (e.g. window: 4w)');
      return;
    }
    if (isDoc(spec['alerting']))
      note(
        ['spec', 'alerting'],
        id,
        false,
        'alerting is not imported: the ledger reports budgets, it does not alert (keep Pyrra for the alerts)',
      );
    const indicator = isDoc(spec['indicator']) ? spec['indicator'] : {};
    const metric = (k: string, sub: string) => {
      const block = indicator[k];
      return isDoc(block) && isDoc(block[sub]) ? text(block[sub]['metric']) : null;
    };
    let queries: { good?: string; bad?: string; total: string } | null = null;
    if (isDoc(indicator['ratio'])) {
      const errors = metric('ratio', 'errors');
      const total = metric('ratio', 'total');
      if (errors !== null && total !== null) queries = { bad: errors, total };
      const grouping = (indicator['ratio'] as Doc)['grouping'];
      if (Array.isArray(grouping) && grouping.length > 0)
        note(
          ['spec', 'indicator', 'ratio', 'grouping'],
          id,
          false,
          `grouping by ${grouping.join(', ')} is not kept: the ledger pulls one series summed over them (import one SLO per group with label matchers to keep them apart)`,
        );
    } else if (isDoc(indicator['latency'])) {
      const success = metric('latency', 'success');
      const total = metric('latency', 'total');
      if (success !== null && total !== null) queries = { good: success, total };
    } else {
      const kind = Object.keys(indicator)[0] ?? 'none';
      note(
        ['spec', 'indicator'],
        id,
        true,
        kind === 'bool_gauge'
          ? 'a bool_gauge indicator is a 0/1 gauge, not counted events: the ledger needs good or bad events and a total'
          : kind === 'latencyNative'
            ? 'a latencyNative indicator reads a native histogram: write it as latency with a classic _bucket{le=…} and _count'
            : `the indicator ${kind} is not one the ledger reads (ratio or latency)`,
      );
      return;
    }
    if (queries === null) {
      note(
        ['spec', 'indicator'],
        id,
        true,
        'the indicator needs both of its metrics (errors or success, and total)',
      );
      return;
    }
    const service = text(labels['service']) ?? text(meta['namespace']) ?? name;
    if (text(labels['service']) === null)
      note(
        ['metadata', text(meta['namespace']) !== null ? 'namespace' : 'name'],
        id,
        false,
        `Pyrra names no service: "${service}" (the ${text(meta['namespace']) !== null ? 'namespace' : 'SLO name'}) was used; rename it to the service this SLO is about, or add a service label`,
      );
    addToService(out.services, {
      service: toLedgerId(service),
      owner: text(labels['owner']),
      team: text(labels['team']),
      slos: [
        {
          id,
          name,
          objective: objective.fraction,
          objectivePercent: objective.percent,
          description: text(spec['description']),
          window,
          queries,
          file: source.file,
          line: at([]),
        },
      ],
    });
  });
  return out;
}
