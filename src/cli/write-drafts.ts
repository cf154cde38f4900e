/**
 * What every postmortem importer does with its drafts: write each new one under
 * content/postmortems/ (never over an existing file), print what a person must still check, and
 * end with one summary line.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { displayPath, type LedgerPaths } from '../ingest/ledger-paths.ts';
import type { Effects } from './effects.ts';

export type DraftResult =
  { kind: 'skipped'; reason: string } | { kind: 'converted'; slug: string; text: string; needs: string[] };

export async function writeDrafts(
  drafts: { files: readonly string[]; convert: (name: string, text: string) => DraftResult },
  paths: LedgerPaths,
  fx: Effects,
): Promise<void> {
  const { files, convert } = drafts;
  const outDir = join(paths.contentDir, 'postmortems');
  await mkdir(outDir, { recursive: true });
  let written = 0;
  for (const path of files) {
    const name = basename(path);
    const result = convert(name, await readFile(path, 'utf8'));
    if (result.kind === 'skipped') {
      fx.err(`skipped ${name}: ${result.reason}`);
      continue;
    }
    const file = join(outDir, `${result.slug}.md`);
    try {
      await writeFile(file, result.text, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      fx.err(`skipped ${name}: ${displayPath(paths, file)} already exists`);
      continue;
    }
    written++;
    fx.out(`${displayPath(paths, file)} (from ${name})`);
    for (const need of result.needs) fx.out(`  needs a human: ${need}`);
  }
  fx.err(
    `import: ${written} draft${written === 1 ? '' : 's'} written from ${files.length} file${files.length === 1 ? '' : 's'}; run npm run check next`,
  );
}
