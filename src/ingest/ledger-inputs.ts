/**
 * Everything a ledger is made of, read and validated in one go: settings, SLO catalog, SLI
 * aggregates, exclusions and postmortems. Problems from every file are collected before anyone
 * decides to stop (STYLE rule 7).
 */
import { compareText } from '../domain/compare-text.ts';
import { glob } from 'node:fs/promises';
import { join } from 'node:path';
import type { Deployment } from '../domain/throughput.ts';
import { diagnoseDeploymentReferences, readDeployments } from './deployments.ts';
import { diagnose, type Diagnostic } from './diagnostic.ts';
import { echo } from './echo.ts';
import { dayText, isInWindow, plausibleWindow } from './time-window.ts';
import { checkInputFile, checkInputReference, diagnoseInputFile } from './input-path.ts';
import { readExclusions, type Exclusion } from './exclusions.ts';
import { displayPath, type LedgerPaths } from './ledger-paths.ts';
import type { Postmortem } from './postmortem.ts';
import { readPostmortems } from './postmortem-files.ts';
import { readSettings, type Settings } from './settings.ts';
import { sliCacheDir } from './sli-cache-dir.ts';
import { diagnoseCoverageGaps } from './sli-coverage.ts';
import {
  createSliAccumulator,
  diagnoseSliAccumulator,
  finishSliAccumulator,
  findSliRow,
  readSliCsv,
  type SliAccumulator,
  type SliAggregate,
} from './sli-csv.ts';
import { readSloCatalog, type Catalog } from './slo-catalog.ts';

export interface LedgerInputs {
  settings: Settings;
  catalog: Catalog;
  /** By SLO id. */
  sli: Map<string, SliAggregate>;
  exclusions: Exclusion[];
  postmortems: Postmortem[];
  /** The deployment log (SPEC §8); empty when data/deployments/ has none. */
  deployments: Deployment[];
}

export interface LoadProgress {
  /**
   * One summary line per SLI file; `transient` ones (a large file's percentage) may overwrite
   * each other on a terminal and are best left out of logs.
   */
  (message: string, options?: { transient: boolean }): void;
}

/** Settings, catalog, SLI data and exclusions: what the Astro `slos` loader and the CLI share. */
export async function readLedgerData(paths: LedgerPaths, progress: LoadProgress = () => {}) {
  const diagnostics: Diagnostic[] = [];
  const show = (abs: string) => displayPath(paths, abs);
  const settingsRead = await readSettings(
    join(paths.dataDir, 'ledger.yaml'),
    show(join(paths.dataDir, 'ledger.yaml')),
  );
  diagnostics.push(...settingsRead.diagnostics);
  const settings =
    settingsRead.settings && paths.audience
      ? { ...settingsRead.settings, audience: paths.audience }
      : settingsRead.settings;
  const catalogRead = await readSloCatalog(join(paths.dataDir, 'slos'), show(join(paths.dataDir, 'slos')));
  diagnostics.push(...catalogRead.diagnostics);
  if (catalogRead.catalog.entries.length === 0 && catalogRead.diagnostics.length === 0) {
    // An empty or mistyped --data would otherwise pass with "0 errors" and publish nothing.
    diagnostics.push(
      diagnose(
        'no-inputs',
        { file: show(join(paths.dataDir, 'slos')) },
        `no SLO is defined: ${show(join(paths.dataDir, 'slos'))}/ holds no SLO file`,
      ),
    );
  }
  const exclusionsRead = await readExclusions(
    join(paths.dataDir, 'exclusions.yaml'),
    show(join(paths.dataDir, 'exclusions.yaml')),
  );
  diagnostics.push(...exclusionsRead.diagnostics);
  const deploymentsRead = await readDeployments(
    join(paths.dataDir, 'deployments'),
    show,
    catalogRead.catalog.services.map((s) => s.id),
  );
  diagnostics.push(...deploymentsRead.diagnostics);

  // Each SLO's source may be one file or a glob (`sli/checkout/*.csv`); every file is streamed
  // once, feeding all the SLOs that read it.
  const accumulators = new Map<string, SliAccumulator>();
  const byFile = new Map<string, SliAccumulator[]>();
  for (const entry of catalogRead.catalog.entries) {
    const acc = createSliAccumulator({
      sloId: entry.slo.id,
      mapping: entry.sli,
      siteZone: settings?.calendar.timezone ?? null,
    });
    accumulators.set(entry.slo.id, acc);
    const { files, refused } = await expandSource(paths.dataDir, entry.sli.source);
    if (refused !== null) {
      diagnostics.push(
        diagnose(
          'input-outside',
          { file: entry.file, line: entry.line, column: 1 },
          `SLO ${entry.slo.id} reads sli.source "${echo(entry.sli.source)}", which ${refused}`,
        ),
      );
    } else if (files.length === 0) {
      diagnostics.push(
        diagnose(
          'sli-source-missing',
          { file: entry.file, line: entry.line, column: 1 },
          `SLO ${entry.slo.id} reads sli.source "${entry.sli.source}", which matches no file under ${show(paths.dataDir)}/`,
          ...(entry.sli.prometheus !== undefined
            ? [
                'its SLI names Prometheus queries: npm run pull writes the file (set LEDGER_PROMETHEUS_URL first)',
              ]
            : []),
        ),
      );
    }
    for (const file of files) byFile.set(file, [...(byFile.get(file) ?? []), acc]);
  }
  const stats = { files: 0, rows: 0 };
  const cacheDir = sliCacheDir(paths);
  for (const [abs, accs] of [...byFile].sort(([a], [b]) => compareText(a, b))) {
    const name = show(abs);
    const refusal = await diagnoseInputFile(paths.dataDir, abs, name);
    if (refusal !== null) {
      diagnostics.push(refusal);
      continue;
    }
    let shown = -10;
    const result = await readSliCsv(abs, name, accs, {
      cacheDir,
      onProgress: (fraction) => {
        const percent = Math.floor(fraction * 100);
        if (percent >= shown + 10) progress(`reading ${name}: ${(shown = percent)}%`, { transient: true });
      },
    });
    stats.files++;
    stats.rows += result.rows;
    const from = result.cached ? ' (unchanged: from the cache)' : '';
    progress(
      `read ${name}: ${result.rows.toLocaleString('en-US')} rows for ${accs.length} SLO${accs.length === 1 ? '' : 's'}${from}`,
    );
    for (const note of result.notes) progress(`  ${note}`);
    diagnostics.push(...result.diagnostics);
  }
  const sli = new Map<string, SliAggregate>();
  const window = settings ? plausibleWindow(settings) : null;
  for (const [id, acc] of accumulators) {
    diagnostics.push(...(await diagnoseSliAccumulator(acc)));
    const aggregate = finishSliAccumulator(acc);
    sli.set(id, aggregate);
    // One row has no spacing to infer its span from, and the as-of time needs it.
    const entry = catalogRead.catalog.entries.find((e) => e.slo.id === id);
    const first = aggregate.buckets[0]?.startMs;
    const last = aggregate.buckets[aggregate.buckets.length - 1]?.startMs;
    if (window && entry && first !== undefined && last !== undefined) {
      const stray = !isInWindow(first, window) ? first : !isInWindow(last, window) ? last : undefined;
      if (stray !== undefined)
        diagnostics.push(
          diagnose(
            'time-out-of-range',
            (await findSliRow(acc, stray)) ?? { file: entry.file, line: entry.line, column: 1 },
            `SLO ${id} has an SLI row dated ${dayText(stray)} (sli.source "${entry.sli.source}"), outside the plausible window ${window.text}`,
          ),
        );
    }
    if (aggregate.buckets.length > 0 && aggregate.stepMs === null && entry) {
      diagnostics.push(
        diagnose(
          'sli-step-unknown',
          { file: entry.file, line: entry.line, column: 1 },
          `SLO ${id} has a single SLI row, so the span each row covers is unknown`,
          'add sli.step to the SLO, e.g. step: 1h, or export more than one row',
        ),
      );
    }
  }
  if (settings !== null) {
    const files = new Map<string, string[]>();
    for (const [id, acc] of accumulators)
      files.set(
        id,
        acc.parts.map((p) => p.display),
      );
    diagnostics.push(...diagnoseCoverageGaps(catalogRead.catalog.entries, sli, files, settings.calendar));
  }
  if (
    catalogRead.catalog.entries.length > 0 &&
    [...sli.values()].every((a) => a.buckets.length === 0) &&
    // Warnings alone must not let an empty ledger through: there would be no as-of time.
    !diagnostics.some((d) => d.severity === 'error')
  ) {
    diagnostics.push(
      diagnose('no-sli-data', { file: show(join(paths.dataDir, 'sli')) }, 'no SLO has any SLI rows'),
    );
  }
  return {
    settings,
    catalog: catalogRead.catalog,
    sli,
    exclusions: exclusionsRead.exclusions,
    deployments: deploymentsRead.deployments,
    stats,
    diagnostics,
  };
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

/** One line for logs: "read 6 SLI files (84,490 rows) and 14 postmortems". */
export function describeReadStats(stats: ReadStats): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const plural = (x: number, word: string) => `${n(x)} ${word}${x === 1 ? '' : 's'}`;
  const deployments = stats.deployments > 0 ? `, ${plural(stats.deployments, 'deployment')}` : '';
  return `read ${plural(stats.files, 'SLI file')} (${n(stats.rows)} rows)${deployments} and ${plural(stats.postmortems, 'postmortem')}`;
}

/** The whole ledger, as the CLI reads it. `inputs` is null when any error was found. */
export interface ReadStats {
  /** Rows of the deployment log. */
  deployments: number;
  /** SLI files read and their rows. */
  files: number;
  rows: number;
  postmortems: number;
}

export async function readLedgerInputs(
  paths: LedgerPaths,
  progress?: LoadProgress,
  opts: { asOfMs?: number | undefined } = {},
): Promise<{ inputs: LedgerInputs | null; diagnostics: Diagnostic[]; stats: ReadStats }> {
  const data = await readLedgerData(paths, progress);
  const window = data.settings ? plausibleWindow(data.settings) : null;
  const windowProblems: Diagnostic[] = [];
  if (window && opts.asOfMs !== undefined && !isInWindow(opts.asOfMs, window))
    windowProblems.push(
      diagnose(
        'time-out-of-range',
        { file: '--as-of' },
        `--as-of ${dayText(opts.asOfMs)} is outside the plausible window ${window.text}`,
      ),
    );
  const pmDir = join(paths.contentDir, 'postmortems');
  const pms = await readPostmortems(pmDir, displayPath(paths, pmDir), {
    ...(data.settings
      ? {
          context: { settings: data.settings, catalog: data.catalog },
          allowMdx: data.settings.allowMdxPostmortems,
        }
      : {}),
  });
  if (window)
    for (const f of pms.files)
      if (!isInWindow(f.postmortem.started, window))
        windowProblems.push(
          diagnose(
            'time-out-of-range',
            { file: f.file, line: f.startedLine, column: 1 },
            `started ${dayText(f.postmortem.started)} is outside the plausible window ${window.text}`,
          ),
        );
  const diagnostics = [
    ...data.diagnostics,
    ...windowProblems,
    ...pms.diagnostics,
    ...(await diagnoseDeploymentReferences(pms.files, data.deployments, paths.cwd)),
  ];
  const failed = diagnostics.some((d) => d.severity === 'error') || data.settings === null;
  return {
    stats: { ...data.stats, deployments: data.deployments.length, postmortems: pms.read },
    inputs:
      failed || data.settings === null
        ? null
        : {
            settings: data.settings,
            catalog: data.catalog,
            sli: data.sli,
            exclusions: data.exclusions,
            postmortems: pms.files.map((f) => f.postmortem),
            deployments: data.deployments,
          },
    diagnostics,
  };
}
