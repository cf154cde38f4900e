/**
 * `npm run import -- sloth|pyrra <file|dir> [--format openslo]`: Sloth and Pyrra specs become SLO
 * files in data/slos/ whose SLIs name Prometheus queries, ready for `npm run pull`. What cannot be
 * carried over is listed per SLO with the reason.
 */
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { formatDiagnostic } from '../ingest/diagnostic.ts';
import { displayPath, type LedgerPaths } from '../ingest/ledger-paths.ts';
import { readSloCatalog } from '../ingest/catalog/read.ts';
import {
  addToService,
  type ImportNote,
  type ImportRead,
  type ImportedService,
} from '../ingest/slo-import/imported-slo.ts';
import { readPyrraSource } from '../ingest/slo-import/pyrra-spec.ts';
import { writeSloFile, type SloFileFormat } from '../ingest/slo-import/slo-file-writer.ts';
import { readSlothSource } from '../ingest/slo-import/sloth-spec.ts';
import { parseYamlSource } from '../ingest/yaml-source.ts';
import { CliError, EXIT, usageError } from './cli-error.ts';
import type { Effects } from './effects.ts';

export type SpecTool = 'sloth' | 'pyrra';

async function specFiles(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  return (await readdir(path, { recursive: true }))
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => join(path, n));
}

export async function importSloSpecs(
  spec: { tool: SpecTool; input: string; format: SloFileFormat },
  paths: LedgerPaths,
  fx: Effects,
): Promise<number> {
  const { tool, input, format } = spec;
  const source = resolve(fx.cwd, input);
  let files: string[];
  try {
    files = await specFiles(source);
  } catch {
    throw new CliError(`cannot read ${input}`, EXIT.usage);
  }
  const read: ImportRead = { services: [], notes: [] };
  let syntaxErrors = 0;
  for (const file of files) {
    const shown = displayPath(paths, file);
    const parsed = parseYamlSource(shown, await readFile(file, 'utf8'));
    for (const d of parsed.diagnostics) fx.err(formatDiagnostic(d));
    if (parsed.diagnostics.length > 0) {
      syntaxErrors++;
      continue;
    }
    const r = tool === 'sloth' ? readSlothSource(parsed.source) : readPyrraSource(parsed.source);
    for (const s of r.services) addToService(read.services, s);
    read.notes.push(...r.notes);
  }

  const slosDir = join(paths.dataDir, 'slos');
  const existing = await readSloCatalog(slosDir, displayPath(paths, slosDir));
  const taken = new Set(existing.catalog.entries.map((e) => e.slo.id));
  const takenServices = new Set(existing.catalog.services.map((s) => s.id));
  for (const service of read.services) {
    service.slos = service.slos.filter((s) => {
      if (!taken.has(s.id)) {
        taken.add(s.id);
        return true;
      }
      read.notes.push({
        file: s.file,
        line: s.line,
        slo: s.id,
        dropped: true,
        text: `the SLO id ${s.id} is already in data/slos/ (or twice in this import)`,
      });
      return false;
    });
  }

  // Files that were not this tool's spec: say so once, with the other importer.
  const other = tool === 'sloth' ? 'pyrra' : 'sloth';
  for (const n of read.notes.filter((n) => n.slo === null && n.dropped)) {
    fx.err(
      `${n.file}:${n.line}: skipped: ${n.text}${/not a (Sloth|Pyrra)/.test(n.text) ? ` (try npm run import -- ${other})` : ''}`,
    );
  }
  await mkdir(slosDir, { recursive: true });
  let written = 0;
  let imported = 0;
  for (const service of read.services) {
    if (service.slos.length === 0) continue;
    const ids = new Set(service.slos.map((s) => s.id));
    const mine = new Set(service.slos.map((s) => `${s.file}\u0000${s.id}`));
    const kept = read.notes.filter((n) => !n.dropped && mine.has(`${n.file}\u0000${n.slo}`));
    const needs = [
      ...(service.owner === null
        ? [`no owner label: write the accountable person in owner (it says unassigned, and check warns)`]
        : []),
      ...(service.team === null ? [`no team label: write the responsible team in team`] : []),
      ...kept.map((n) => `${n.slo}: ${n.text}`),
      `run npm run pull to write ${[...ids].map((id) => `sli/${id}.csv`).join(', ')} from Prometheus (5m steps; set sli.step to change it)`,
    ];
    const file = join(slosDir, `${service.service}${format === 'openslo' ? '.openslo' : ''}.yaml`);
    if (takenServices.has(service.service) && format === 'native') {
      fx.err(
        `skipped service ${service.service}: it is already defined in data/slos/; add its SLOs there by hand`,
      );
      continue;
    }
    try {
      await writeFile(file, writeSloFile(service, { format, tool, needs }), { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      fx.err(`skipped service ${service.service}: ${displayPath(paths, file)} already exists`);
      continue;
    }
    written++;
    imported += service.slos.length;
    fx.out(
      `${displayPath(paths, file)}: ${service.slos.map((s) => s.id).join(', ')} (from ${[...new Set(service.slos.map((s) => basename(s.file)))].join(', ')})`,
    );
    for (const need of needs) fx.out(`  needs a human: ${need}`);
  }
  const dropped = read.notes.filter((n) => n.dropped && n.slo !== null);
  for (const n of dropped) fx.out(`not imported: ${n.slo} (${n.file}:${n.line}): ${n.text}`);
  for (const n of noteForDroppedAlso(read.notes, dropped)) fx.out(`  also: ${n.slo}: ${n.text}`);
  fx.err(
    `import: ${imported} SLO${imported === 1 ? '' : 's'} in ${written} file${written === 1 ? '' : 's'} from ${files.length} spec${files.length === 1 ? '' : 's'}, ${dropped.length} not imported; run npm run pull, then npm run check`,
  );
  return syntaxErrors > 0 || (imported === 0 && (dropped.length > 0 || read.services.length === 0))
    ? EXIT.invalidInput
    : EXIT.ok;
}

/** The non-blocking notes of SLOs that were not imported anyway (e.g. a raw SLI with alerting). */
function noteForDroppedAlso(notes: ImportNote[], dropped: ImportNote[]): ImportNote[] {
  const keys = new Set(dropped.map((d) => `${d.file}\u0000${d.slo}`));
  return notes.filter((n) => !n.dropped && keys.has(`${n.file}\u0000${n.slo}`));
}

export function parseFormat(value: string | boolean | undefined): SloFileFormat {
  if (value === undefined) return 'native';
  if (value === 'native' || value === 'openslo') return value;
  throw usageError(`--format must be native or openslo, not "${String(value)}"`);
}

export type { ImportedService };
