/**
 * Converting a cState incident file (Hugo front matter `date`, `resolvedWhen`, `severity:
 * down | disrupted | notice`, `affected: [...]`) into a ledger postmortem draft, and listing what
 * a person must still decide. cState writes times without a zone, so the caller names it.
 */
import { localDateTimeToEpochMs } from '../domain/zoned-time.ts';
import { splitFrontMatter } from './front-matter.ts';
import { slugify } from './slug.ts';
import { parseYamlSource } from './yaml-source.ts';

export interface CstateImportOptions {
  /** IANA zone the cState times were written in. */
  timezone: string;
  /** The ledger's severities, most severe first: down, disrupted and notice take the first three. */
  severities: string[];
  /** Services in the SLO catalog, to tell which `affected` entries need mapping. */
  knownServices: string[];
}

export type CstateImport =
  { kind: 'skipped'; reason: string } | { kind: 'converted'; slug: string; text: string; needs: string[] };

const CSTATE_SEVERITY = ['down', 'disrupted', 'notice'];
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function parseLocal(text: unknown, zone: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = LOCAL_TIME.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  return localDateTimeToEpochMs(
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)),
    zone,
  );
}

function isoZ(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

/** `{{< track "2018-04-13 17:30:00" >}}` and other Hugo shortcodes become plain text. */
function stripShortcodes(body: string): string {
  return body.replace(/\{\{<\s*track\s+"([^"]*)"\s*>\}\}/g, '($1)').replace(/\{\{[<%][\s\S]*?[>%]\}\}/g, '');
}

export function convertCstateIncident(
  fileName: string,
  text: string,
  opts: CstateImportOptions,
): CstateImport {
  const split = splitFrontMatter(fileName, text);
  const parsed = split.frontMatter ?? { matter: '', content: text };
  if (split.diagnostics.length > 0)
    return { kind: 'skipped', reason: split.diagnostics[0]?.message ?? 'its front matter is not YAML' };
  const { source, diagnostics } = parseYamlSource(fileName, parsed.matter);
  const fm = (source.documents[0] ?? {}) as Record<string, unknown>;
  if (diagnostics.length > 0 || typeof fm !== 'object')
    return { kind: 'skipped', reason: 'its front matter is not valid YAML' };
  if (fm['informational'] === true)
    return {
      kind: 'skipped',
      reason: 'an informational post (maintenance notices belong in data/exclusions.yaml)',
    };
  const title = typeof fm['title'] === 'string' ? fm['title'].trim() : '';
  if (title === '') return { kind: 'skipped', reason: 'it has no title' };
  const started = parseLocal(fm['date'], opts.timezone);
  if (started === undefined)
    return {
      kind: 'skipped',
      reason: `its date "${String(fm['date'])}" is not a cState time (YYYY-MM-DD HH:mm:ss)`,
    };

  const needs: string[] = [];
  const resolvedWhen = parseLocal(fm['resolvedWhen'], opts.timezone);
  if (resolvedWhen === undefined)
    needs.push('no resolvedWhen: add `mitigated` (when impact ended) before the status can leave draft');
  else if (resolvedWhen < started) needs.push('resolvedWhen is before date: check both times');
  needs.push(`times were written without a zone and read as ${opts.timezone}: check them`);

  const cstateSeverity = typeof fm['severity'] === 'string' ? fm['severity'] : '';
  const rank = CSTATE_SEVERITY.indexOf(cstateSeverity);
  const severity = opts.severities[Math.min(rank < 0 ? 2 : rank, opts.severities.length - 1)] ?? 'SEV3';
  needs.push(
    rank < 0
      ? `cState severity "${cstateSeverity}" is unknown; set to ${severity}`
      : `severity ${severity} was mapped from cState "${cstateSeverity}"; confirm it against your severity levels`,
  );

  const affected = Array.isArray(fm['affected'])
    ? fm['affected'].filter((a): a is string => typeof a === 'string')
    : [];
  const services = affected.map((a) => slugify(a)).filter((s) => s !== '');
  const unknown = services.filter((s) => !opts.knownServices.includes(s));
  if (services.length === 0) needs.push('no affected components: name the services');
  if (unknown.length > 0)
    needs.push(
      `services not in the catalog: ${unknown.join(', ')} (from affected: ${affected.join(', ')}); map them to ids in data/slos/`,
    );

  const fileDay = /^(\d{4}-\d{2}-\d{2})-/.exec(fileName.replace(/^.*\//, ''))?.[1];
  const day = isoZ(started).slice(0, 10);
  if (fileDay !== undefined && fileDay !== day)
    needs.push(`the file name says ${fileDay} but date says ${day}: the date was used`);

  // cState posts are a series of status updates (*Investigating*, *Update*, …): a timeline.
  const updates = stripShortcodes(parsed.content).trim();
  needs.push('write the Summary and Contributing factors sections; the cState updates are under Timeline');

  const lines = [
    '---',
    `title: ${JSON.stringify(title)}`,
    'status: draft',
    `severity: ${severity}`,
    'visibility: public',
    `services: [${(services.length > 0 ? services : ['unknown']).join(', ')}]`,
    `started: ${isoZ(started)}`,
    ...(resolvedWhen !== undefined ? [`mitigated: ${isoZ(resolvedWhen)}`] : []),
    'authors: []',
    'trigger: unknown',
    'action_items: []',
    '---',
    '',
    `<!-- Imported from cState (${fileName.replace(/^.*\//, '')}). Before publishing: ${needs.join('; ')}. -->`,
    '',
    '## Summary',
    '',
    'To be written: what happened, in two or three sentences.',
    '',
    '## Timeline',
    '',
    updates || 'To be written.',
    '',
    '## Contributing factors',
    '',
    'To be written.',
  ];
  return {
    kind: 'converted',
    slug: `${day}-${slugify(title)}`,
    text: `${lines.join('\n').trimEnd()}\n`,
    needs,
  };
}
