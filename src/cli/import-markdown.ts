/** `npm run import -- markdown <dir>`: plain Markdown incident reports become postmortem drafts. */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readLedgerDefinitions } from '../ingest/load-ledger.ts';
import type { LedgerPaths } from '../ingest/ledger-paths.ts';
import { convertMarkdownReport } from '../ingest/markdown-import.ts';
import { CliError, EXIT } from './cli-error.ts';
import type { Effects } from './effects.ts';
import { writeDrafts } from './write-drafts.ts';

export async function importMarkdownReports(input: string, paths: LedgerPaths, fx: Effects): Promise<number> {
  const data = await readLedgerDefinitions(paths);
  if (data.settings === null)
    throw new CliError('data/ledger.yaml has errors; run npm run check to see them', EXIT.invalidInput);
  const settings = data.settings;
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
  await writeDrafts(
    {
      files,
      convert: (name, text) =>
        convertMarkdownReport(name, text, {
          timezone: settings.calendar.timezone,
          severities: settings.severities,
          knownServices: data.catalog.services.map((s) => s.id),
        }),
    },
    paths,
    fx,
  );
  return EXIT.ok;
}
