/**
 * `npm run import -- cstate <dir> --timezone <zone>`: converts cState incident files into
 * postmortem drafts under content/postmortems/, and lists what needs a human.
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isValidTimeZone } from '../domain/zoned-time.ts';
import { convertCstateIncident } from '../ingest/cstate-import.ts';
import { readLedgerDefinitions } from '../ingest/load-ledger.ts';
import { CliError, EXIT, usageError } from './cli-error.ts';
import type { Effects } from './effects.ts';
import { writeDrafts } from './write-drafts.ts';
import { parseCommandArgs, pathsFrom } from './options.ts';

export const HELP = `Usage: npm run import -- cstate <dir> --timezone <IANA zone>
       npm run import -- sloth|pyrra <file|dir> [--format native|openslo]
       npm run import -- markdown <dir>

sloth, pyrra: Sloth specs (prometheus/v1, and Sloth's OpenSLO v1alpha) and Pyrra
ServiceLevelObjectives become SLO files in data/slos/ (one per service; --format openslo writes
OpenSLO v1) whose SLIs name their Prometheus queries; npm run pull then fetches them. What cannot
be carried over (raw ratio SLIs, bool_gauge, alerting) is listed per SLO with the reason.

markdown: plain Markdown incident reports become draft postmortems (title from the first H1,
started from the file name's date or the first date in the text, sections by their headings).

Converts cState incident files (*.md with date, resolvedWhen, severity, affected) into draft
postmortems in content/postmortems/. cState times carry no zone: --timezone says which one they
were written in (e.g. UTC, Europe/Berlin). Existing files are never overwritten. Every draft
lists what a person must still check, in a comment at its top and on the terminal.`;

export async function runImport(args: string[], fx: Effects): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    timezone: { type: 'string' },
    format: { type: 'string' },
  });
  if (values.help) {
    fx.out(HELP);
    return EXIT.ok;
  }
  const [format, dir] = positionals;
  if (format === 'sloth' || format === 'pyrra' || format === 'markdown') {
    if (dir === undefined)
      throw usageError(
        `import ${format} needs a file or folder, e.g. npm run import -- ${format} ${format === 'markdown' ? '../incidents' : `${format}/slos.yaml`}`,
      );
    if (format === 'markdown')
      return (await import('./import-markdown.ts')).importMarkdownReports(dir, pathsFrom(values, fx), fx);
    const specs = await import('./import-slo-specs.ts');
    return specs.importSloSpecs(
      { tool: format, input: dir, format: specs.parseFormat(values.format) },
      pathsFrom(values, fx),
      fx,
    );
  }
  if (format !== 'cstate')
    throw usageError(
      format === undefined
        ? 'import needs a format: cstate, sloth, pyrra or markdown'
        : `cannot import "${format}": the supported formats are cstate, sloth, pyrra and markdown`,
    );
  if (dir === undefined)
    throw usageError(
      'import cstate needs the folder of cState incident files, e.g. npm run import -- cstate ../status/content/issues --timezone UTC',
    );
  const zone = typeof values.timezone === 'string' ? values.timezone : undefined;
  if (zone === undefined)
    throw usageError(
      'cState times have no zone: say which one they were written in with --timezone, e.g. --timezone UTC',
    );
  if (!isValidTimeZone(zone))
    throw usageError(
      `--timezone "${zone}" is not an IANA time zone (e.g. UTC, Europe/Berlin, America/New_York)`,
    );

  const paths = pathsFrom(values, fx);
  const data = await readLedgerDefinitions(paths);
  if (data.settings === null)
    throw new CliError('data/ledger.yaml has errors; run npm run check to see them', EXIT.invalidInput);
  const settings = data.settings;
  const source = resolve(fx.cwd, dir);
  let names: string[];
  try {
    names = (await readdir(source)).filter((n) => n.endsWith('.md')).sort();
  } catch {
    throw new CliError(`cannot read the folder ${dir}`, EXIT.usage);
  }
  await writeDrafts(
    {
      files: names.map((n) => join(source, n)),
      convert: (name, text) =>
        convertCstateIncident(name, text, {
          timezone: zone,
          severities: settings.severities,
          knownServices: data.catalog.services.map((s) => s.id),
        }),
    },
    paths,
    fx,
  );
  return EXIT.ok;
}
