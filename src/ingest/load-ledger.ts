/**
 * `loadLedger`: everything a ledger is made of, read and validated once per process — settings,
 * SLO catalog, SLI aggregates, exclusions, deployments, postmortems with their bodies, closed
 * quarters' snapshots and the files' hashes. `check`, `report`, `close` and `build` call it, and
 * the site is handed what it returned (src/site/handoff.ts). Problems from every file are
 * collected before anyone decides to stop (STYLE rule 7).
 */
import { firstStart, lastStart } from '../domain/bucket.ts';
import { compareText } from '../domain/compare-text.ts';
import { join } from 'node:path';
import type { Deployment } from '../domain/throughput.ts';
import { diagnoseDeploymentReferences, readDeployments } from './deployments.ts';
import { diagnose, type Diagnostic } from './diagnostic.ts';
import { echo } from './echo.ts';
import { dayText, isInWindow, plausibleWindow } from './time-window.ts';
import { diagnoseInputFile } from './input-path.ts';
import { readExclusions, type Exclusion } from './exclusions.ts';
import { displayPath, type LedgerPaths } from './ledger-paths.ts';
import type { Postmortem } from './postmortem.ts';
import { readPostmortems, type PostmortemFile } from './postmortem-files.ts';
import { readSettings, type Settings } from './settings.ts';
import { expandSource, hashInputFiles, listLedgerFiles, type LedgerFiles } from './input-files.ts';
import { readSnapshots, type StoredSnapshot } from './snapshots.ts';
import { sliCacheDir } from './sli/cache-dir.ts';
import { openQuarterMemo, type QuarterMemo } from './quarter-memo.ts';
import { diagnoseCoverageGaps } from './sli-coverage.ts';
import {
  createSliAccumulator,
  diagnoseSliAccumulator,
  finishSliAccumulator,
  findSliRow,
  readSliCsv,
  type SliAccumulator,
  type SliAggregate,
} from './sli/csv.ts';
import type { Catalog } from './catalog/model.ts';
import { readSloCatalog } from './catalog/read.ts';

/** What the figures are computed from: the part of the ledger `buildLedgerReport` reads. */
export interface LedgerInputs {
  settings: Settings;
  catalog: Catalog;
  /** By SLO id. */
  sli: Map<string, SliAggregate>;
  exclusions: Exclusion[];
  postmortems: Postmortem[];
  /** The deployment log (SPEC §8); empty when data/deployments/ has none. */
  deployments: Deployment[];
  /** SLO-quarter results already computed from these inputs; none: everything is computed. */
  memo?: QuarterMemo;
}

export interface LoadProgress {
  /**
   * One summary line per SLI file; `transient` ones (a large file's percentage) may overwrite
   * each other on a terminal and are best left out of logs.
   */
  (message: string, options?: { transient: boolean }): void;
}

/** The whole ledger, as one process reads it once. */
export interface Ledger extends LedgerInputs {
  paths: LedgerPaths;
  /** Each postmortem's file (as shown in messages) and Markdown body, in file order. */
  postmortemFiles: PostmortemFile[];
  /** Closed quarters (data/snapshots/), by quarter id. */
  snapshots: Map<string, StoredSnapshot>;
  /** Every input file, as ingest reads them. */
  files: LedgerFiles;
  /** sha256 of every input file by key (`data/sli/checkout.csv`); null unless asked for. */
  hashes: Record<string, string> | null;
}

export interface LoadedLedger {
  /** Null when any error was found. */
  ledger: Ledger | null;
  diagnostics: Diagnostic[];
  stats: ReadStats;
}

export interface LoadOptions {
  progress?: LoadProgress;
  /**
   * Hash every input file (build, close): a second read of each file's bytes, so `check` and
   * `report` go without.
   */
  hashes?: boolean;
  /** `--as-of`, checked against the plausible window of times (settings). */
  asOfMs?: number | undefined;
}

/**
 * Reads and validates every input of a ledger once. Returns the ledger only when no error was
 * found; the diagnostics of every file either way.
 */
export async function loadLedger(paths: LedgerPaths, opts: LoadOptions = {}): Promise<LoadedLedger> {
  const data = await readLedgerData(paths, opts.progress);
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
  const snapshotDir = join(paths.dataDir, 'snapshots');
  const snapshots = data.settings
    ? await readSnapshots(snapshotDir, displayPath(paths, snapshotDir), data.settings.calendar)
    : { snapshots: new Map<string, StoredSnapshot>(), diagnostics: [] };
  const diagnostics = [
    ...data.diagnostics,
    ...windowProblems,
    ...pms.diagnostics,
    ...(await diagnoseDeploymentReferences(pms.files, data.deployments, paths.cwd)),
    ...snapshots.diagnostics,
  ];
  const stats = { ...data.stats, deployments: data.deployments.length, postmortems: pms.read };
  if (diagnostics.some((d) => d.severity === 'error') || data.settings === null)
    return { ledger: null, diagnostics, stats };
  const files = await listLedgerFiles(paths, data.catalog);
  const hashes = opts.hashes
    ? await hashInputFiles([...files.shared, ...files.postmortems.values(), ...files.site])
    : null;
  return {
    ledger: {
      paths,
      settings: data.settings,
      catalog: data.catalog,
      sli: data.sli,
      exclusions: data.exclusions,
      postmortems: pms.files.map((f) => f.postmortem),
      postmortemFiles: pms.files,
      deployments: data.deployments,
      snapshots: snapshots.snapshots,
      files,
      hashes,
      memo: openQuarterMemo(sliCacheDir(paths)),
    },
    diagnostics,
    stats,
  };
}

/**
 * Settings (with `--audience` applied) and the SLO catalog, without the data: what `new` and
 * `import` need to write a file that fits the ledger.
 */
export async function readLedgerDefinitions(paths: LedgerPaths) {
  const show = (abs: string) => displayPath(paths, abs);
  const settingsFile = join(paths.dataDir, 'ledger.yaml');
  const settingsRead = await readSettings(settingsFile, show(settingsFile));
  const settings =
    settingsRead.settings && paths.audience
      ? { ...settingsRead.settings, audience: paths.audience }
      : settingsRead.settings;
  const catalogRead = await readSloCatalog(join(paths.dataDir, 'slos'), show(join(paths.dataDir, 'slos')));
  return {
    settings,
    catalog: catalogRead.catalog,
    diagnostics: [...settingsRead.diagnostics, ...catalogRead.diagnostics],
    catalogClean: catalogRead.diagnostics.length === 0,
  };
}

/** Settings, catalog, SLI data, exclusions and deployments: the part of the ledger figures read. */
async function readLedgerData(paths: LedgerPaths, progress: LoadProgress = () => {}) {
  const show = (abs: string) => displayPath(paths, abs);
  const { settings, catalog, diagnostics, catalogClean } = await readLedgerDefinitions(paths);
  const catalogRead = { catalog };
  if (catalog.entries.length === 0 && catalogClean) {
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
    const first = firstStart(aggregate.buckets);
    const last = lastStart(aggregate.buckets);
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
    diagnostics.push(
      ...diagnoseCoverageGaps({ entries: catalogRead.catalog.entries, sli, files }, settings.calendar),
    );
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

/** One line for logs: "read 6 SLI files (84,490 rows) and 14 postmortems". */
export function describeReadStats(stats: ReadStats): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const plural = (x: number, word: string) => `${n(x)} ${word}${x === 1 ? '' : 's'}`;
  const deployments = stats.deployments > 0 ? `, ${plural(stats.deployments, 'deployment')}` : '';
  return `read ${plural(stats.files, 'SLI file')} (${n(stats.rows)} rows)${deployments} and ${plural(stats.postmortems, 'postmortem')}`;
}

/** What was read, for the one summary line. */
export interface ReadStats {
  /** Rows of the deployment log. */
  deployments: number;
  /** SLI files read and their rows. */
  files: number;
  rows: number;
  postmortems: number;
}
