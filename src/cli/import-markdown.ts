/** `npm run import -- markdown <dir>`: plain Markdown incident reports become postmortem drafts. */
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { readLedgerDefinitions } from '../ingest/load-ledger.ts';
import { displayPath, type LedgerPaths } from '../ingest/ledger-paths.ts';
import { convertMarkdownReport } from '../ingest/markdown-import.ts';
import { CliError, EXIT } from './cli-error.ts';
import type { Effects } from './effects.ts';

export async function importMarkdownReports(input: string, paths: LedgerPaths, fx: Effects): Promise<number> {
  const data = await readLedgerDefinitions(paths);
  if (data.settings === null)
    throw new CliError('data/ledger.yaml has errors; run npm run check to see them', EXIT.invalidInput);
  const source = resolve(fx.cwd, input);
  let files: string[];
  try {
    files = (await stat(source)).isDirectory()
      ? (await readdir(source))
          .filter((n) => n.endsWith('.md'))
          .sort()
          .map((n) => join(source, n))
      : [source];
  } catch {
    throw new CliError(`cannot read ${input}`, EXIT.usage);
  }
  const outDir = join(paths.contentDir, 'postmortems');
  await mkdir(outDir, { recursive: true });
  let written = 0;
  for (const path of files) {
    const name = basename(path);
    const result = convertMarkdownReport(name, await readFile(path, 'utf8'), {
      timezone: data.settings.calendar.timezone,
      severities: data.settings.severities,
      knownServices: data.catalog.services.map((s) => s.id),
    });
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
  return EXIT.ok;
}
