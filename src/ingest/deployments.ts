/**
 * The deployment log, `data/deployments/**\/*.csv` (SPEC §8): one row per deployment with the
 * columns `id, service, deployed_at, committed_at, status` and an optional `kind`. Files are
 * streamed through csv-parse as plain arrays; every bad row becomes a Diagnostic at its line and
 * column and is left out, so one run lists every problem.
 */
import { createReadStream } from 'node:fs';
import { glob, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CsvError, parse } from 'csv-parse';
import {
  DEPLOYMENT_KINDS,
  DEPLOYMENT_STATUSES,
  type Deployment,
  type DeploymentKind,
  type DeploymentStatus,
} from '../domain/throughput.ts';
import { diagnoseInputFile } from './input-path.ts';
import { diagnose, type Diagnostic } from './diagnostic.ts';
import { editDistance, nearestName } from './nearest-name.ts';
import type { PostmortemFile } from './postmortem-files.ts';
import { parseSliTimestamp } from './sli/timestamp.ts';

export interface DeploymentLog {
  /** Valid rows of every file, in file order then line order. */
  deployments: Deployment[];
  diagnostics: Diagnostic[];
  files: number;
  rows: number;
}

/** Where each deployment id was first seen, for duplicates and for postmortem references. */
interface Seen {
  file: string;
  line: number;
}

const REQUIRED = ['id', 'service', 'deployed_at', 'committed_at', 'status'] as const;
const OPTIONAL = ['kind'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

/** Past this many problems a file's remaining ones are counted, not listed: they share a cause. */
const MAX_PROBLEMS_PER_FILE = 50;

/** Every CSV under `dir` (recursively), sorted; none when the folder does not exist. */
async function listDeploymentFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  try {
    for await (const rel of glob('**/*.csv', { cwd: dir })) out.push(join(dir, rel));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return out.sort();
}

/**
 * Reads every deployment file under `dir` (`data/deployments/`). `show` turns an absolute path
 * into the one printed; `services` are the catalog's service ids. A missing folder is no error:
 * the throughput measures are then absent.
 */
export async function readDeployments(
  dir: string,
  show: (abs: string) => string,
  services: readonly string[],
): Promise<DeploymentLog> {
  const log: DeploymentLog = { deployments: [], diagnostics: [], files: 0, rows: 0 };
  const seen = new Map<string, Seen>();
  for (const abs of await listDeploymentFiles(dir)) {
    const refusal = await diagnoseInputFile(dir, abs, show(abs));
    if (refusal !== null) {
      log.diagnostics.push(refusal);
      continue;
    }
    await readDeploymentCsv({ path: abs, display: show(abs) }, { services: new Set(services), seen }, log);
    log.files++;
  }
  return log;
}

/** One file, appended to `log`; `seen` spans files so a repeated id is found across them. */
export async function readDeploymentCsv(
  file: { path: string; display: string },
  ctx: { services: ReadonlySet<string>; seen: Map<string, Seen> },
  log: DeploymentLog,
): Promise<void> {
  const { path, display } = file;
  const problems: Diagnostic[] = [];
  let suppressed = 0;
  const report = (d: Diagnostic) => {
    if (problems.filter((p) => p.severity === 'error').length >= MAX_PROBLEMS_PER_FILE) suppressed++;
    else problems.push(d);
  };
  let columns: Map<Column, number> | null = null;
  let sawHeader = false;
  const input = createReadStream(path);
  const parser = input.pipe(
    parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }),
  );
  // pipe() does not pass the file's errors on (EISDIR, EACCES): without this they crash the process.
  input.on('error', (e) => parser.destroy(e));
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const line = info.lines;
      if (!sawHeader) {
        sawHeader = true;
        columns = bindHeader(record, display, line, report);
        if (columns === null) break;
        continue;
      }
      if (columns === null) break;
      log.rows++;
      const d = readRow(record, columns, { file: display, line }, ctx, report);
      if (d !== null) log.deployments.push(d);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      report(diagnose('file-unreadable', { file: display }, `${display} does not exist`));
    } else if (e instanceof CsvError) {
      const at = typeof e['lines'] === 'number' ? e['lines'] : 0;
      report(
        diagnose(
          'csv-syntax',
          { file: display, line: at, column: 1 },
          e.message.replace(/^Invalid Record Length: /, ''),
        ),
      );
    } else {
      report(diagnose('file-unreadable', { file: display }, (e as Error).message));
    }
  } finally {
    parser.destroy();
  }
  if (!sawHeader && problems.length === 0) {
    report(
      diagnose(
        'csv-empty',
        { file: display },
        `${display} is empty`,
        `a deployment log needs the header line ${REQUIRED.join(',')},kind and one row per deployment`,
      ),
    );
  }
  if (suppressed > 0) {
    problems.push(
      diagnose(
        'csv-too-many-problems',
        { file: display },
        `${suppressed} more problem${suppressed === 1 ? '' : 's'} in this file ${suppressed === 1 ? 'is' : 'are'} not listed`,
      ),
    );
  }
  log.diagnostics.push(...problems);
}

function bindHeader(
  header: string[],
  file: string,
  line: number,
  report: (d: Diagnostic) => void,
): Map<Column, number> | null {
  const names = header.map((h) => h.toLowerCase());
  const columns = new Map<Column, number>();
  for (const name of [...REQUIRED, ...OPTIONAL]) {
    const i = names.indexOf(name);
    if (i >= 0) columns.set(name, i);
  }
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length === 0) return columns;
  const list = header.map((h) => `"${h}"`).join(', ');
  for (const name of missing) {
    const near = nearestName(name, header);
    report(
      diagnose(
        'deployment-missing-column',
        { file, line, column: 1 },
        `the header has no column "${name}" (columns: ${list})`,
        near !== undefined ? `rename the column "${near}" to ${name}` : undefined,
      ),
    );
  }
  return null;
}

function readRow(
  record: string[],
  columns: Map<Column, number>,
  at: { file: string; line: number },
  ctx: { services: ReadonlySet<string>; seen: Map<string, Seen> },
  report: (d: Diagnostic) => void,
): Deployment | null {
  let ok = true;
  const field = (c: Column) => {
    const i = columns.get(c);
    return { text: i === undefined ? '' : (record[i] ?? ''), place: { ...at, column: (i ?? 0) + 1 } };
  };
  const required = (c: Column) => {
    const f = field(c);
    if (f.text === '') {
      ok = false;
      report(diagnose('deployment-missing-value', f.place, `${c} is empty`));
    }
    return f;
  };

  const id = required('id');
  const service = required('service');
  if (service.text !== '' && !ctx.services.has(service.text)) {
    ok = false;
    const near = nearestName(service.text, ctx.services);
    report(
      diagnose(
        'deployment-unknown-service',
        service.place,
        `service "${service.text}" is not in the SLO catalog (data/slos/)`,
        near !== undefined
          ? `did you mean ${near}?`
          : `use a service id from data/slos/ (${[...ctx.services].sort().join(', ')})`,
      ),
    );
  }

  const time = (c: 'deployed_at' | 'committed_at', optional: boolean): number | null => {
    const f = optional ? field(c) : required(c);
    if (f.text === '') return null;
    const t = parseSliTimestamp(f.text, null);
    if (t.ok) return t.ms;
    ok = false;
    report(
      t.reason === 'zoneless'
        ? diagnose(
            'deployment-bad-time',
            f.place,
            `${c} "${f.text}" has no time zone`,
            `add the offset the export was written in, e.g. ${f.text.replace(' ', 'T')}Z for UTC`,
          )
        : diagnose('deployment-bad-time', f.place, `${c} "${f.text}" is not a time`),
    );
    return null;
  };
  const deployedMs = time('deployed_at', false);
  // An empty committed_at is allowed: the deployment then has no lead time.
  const committedMs = time('committed_at', true);

  // A value from a closed list; an unknown one is reported with the nearest allowed value.
  const known = <T extends string>(
    f: { text: string; place: { file: string; line: number; column: number } },
    allowed: readonly T[],
    code: 'deployment-unknown-status' | 'deployment-unknown-kind',
    noun: string,
  ): T | undefined => {
    const value = oneOf(f.text, allowed);
    if (value === undefined) {
      ok = false;
      report(
        diagnose(
          code,
          f.place,
          `${noun} "${f.text}" is not one of ${allowed.join(', ')}`,
          suggestion(f.text, allowed, noun),
        ),
      );
    }
    return value;
  };
  const status = required('status');
  // An empty status is reported as missing.
  const statusValue =
    status.text === ''
      ? undefined
      : known(status, DEPLOYMENT_STATUSES, 'deployment-unknown-status', 'status');
  const kind = field('kind');
  const kindValue: DeploymentKind | undefined =
    kind.text === '' ? 'change' : known(kind, DEPLOYMENT_KINDS, 'deployment-unknown-kind', 'kind');

  if (id.text !== '') {
    const first = ctx.seen.get(id.text);
    if (first !== undefined) {
      ok = false;
      const where =
        first.file === at.file
          ? `lines ${first.line} and ${at.line}`
          : `${first.file}:${first.line} and line ${at.line}`;
      report(
        diagnose('deployment-duplicate-id', id.place, `deployment id ${id.text} appears twice: ${where}`),
      );
    } else {
      ctx.seen.set(id.text, at);
    }
  }

  if (deployedMs !== null && committedMs !== null && committedMs > deployedMs) {
    const c = field('committed_at');
    report(
      diagnose(
        'deployment-committed-after-deployed',
        c.place,
        `committed_at ${iso(committedMs)} is after deployed_at ${iso(deployedMs)}, so deployment ${id.text} has no lead time`,
      ),
    );
  }

  if (!ok || deployedMs === null || statusValue === undefined || kindValue === undefined) return null;
  return {
    id: id.text,
    service: service.text,
    deployedMs,
    committedMs,
    status: statusValue,
    kind: kindValue,
  };
}

function oneOf<T extends string>(text: string, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === text.toLowerCase());
}

/**
 * The allowed value closest to `text`, within half its length: a closed set of three words can
 * afford a looser match than ids can ("succeeded" → success, "failure" → failed).
 */
function suggestion(text: string, allowed: readonly string[], noun: string): string {
  const ranked = allowed
    .map((a) => ({ a, d: editDistance(text.toLowerCase(), a) }))
    .sort((x, y) => x.d - y.d);
  const near = ranked[0] !== undefined && ranked[0].d <= Math.ceil(text.length / 2) ? ranked[0].a : undefined;
  return `${near !== undefined ? `write ${near}; ` : ''}${noun} is one of ${allowed.join(' | ')}`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/**
 * Postmortems that name a deployment the log does not have (SPEC §7 `deployment`). A warning,
 * not an error: the log may start after the incident. Skipped when the log is empty or absent.
 * `cwd` is what the postmortems' printed paths are relative to.
 */
export async function diagnoseDeploymentReferences(
  postmortems: readonly PostmortemFile[],
  deployments: readonly Deployment[],
  cwd: string,
): Promise<Diagnostic[]> {
  if (deployments.length === 0) return [];
  const ids = new Set(deployments.map((d) => d.id));
  const out: Diagnostic[] = [];
  for (const pm of postmortems) {
    const ref = pm.postmortem.deployment;
    if (ref === undefined || ids.has(ref)) continue;
    const line = await lineOfKey(resolve(cwd, pm.file), 'deployment');
    const near = nearestName(ref, ids);
    out.push(
      diagnose(
        'postmortem-unknown-deployment',
        { file: pm.file, line, column: 1 },
        `deployment "${ref}" is not in the deployment log (data/deployments/)`,
        near !== undefined ? `did you mean ${near}?` : undefined,
      ),
    );
  }
  return out;
}

/** The 1-based line of a top-level front matter key; 0 when it cannot be found. */
async function lineOfKey(path: string, key: string): Promise<number> {
  try {
    const lines = (await readFile(path, 'utf8')).split(/\r?\n/);
    const i = lines.findIndex((l) => l.startsWith(`${key}:`));
    return i + 1;
  } catch {
    return 0;
  }
}

export type { Deployment, DeploymentKind, DeploymentStatus };
