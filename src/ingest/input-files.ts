/**
 * The files a ledger is built from, and their sha256. A closed quarter records the hashes of the
 * files that contributed to it, so that a later restatement can name the files that changed
 * (SPEC §10); the site's footer shows a short digest of them all.
 *
 * Files are named by a stable key, `data/…` or `content/…`, whatever `--data` and `--content`
 * point at: the same inputs in another folder have the same keys and the same hashes.
 */
import { compareText } from '../domain/compare-text.ts';
import { createHash } from 'node:crypto';
import { glob, readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { checkInputFile, checkInputReference } from './input-path.ts';
import type { LedgerPaths } from './ledger-paths.ts';
import { postmortemSlug } from './postmortem-files.ts';
import type { Catalog } from './catalog/model.ts';

export interface InputFile {
  /** `data/sli/checkout.csv`, `content/postmortems/2026-08-14-x.md`. */
  key: string;
  absolute: string;
}

export interface LedgerFiles {
  /** Settings, SLO catalog, SLI exports, exclusions and deployments: every quarter reads them. */
  shared: InputFile[];
  /** Postmortems by slug (their file name), since a quarter only reads the ones that touch it. */
  postmortems: Map<string, InputFile>;
  /** Review narratives and snapshots: inputs of the site, not of any figure. */
  site: InputFile[];
}

async function listFiles(
  dir: string,
  keep: (name: string) => boolean,
  recursive: boolean,
): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true, recursive });
    return entries
      .filter((e) => e.isFile() && keep(e.name))
      .map((e) => join(e.parentPath, e.name))
      .sort();
  } catch {
    return [];
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Every input file of the ledger, as ingest reads them (the same globs and the same skips). */
export async function listLedgerFiles(paths: LedgerPaths, catalog: Catalog): Promise<LedgerFiles> {
  const data = (abs: string): InputFile => ({
    key: `data/${relative(paths.dataDir, abs).replace(/\\/g, '/')}`,
    absolute: abs,
  });
  const content = (abs: string): InputFile => ({
    key: `content/${relative(paths.contentDir, abs).replace(/\\/g, '/')}`,
    absolute: abs,
  });

  const shared = new Map<string, InputFile>();
  const add = (f: InputFile) => shared.set(f.key, f);
  for (const name of ['ledger.yaml', 'exclusions.yaml']) {
    const abs = join(paths.dataDir, name);
    if (await exists(abs)) add(data(abs));
  }
  for (const abs of await listFiles(join(paths.dataDir, 'slos'), (n) => /\.ya?ml$/.test(n), false))
    add(data(abs));
  for (const entry of catalog.entries) {
    for (const abs of (await expandSource(paths.dataDir, entry.sli.source)).files)
      if (await exists(abs)) add(data(abs));
  }
  for (const abs of await listFiles(join(paths.dataDir, 'deployments'), (n) => /\.csv$/i.test(n), true))
    add(data(abs));

  // The same files readPostmortems reads: *.md and *.mdx at any depth, `_`-prefixed ones skipped.
  const postmortems = new Map<string, InputFile>();
  for (const abs of await listFiles(
    join(paths.contentDir, 'postmortems'),
    (n) => /\.mdx?$/i.test(n) && !n.startsWith('_'),
    true,
  )) {
    postmortems.set(postmortemSlug(abs), content(abs));
  }
  const site = [
    ...(await listFiles(join(paths.contentDir, 'reviews'), (n) => /\.mdx?$/i.test(n), false)).map(content),
    ...(await listFiles(join(paths.dataDir, 'snapshots'), (n) => /\.json$/i.test(n), false)).map(data),
  ];
  return { shared: [...shared.values()].sort((a, b) => compareText(a.key, b.key)), postmortems, site };
}

/**
 * A plain path, or a glob when it contains `*`, `?` or `[`; absolute paths, sorted. Only files
 * inside the data folder (input-path.ts): `refused` says why a reference or a match was not.
 */
export async function expandSource(
  dataDir: string,
  source: string,
): Promise<{ files: string[]; refused: string | null }> {
  const written = checkInputReference(dataDir, source.replace(/[*?[]/g, '_'));
  if (!written.ok) return { files: [], refused: written.reason };
  if (!/[*?[]/.test(source)) {
    const file = checkInputReference(dataDir, source);
    return file.ok ? { files: [join(dataDir, source)], refused: null } : { files: [], refused: file.reason };
  }
  const out: string[] = [];
  let refused: string | null = null;
  for await (const rel of glob(source, { cwd: dataDir })) {
    const abs = join(dataDir, rel);
    const check = checkInputFile(dataDir, abs);
    if (check.ok) out.push(abs);
    else refused ??= `matches ${rel}, which ${check.reason}`;
  }
  return { files: out.sort(), refused };
}

/** sha256 of each file's bytes, by key, in key order. */
export async function hashInputFiles(files: Iterable<InputFile>): Promise<Record<string, string>> {
  const sorted = [...files].sort((a, b) => compareText(a.key, b.key));
  const out: Record<string, string> = {};
  for (const f of sorted)
    out[f.key] = createHash('sha256')
      .update(await readFile(f.absolute))
      .digest('hex');
  return out;
}
