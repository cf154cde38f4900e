/**
 * Sloth's specs (`version: prometheus/v1`, and Sloth's `openslo/v1alpha` SLOs) read into the
 * import model. `events` SLIs (error_query / total_query) become `sli.prometheus: { bad, total }`;
 * `raw` error-ratio SLIs and plugins are reported and left out: an error budget needs counts.
 * https://sloth.dev/specs/default/
 */
import type { YamlSource } from '../yaml-source.ts';
import { addToService, readPercent, toLedgerId, type ImportRead, type ImportedSlo } from './imported-slo.ts';

/** Sloth's default SLO period (its --default-slo-period). */
const SLOTH_DEFAULT_WINDOW = '30d';

type Doc = Record<string, unknown>;
const isDoc = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

export function isSlothDocument(doc: unknown): boolean {
  return (
    isDoc(doc) &&
    ((doc['version'] === 'prometheus/v1' && 'slos' in doc) || doc['apiVersion'] === 'openslo/v1alpha')
  );
}

export function readSlothSource(source: YamlSource): ImportRead {
  const out: ImportRead = { services: [], notes: [] };
  source.documents.forEach((doc, d) => {
    const at = (path: (string | number)[]) => source.locate(path, d).line;
    const note = (path: (string | number)[], slo: string | null, dropped: boolean, t: string) =>
      out.notes.push({ file: source.file, line: at(path), slo, dropped, text: t });
    if (!isSlothDocument(doc) || !isDoc(doc)) {
      if (doc !== null && doc !== undefined)
        note([], null, true, 'not a Sloth spec (version: prometheus/v1, or apiVersion: openslo/v1alpha)');
      return;
    }
    if (doc['apiVersion'] === 'openslo/v1alpha') {
      readSlothOpenSlo(doc, source.file, at, note, out);
      return;
    }
    const service = text(doc['service']);
    if (service === null) {
      note(['service'], null, true, 'the spec has no service');
      return;
    }
    const labels = isDoc(doc['labels']) ? doc['labels'] : {};
    const slos: ImportedSlo[] = [];
    const list = Array.isArray(doc['slos']) ? doc['slos'] : [];
    list.forEach((raw, i) => {
      if (!isDoc(raw)) return;
      const name = text(raw['name']) ?? `slo-${i + 1}`;
      const id = toLedgerId(`${service}-${name}`);
      const path = ['slos', i];
      const objective = readPercent(raw['objective']);
      if (objective === null) {
        note(
          [...path, 'objective'],
          id,
          true,
          `objective ${JSON.stringify(raw['objective'])} is not a percentage`,
        );
        return;
      }
      if (isDoc(raw['alerting']))
        note(
          [...path, 'alerting'],
          id,
          false,
          'alerting is not imported: the ledger reports budgets, it does not alert (keep generating the alerts with Sloth)',
        );
      const sli = isDoc(raw['sli']) ? raw['sli'] : {};
      const events = isDoc(sli['events']) ? sli['events'] : null;
      if (events === null) {
        const kind = isDoc(sli['raw']) ? 'raw' : isDoc(sli['plugin']) ? 'plugin' : null;
        note(
          [...path, 'sli'],
          id,
          true,
          kind === 'raw'
            ? 'a raw SLI (error_ratio_query) is a ratio, not counts: an error budget needs good or bad events and a total; write it as events (error_query and total_query)'
            : kind === 'plugin'
              ? `an SLI plugin (${String((sli['plugin'] as Doc)['id'] ?? '?')}) is computed inside Sloth: write its queries as events (error_query and total_query)`
              : 'the SLI has no events (error_query and total_query)',
        );
        return;
      }
      const bad = text(events['error_query']);
      const total = text(events['total_query']);
      if (bad === null || total === null) {
        note([...path, 'sli', 'events'], id, true, 'events needs both error_query and total_query');
        return;
      }
      slos.push({
        id,
        name,
        objective: objective.fraction,
        objectivePercent: objective.percent,
        description: text(raw['description']),
        window: SLOTH_DEFAULT_WINDOW,
        queries: { bad, total },
        file: source.file,
        line: at(path),
      });
    });
    addToService(out.services, {
      service: toLedgerId(service),
      owner: text(labels['owner']),
      team: text(labels['team']),
      slos,
    });
  });
  return out;
}

/** Sloth's OpenSLO v1alpha: ratioMetrics { good | bad, total } with query strings, timeWindows. */
function readSlothOpenSlo(
  doc: Doc,
  file: string,
  at: (path: (string | number)[]) => number,
  note: (path: (string | number)[], slo: string | null, dropped: boolean, t: string) => void,
  out: ImportRead,
): void {
  if (doc['kind'] !== 'SLO') {
    note(['kind'], null, false, `kind ${String(doc['kind'])} is not read (only SLO)`);
    return;
  }
  const meta = isDoc(doc['metadata']) ? doc['metadata'] : {};
  const spec = isDoc(doc['spec']) ? doc['spec'] : {};
  const name = text(meta['name']) ?? 'slo';
  const service = text(spec['service']);
  if (service === null) {
    note(['spec', 'service'], name, true, 'the SLO names no service');
    return;
  }
  const windows = Array.isArray(spec['timeWindows']) ? spec['timeWindows'] : [];
  const w = isDoc(windows[0]) ? windows[0] : {};
  const unit = { Second: 's', Minute: 'm', Hour: 'h', Day: 'd', Week: 'w' }[String(w['unit'])];
  const window =
    typeof w['count'] === 'number' && unit !== undefined ? `${w['count']}${unit}` : SLOTH_DEFAULT_WINDOW;
  const objectives = Array.isArray(spec['objectives']) ? spec['objectives'] : [];
  const slos: ImportedSlo[] = [];
  objectives.forEach((o, i) => {
    const path = ['spec', 'objectives', i];
    const id = toLedgerId(objectives.length === 1 ? name : `${name}-${i + 1}`);
    if (!isDoc(o)) return;
    const ratio = isDoc(o['ratioMetrics']) ? o['ratioMetrics'] : null;
    const query = (k: string) => (ratio !== null && isDoc(ratio[k]) ? text(ratio[k]['query']) : null);
    const target = typeof o['target'] === 'number' ? o['target'] : NaN;
    if (!(target > 0 && target < 1)) {
      note(
        [...path, 'target'],
        id,
        true,
        `target ${JSON.stringify(o['target'])} is not a fraction like 0.999`,
      );
      return;
    }
    const good = query('good');
    const bad = query('bad');
    const total = query('total');
    if (total === null || (good === null) === (bad === null)) {
      note([...path], id, true, 'ratioMetrics needs total and one of good or bad, each with a query');
      return;
    }
    slos.push({
      id,
      name: text(meta['displayName']) ?? name,
      objective: target,
      objectivePercent: Number((target * 100).toPrecision(12)),
      description: text(spec['description']),
      window,
      queries: good !== null ? { good, total } : { bad: bad ?? '', total },
      file,
      line: at(path),
    });
  });
  addToService(out.services, { service: toLedgerId(service), owner: null, team: null, slos });
}
