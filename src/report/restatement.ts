/**
 * The restatement check (SPEC §10): a closed quarter, recomputed from today's inputs, must publish
 * the same figures as its latest revision. This module compares two reports and writes the
 * message; the build decides to stop.
 *
 * Compared: every field of the review JSON, deeply, arrays of objects keyed by their `id` (or
 * `date`, `month`) rather than by position. Numbers are compared exactly: the same inputs give the
 * same floats, and JSON keeps every digit of a double, so any difference is a real one.
 *
 * Not published figures, and so not compared — they are expected to move after a quarter closes,
 * and the site keeps showing them as they were at the latest revision:
 * - `asOf` and `revision`: when the data ended and which revision this is, not figures;
 * - action item counts (`actionItems`, `services[].actionItems`, `incidents[].actionItems`): the
 *   follow-up goes on after the quarter, and "overdue" moves with every day of data;
 * - wording and people: `incidents[].title`, `.impact` and `.status` (in review → final), `slos[].name`,
 *   `.owner`, `.team`, `.policyText`, `services[].owner`, `.team`.
 * Changing one of these never fails a build; `npm run close -- <q> --amend` publishes them.
 */
import type { QuarterReport } from './quarter-report.ts';

export interface FigureChange {
  /** `slos[checkout-availability].attainment`. */
  path: string;
  /** undefined when the element was added. */
  published: unknown;
  /** undefined when the element was removed. */
  recomputed: unknown;
}

const NOT_FIGURES: Record<string, readonly string[]> = {
  '': ['asOf', 'revision', 'actionItems'],
  'slos[]': ['name', 'owner', 'team', 'policyText'],
  'incidents[]': ['title', 'impact', 'status', 'actionItems'],
  'services[]': ['owner', 'team', 'actionItems'],
};

const KEY_FIELDS = ['id', 'date', 'month'] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The field that identifies each element of an array of objects, when every element has a unique one. */
function keyField(a: readonly unknown[], b: readonly unknown[]): string | null {
  const all = [...a, ...b];
  if (all.length === 0 || !all.every(isRecord)) return null;
  for (const k of KEY_FIELDS) {
    const ok = (list: readonly unknown[]) => {
      const keys = list.map((x) => (x as Record<string, unknown>)[k]);
      return keys.every((x) => typeof x === 'string') && new Set(keys).size === keys.length;
    };
    if (ok(a) && ok(b)) return k;
  }
  return null;
}

function same(a: unknown, b: unknown): boolean {
  // `===` so that 0 and -0 agree (JSON writes both as 0); null and undefined do not.
  return a === b;
}

/**
 * Every published figure that differs, in report order. `scope` names the array an object sits in
 * (`slos[]`), to look up the fields that are not figures there.
 */
export function diffQuarterReports(published: QuarterReport, recomputed: QuarterReport): FigureChange[] {
  const changes: FigureChange[] = [];
  const walk = (a: unknown, b: unknown, path: string, scope: string) => {
    if (isRecord(a) && isRecord(b)) {
      const skip = NOT_FIGURES[scope] ?? [];
      const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
      for (const k of keys) {
        if (skip.includes(k)) continue;
        walk(a[k], b[k], path === '' ? k : `${path}.${k}`, scope === '' && path === '' ? k : `${scope}.${k}`);
      }
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      const key = keyField(a, b);
      const elementScope = `${path}[]`;
      if (key === null) {
        for (let i = 0; i < Math.max(a.length, b.length); i++)
          walk(a[i], b[i], `${path}[${i}]`, elementScope);
        return;
      }
      const byKey = (list: unknown[]) =>
        new Map(list.map((x) => [(x as Record<string, string>)[key] as string, x]));
      const old = byKey(a);
      const now = byKey(b);
      for (const [k, x] of old) walk(x, now.get(k), `${path}[${k}]`, elementScope);
      for (const [k, x] of now) if (!old.has(k)) walk(undefined, x, `${path}[${k}]`, elementScope);
      return;
    }
    if (a === undefined && b === undefined) return;
    if (!same(a, b)) changes.push({ path, published: a, recomputed: b });
  };
  walk(published, recomputed, '', '');
  return changes;
}

function show(v: unknown): string {
  if (v === undefined) return '(none)';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v) || isRecord(v)) return '{…}';
  return JSON.stringify(v);
}

/** `slos[checkout-availability].attainment: 0.99888 → 0.99901`; whole elements as added or removed. */
export function formatFigureChange(c: FigureChange): string {
  if (c.published === undefined && (isRecord(c.recomputed) || Array.isArray(c.recomputed)))
    return `${c.path}: added`;
  if (c.recomputed === undefined && (isRecord(c.published) || Array.isArray(c.published)))
    return `${c.path}: removed`;
  return `${c.path}: ${show(c.published)} → ${show(c.recomputed)}`;
}

export interface InputChange {
  key: string;
  change: 'changed' | 'added' | 'removed';
}

/** Input files whose sha256 differs between a revision and now, in key order. */
export function diffInputs(
  published: Readonly<Record<string, string>>,
  current: Readonly<Record<string, string>>,
): InputChange[] {
  const keys = [...new Set([...Object.keys(published), ...Object.keys(current)])].sort();
  const out: InputChange[] = [];
  for (const key of keys) {
    const a = published[key];
    const b = current[key];
    if (a === b) continue;
    out.push({ key, change: a === undefined ? 'added' : b === undefined ? 'removed' : 'changed' });
  }
  return out;
}

export interface Restatement {
  quarter: string;
  /** The latest published revision. */
  revision: number;
  /** Its data as-of, to say which revision the files are compared against. */
  publishedAsOf: string;
  figures: FigureChange[];
  inputs: InputChange[];
  publishedToolVersion: string;
  toolVersion: string;
  /** The input key shown as the user would type the path (`--data` elsewhere). */
  displayKey?: (key: string) => string;
  /** Options to repeat in the suggested command, e.g. `--data other/data`. */
  commandOptions?: string;
  /** The snapshot file as the user would type it, e.g. data/snapshots/2026-q2.json. */
  snapshotFile?: string;
  /** Whether the snapshot's digests matched, so that it cannot have been edited by hand. */
  snapshotVerified?: boolean;
}

/** At most this many figures per quarter: past it, the list stops being read. */
export const MAX_LISTED_FIGURES = 12;

/**
 * The changes as lines: headline figures first, at most MAX_LISTED_FIGURES of them; the chart
 * series follow from those, so each series is one line with its count.
 */
export function figureLines(figures: readonly FigureChange[]): string[] {
  const lines: string[] = [];
  const inSeries = (c: FigureChange) => /\.series[.[]/.test(c.path);
  const headline = figures.filter((c) => !inSeries(c));
  for (const c of headline.slice(0, MAX_LISTED_FIGURES)) lines.push(formatFigureChange(c));
  if (headline.length > MAX_LISTED_FIGURES) lines.push(`… and ${headline.length - MAX_LISTED_FIGURES} more`);
  const series = new Map<string, number>();
  for (const c of figures.filter(inSeries)) {
    const owner = c.path.slice(0, c.path.search(/\.series[.[]/) + '.series'.length);
    series.set(owner, (series.get(owner) ?? 0) + 1);
  }
  for (const [path, count] of series)
    lines.push(`${path}: ${count} value${count === 1 ? '' : 's'} of the daily and monthly series`);
  return lines;
}

/** The message a user sees when a build would restate a closed quarter. */
export function formatRestatement(r: Restatement): string {
  const lines: string[] = [];
  const n = r.figures.length;
  lines.push(
    `${r.quarter} is closed (revision ${r.revision}), and ${n} published figure${n === 1 ? '' : 's'} would change:`,
  );
  for (const line of figureLines(r.figures)) lines.push(`  ${line}`);
  const display = r.displayKey ?? ((k: string) => k);
  if (r.inputs.length > 0) {
    lines.push(`Input files changed since revision ${r.revision} (data as of ${r.publishedAsOf}):`);
    for (const f of r.inputs) lines.push(`  ${display(f.key)} (${f.change})`);
  } else {
    const file = r.snapshotFile ?? 'the snapshot';
    lines.push(
      r.snapshotVerified
        ? `No input file changed since revision ${r.revision}, and ${file} matches its digest: the computation did.`
        : `No input file changed since revision ${r.revision}: either the computation did, or ${file} was edited by hand (it was written before snapshots carried a digest, so the tool cannot tell).`,
    );
  }
  if (r.publishedToolVersion !== r.toolVersion) {
    lines.push(
      `Revision ${r.revision} was computed by version ${r.publishedToolVersion} of the tool; this is version ${r.toolVersion}.`,
    );
  }
  lines.push(
    `If this is a correction, publish it as revision ${r.revision + 1} (revision ${r.revision} stays readable):`,
  );
  lines.push(
    `  npm run close -- ${r.quarter} --amend --note "why the figures changed"${r.commandOptions ? ` ${r.commandOptions}` : ''}`,
  );
  lines.push(
    r.inputs.length > 0
      ? 'If it is not, restore the files listed above.'
      : r.snapshotVerified
        ? 'If it is not, the change in the tool needs fixing before the site is published.'
        : `If it is not, restore ${r.snapshotFile ?? 'the snapshot'} from version control, or fix the change in the tool.`,
  );
  return lines.join('\n');
}
