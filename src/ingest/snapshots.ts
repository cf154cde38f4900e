/**
 * `data/snapshots/<quarter>.json`: closed quarters (SPEC §10), written by `npm run close` and read
 * by every build. A hand-edited or truncated snapshot is a diagnostic naming the file and the
 * field, never a crash. The report inside is checked for what the build relies on (its quarter and
 * the ids it is keyed by); the rest is the review JSON as the tool wrote it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Calendar } from '../domain/calendar.ts';
import { parseQuarterId } from '../domain/quarter.ts';
import { diagnoseInputFile } from './input-path.ts';
import { diagnose, type Diagnostic } from './diagnostic.ts';

const withId = z.looseObject({ id: z.string() });

const revisionSchema = z.strictObject({
  /** 1 for the first publication, then 2, 3, … */
  revision: z.number().int().positive(),
  /** Why this revision was published, e.g. "Corrected checkout export of 12 May". */
  note: z.string(),
  /** package.json version of the tool that computed it, e.g. "0.1.0". */
  toolVersion: z.string().min(1),
  /** The data's as-of time when it was published, e.g. "2026-07-01T00:00:00.000Z". */
  asOf: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 time'),
  /** sha256 (64 hex digits) of every input file that contributed, by path. */
  inputs: z.record(
    z.string(),
    z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in hex (64 digits 0-9a-f)'),
  ),
  /** sha256 of the revision's JSON without this field; absent in snapshots written before it. */
  digest: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be a sha256 in hex (64 digits 0-9a-f)')
    .optional(),
  /** The review JSON of SPEC §11. */
  report: z.looseObject({
    quarter: z.string(),
    slug: z.string(),
    slos: z.array(withId),
    incidents: z.array(withId),
    services: z.array(withId),
  }),
});

const snapshotSchema = z.strictObject({
  /** The quarter id, e.g. "2026-Q2"; the file is named by its slug, 2026-q2.json. */
  quarter: z.string(),
  revisions: z.array(revisionSchema).min(1),
});

/**
 * The review JSON inside a revision, as far as ingest knows it: the schema above checks the ids
 * the build relies on; src/report/snapshot.ts types the rest.
 */
export interface StoredReport {
  quarter: string;
  slug: string;
}

/** One published revision of a closed quarter; `R` is the review JSON's type. */
export interface StoredRevision<R = StoredReport> {
  /** 1, 2, …: the order of publication. */
  revision: number;
  /** Why this revision was published ("Corrected export of 12 May"); may be empty for revision 1. */
  note: string;
  /** The `version` of package.json that computed the report. */
  toolVersion: string;
  /**
   * The as-of time of the data when the revision was published — never the wall clock, so that
   * closing the same inputs twice writes the same file.
   */
  asOf: string;
  /** sha256 of each input file that contributed, by key (`data/sli/checkout.csv`). */
  inputs: Record<string, string>;
  /** The review JSON (SPEC §11) as published, with `revision` set. */
  report: R;
  /**
   * sha256 of this revision's own JSON without this field (revisionDigest), so that a hand edit is
   * told apart from a changed computation. Absent in snapshots written before it existed: those
   * are read as unverified.
   */
  digest?: string;
}

/** A snapshot file: every published revision of one quarter's review, oldest first. */
export interface StoredSnapshot<R = StoredReport> {
  quarter: string;
  revisions: StoredRevision<R>[];
}

const HINT =
  'snapshots are written by npm run close; restore the file from version control (git checkout -- <file>) rather than editing it';

function zodPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/** One snapshot file's text, validated: `file` is the path shown in messages. */
export function parseSnapshot(
  source: { file: string; fileName: string; text: string },
  cal: Calendar,
): { snapshot: StoredSnapshot | null; diagnostics: Diagnostic[] } {
  const { file, fileName, text } = source;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return {
      snapshot: null,
      diagnostics: [diagnose('schema', { file }, `not valid JSON: ${(e as Error).message}`, HINT)],
    };
  }
  const parsed = snapshotSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      snapshot: null,
      diagnostics: parsed.error.issues.map((i) =>
        diagnose('schema', { file }, `${zodPath(i.path) || 'the file'}: ${i.message}`, HINT),
      ),
    };
  }
  const s = parsed.data;
  const problems: string[] = [];
  const q = parseQuarterId(s.quarter, cal);
  if (q === undefined) problems.push(`quarter: "${s.quarter}" is not a quarter id of this ledger's calendar`);
  else if (`${q.slug}.json` !== fileName.toLowerCase())
    problems.push(`quarter: "${s.quarter}" belongs in ${q.slug}.json, not ${fileName}`);
  s.revisions.forEach((r, i) => {
    if (r.revision !== i + 1)
      problems.push(
        `revisions[${i}].revision: ${r.revision}, but revisions are numbered 1, 2, … in order, so this one is ${i + 1}`,
      );
    if (r.report.quarter !== s.quarter)
      problems.push(
        `revisions[${i}].report.quarter: "${r.report.quarter}", but the snapshot is of ${s.quarter}`,
      );
  });
  if (problems.length > 0)
    return { snapshot: null, diagnostics: problems.map((p) => diagnose('schema', { file }, p, HINT)) };
  const edited = (raw as { revisions: Record<string, unknown>[] }).revisions.flatMap((r, i) =>
    typeof r['digest'] === 'string' && r['digest'] !== revisionDigest(r) ? [i] : [],
  );
  if (edited.length > 0)
    return {
      snapshot: null,
      diagnostics: edited.map((i) =>
        diagnose(
          'snapshot-edited',
          { file, line: lineOfRevision(text, i), column: 1 },
          `revision ${i + 1} was edited after npm run close wrote it: its content no longer matches its digest`,
        ),
      ),
    };
  // Validated, but kept as written (zod would reorder keys): an amendment rewrites the earlier
  // revisions byte for byte. The report was checked for what the build relies on; the rest is
  // the tool's own output.
  const written = raw as { revisions: StoredRevision[] };
  const snapshot: StoredSnapshot = { quarter: q?.id ?? s.quarter, revisions: written.revisions };
  return { snapshot, diagnostics: [] };
}

/** Every `*.json` in the snapshots folder, by quarter id; a missing folder means none is closed. */
export async function readSnapshots(
  dir: string,
  display: string,
  cal: Calendar,
): Promise<{ snapshots: Map<string, StoredSnapshot>; diagnostics: Diagnostic[] }> {
  const snapshots = new Map<string, StoredSnapshot>();
  const diagnostics: Diagnostic[] = [];
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.json$/i.test(n) && !n.startsWith('.')).sort();
  } catch {
    return { snapshots, diagnostics };
  }
  for (const name of names) {
    const file = `${display}/${name}`;
    const refusal = await diagnoseInputFile(dir, join(dir, name), file);
    if (refusal !== null) {
      diagnostics.push(refusal);
      continue;
    }
    const read = parseSnapshot({ file, fileName: name, text: await readFile(join(dir, name), 'utf8') }, cal);
    diagnostics.push(...read.diagnostics);
    if (read.snapshot) snapshots.set(read.snapshot.quarter, read.snapshot);
  }
  return { snapshots, diagnostics };
}

/**
 * sha256 of a revision's JSON as written, without its `digest`: JSON.parse keeps the key order and
 * every digit of a double, so the tool's own file always matches and any edit does not.
 */
export function revisionDigest(revision: Record<string, unknown>): string {
  const { digest: _, ...rest } = revision;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

/** Whether every revision of the snapshot carries a digest (and so was checked on reading). */
export function isVerifiedSnapshot(snapshot: StoredSnapshot<unknown>): boolean {
  return snapshot.revisions.every((r) => typeof r.digest === 'string');
}

/** The line of the `"revision": n` of the i-th revision, for messages; 1 when not found. */
function lineOfRevision(text: string, index: number): number {
  const at = [...text.matchAll(/"revision":\s*\d+/g)][index]?.index;
  return at === undefined ? 1 : text.slice(0, at).split('\n').length;
}

export function snapshotFileName(quarterSlug: string): string {
  return `${quarterSlug}.json`;
}

/**
 * Writes a snapshot so that a reader sees the old file or the new one, never half of either: the
 * text goes to a temporary file in the same folder, which then replaces the old one by rename.
 */
export async function writeSnapshot(
  dir: string,
  quarterSlug: string,
  snapshot: StoredSnapshot<unknown>,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, snapshotFileName(quarterSlug));
  const temp = join(dir, `.${snapshotFileName(quarterSlug)}.${process.pid}.tmp`);
  try {
    // The new revision (the last) gets its digest; earlier ones are kept byte for byte.
    const revisions = snapshot.revisions.map((r, i) =>
      i === snapshot.revisions.length - 1 && r.digest === undefined
        ? { ...r, digest: revisionDigest(r as unknown as Record<string, unknown>) }
        : r,
    );
    await writeFile(temp, `${JSON.stringify({ ...snapshot, revisions }, null, 2)}\n`);
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  return file;
}
