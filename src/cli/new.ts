/**
 * `npm run new -- postmortem "<title>"` and `npm run new -- review <quarter>`: scaffolds with every
 * field, never overwriting an existing file (SPEC §12).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseQuarterId } from '../domain/quarter.ts';
import { readLedgerDefinitions } from '../ingest/load-ledger.ts';
import { displayPath } from '../ingest/ledger-paths.ts';
import { CliError, EXIT, usageError } from './cli-error.ts';
import type { Effects } from './effects.ts';
import { parseCommandArgs, pathsFrom } from './options.ts';
import { slugify } from '../ingest/slug.ts';
import { renderPostmortemTemplate } from './postmortem-template.ts';
import { renderReviewTemplate } from './review-template.ts';

export const HELP = `Usage:
  npm run new -- postmortem "<title>"   writes content/postmortems/<today>-<slug>.md as a draft
  npm run new -- review <quarter>       writes content/reviews/<quarter>.mdx, e.g. 2026-Q3

Existing files are never overwritten.`;

export async function runNew(args: string[], fx: Effects): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {});
  if (values.help) {
    fx.out(HELP);
    return EXIT.ok;
  }
  const [kind, name] = positionals;
  const paths = pathsFrom(values, fx);
  const data = await readLedgerDefinitions(paths);
  if (data.settings === null)
    throw new CliError('data/ledger.yaml has errors; run npm run check to see them', EXIT.invalidInput);
  const nowIso = new Date(Math.floor(fx.now() / 60_000) * 60_000).toISOString().replace(/:00\.000Z$/, ':00Z');

  if (kind === 'postmortem') {
    if (!name?.trim())
      throw usageError(
        'new postmortem needs a title, e.g. npm run new -- postmortem "Checkout errors after certificate rotation"',
      );
    const slug = slugify(name);
    if (slug === '')
      throw usageError(`the title "${name}" has no letters or digits to make a file name from`);
    const day = nowIso.slice(0, 10);
    const file = join(paths.contentDir, 'postmortems', `${day}-${slug}.md`);
    const text = renderPostmortemTemplate({
      title: name.trim(),
      startedIso: nowIso,
      dueDay: new Date(fx.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      severities: data.settings.severities,
      services: data.catalog.services.map((s) => s.id),
      slos: data.catalog.entries.map((e) => e.slo.id),
    });
    await writeNew(file, text, displayPath(paths, file));
    fx.out(displayPath(paths, file));
    fx.err('new: wrote a draft postmortem; fill in the times and sections, then run npm run check');
    return EXIT.ok;
  }
  if (kind === 'review') {
    const q = name === undefined ? undefined : parseQuarterId(name, data.settings.calendar);
    if (q === undefined)
      throw usageError(
        `new review needs a quarter id such as ${data.settings.calendar.fiscalYearStartMonth === 1 ? '2026-Q3' : 'FY2027-Q1'}${name ? `, not "${name}"` : ''}`,
      );
    const file = join(paths.contentDir, 'reviews', `${q.slug}.mdx`);
    await writeNew(file, renderReviewTemplate(q.id, q.label), displayPath(paths, file));
    fx.out(displayPath(paths, file));
    return EXIT.ok;
  }
  throw usageError(
    kind === undefined
      ? 'new needs what to create: postmortem or review'
      : `cannot create "${kind}": choose postmortem or review`,
  );
}

async function writeNew(file: string, text: string, shown: string): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  try {
    await writeFile(file, text, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      throw new CliError(
        `${shown} already exists; it was left as it was. Choose another title, or edit that file.`,
        EXIT.usage,
      );
    throw e;
  }
}
