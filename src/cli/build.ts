/**
 * `npm run build`: check, compute, render the site. Astro writes into a temporary directory
 * beside the output; the old output is replaced only when everything succeeded, so a scheduled
 * job that fails leaves the published site untouched (SPEC §12).
 */
import { describeQuarterCounts } from '../ingest/quarter-memo.ts';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { cp, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasErrors } from '../ingest/diagnostic.ts';
import { describeReadStats, loadLedger } from '../ingest/load-ledger.ts';
import { displayPath, type LedgerPaths } from '../ingest/ledger-paths.ts';
import { checkClosedQuarters } from '../report/closed-quarters.ts';
import { buildLedgerReport } from '../report/quarter-report.ts';
import { checkReviews } from '../report/review-check.ts';
import { handOverSite } from '../site/handoff.ts';
import { CliError, EXIT } from './cli-error.ts';
import type { Effects } from './effects.ts';
import { progressReporter } from './progress.ts';
import { asOfFrom, parseCommandArgs, pathsFrom } from './options.ts';
import { printDiagnostics, summarise } from './print-diagnostics.ts';
import { formatRestatement } from '../report/restatement.ts';
import { inputOptions, readToolVersion } from './close.ts';
import { lockOutDir, markBuiltSite, refuseOutDir } from './out-dir.ts';
import { writeSearchIndex } from './search-index.ts';
import { chartCacheDir, defaultChartRenderStats, describeChartStats } from '../charts/render-svg.ts';
import { sliCacheDir } from '../ingest/sli/cache-dir.ts';
import { CACHE_KEEP_DAYS, pruneCache } from './cache-prune.ts';

export const HELP = `Usage: npm run build -- [--out DIR] [--data DIR] [--content DIR] [--as-of TIME] [--audience public|internal]

Checks every input, computes every figure and renders the static site into DIR (default dist/).
A closed quarter whose published figures would change stops the build (see npm run close).
The previous DIR is replaced only when the whole build succeeded.`;

/** The tool's own root, where astro.config.mjs and src/ live. */
export const TOOL_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export async function runBuild(args: string[], fx: Effects): Promise<number> {
  const { values } = parseCommandArgs(args, { out: { type: 'string' }, 'cache-dir': { type: 'string' } });
  if (values.help) {
    fx.out(HELP);
    return EXIT.ok;
  }
  const paths = pathsFrom(values, fx);
  const asOfMs = asOfFrom(values['as-of']);
  const outDir = resolve(fx.cwd, typeof values.out === 'string' ? values.out : 'dist');

  const refusal = refuseOutDir(outDir, {
    dataDir: paths.dataDir,
    contentDir: paths.contentDir,
    toolRoot: TOOL_ROOT,
    cwd: fx.cwd,
    ...(fx.env['HOME'] ? { home: fx.env['HOME'] } : {}),
  });
  if (refusal !== null)
    throw new CliError(
      `--out ${outDir} refused: ${refusal}. A build replaces its output folder whole.\n  hint: choose an empty or new folder, e.g. --out dist`,
      EXIT.usage,
    );

  const { ledger, diagnostics, stats } = await loadLedger(paths, {
    progress: progressReporter(fx),
    hashes: true,
    asOfMs,
  });
  printDiagnostics(diagnostics, 'text', fx);
  if (hasErrors(diagnostics) || ledger === null) {
    fx.err(`build: stopped, ${summarise(diagnostics)}; ${basename(outDir)}/ was left as it was`);
    return EXIT.invalidInput;
  }
  const reviewProblems = await checkReviews(
    paths.contentDir,
    displayPath(paths, paths.contentDir),
    buildLedgerReport(ledger, { asOfMs }),
  );
  printDiagnostics(reviewProblems, 'text', fx);
  if (hasErrors(reviewProblems)) {
    fx.err(
      `build: stopped, ${summarise(reviewProblems)} in the review narratives; ${basename(outDir)}/ was left as it was`,
    );
    return EXIT.invalidInput;
  }
  fx.err(`check: ${describeReadStats(stats)}; ${summarise([...diagnostics, ...reviewProblems])}`);
  if (ledger.memo) fx.err(describeQuarterCounts(ledger.memo.counts));

  // Closed quarters never change silently (SPEC §10): recompute each, compare with its latest
  // revision, and stop before rendering anything when a published figure would change.
  const closed = checkClosedQuarters(ledger, {
    asOfMs,
    toolVersion: await readToolVersion(),
    commandOptions: inputOptions(values),
  });
  if (closed.restatements.length > 0) {
    for (const r of closed.restatements) fx.err(`${formatRestatement(r)}\n`);
    const n = closed.restatements.length;
    fx.err(
      `build: stopped, ${n} closed quarter${n === 1 ? '' : 's'} would be restated; ${basename(outDir)}/ was left as it was`,
    );
    return EXIT.invalidInput;
  }
  if (closed.closed > 0) fx.err(`closed quarters: ${closed.closed} checked, no published figure changed`);

  await mkdir(dirname(outDir), { recursive: true });
  const locked = lockOutDir(outDir);
  if ('holder' in locked)
    throw new CliError(
      `${basename(outDir)}/ is being built by ${locked.holder} (lock ${locked.file}); wait for that build to end, or delete the lock if no build is running`,
      EXIT.invalidInput,
    );
  const staging = join(dirname(outDir), `.dist-build-${process.pid}`);
  // Astro writes inside the tool's folder: the chunks it prerenders from must find the tool's
  // packages, wherever --out is. The finished site then moves beside --out (staging).
  const rendered = join(TOOL_ROOT, 'node_modules', '.cache', 'reliability-ledger', `site-${process.pid}`);
  // Whatever stops the build, the staging folders and the lock go: an error, Ctrl-C, a kill.
  const cleanUp = () => {
    rmSync(rendered, { recursive: true, force: true });
    rmSync(staging, { recursive: true, force: true });
    locked.lock.release();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    fx.err(`build: stopped by ${signal}; ${basename(outDir)}/ was left as it was`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await rm(rendered, { recursive: true, force: true });
    // Astro renders what was loaded above, in this process: no input is read a second time.
    const input = { ledger, asOfMs };
    handOverSite({ paths, get: async () => input });

    const { build } = await import('astro');
    // Astro places some of its work relative to the working folder: the tool's own, wherever the user is.
    process.chdir(TOOL_ROOT);
    const started = performance.now();
    try {
      await build({
        root: TOOL_ROOT,
        outDir: rendered,
        logLevel: fx.interactive ? 'info' : 'warn',
        cacheDir: ledgerCacheDir(
          typeof values['cache-dir'] === 'string' ? resolve(fx.cwd, values['cache-dir']) : undefined,
          paths,
        ),
      });
    } catch (e) {
      throw new CliError(
        `build failed: ${describeAstroError(e)}\n${basename(outDir)}/ was left as it was`,
        EXIT.invalidInput,
      );
    }
    const pages = (await readdir(rendered, { recursive: true })).filter((f) => f.endsWith('.html')).length;
    fx.err(
      `pages: ${pages.toLocaleString('en-US')} rendered in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const charts = defaultChartRenderStats();
    if (charts !== null) fx.err(describeChartStats(charts));
    // The search index is built from the finished pages, inside the staging directory, so that a
    // failure here also leaves the published site untouched.
    try {
      const indexed = await writeSearchIndex(rendered);
      fx.err(`search: ${indexed.pages} pages indexed`);
    } catch (e) {
      throw new CliError(
        `build failed: the search index could not be written: ${(e as Error).message}\n${basename(outDir)}/ was left as it was`,
        EXIT.invalidInput,
      );
    }
    markBuiltSite(rendered);
    await moveFolder(rendered, staging);
    await publish(staging, outDir);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    cleanUp();
  }
  fx.err(`build: site written to ${outDir}`);
  // The caches forget what no build has used for two weeks (src/cli/cache-prune.ts).
  const sliDir = sliCacheDir(paths);
  const folders = [chartCacheDir(), ...(sliDir === null ? [] : [sliDir, join(sliDir, 'quarters')])];
  let pruned = 0;
  for (const folder of folders) pruned += await pruneCache(folder, Date.now());
  if (pruned > 0)
    fx.err(`caches: ${pruned.toLocaleString('en-US')} entries unused for ${CACHE_KEEP_DAYS} days removed`);
  return EXIT.ok;
}

/**
 * Astro's caches (its content store among them), one folder per ledger: a build of one ledger
 * never sees the entries of another's (named by the sha256 of its data and content folders).
 */
export function ledgerCacheDir(root: string | undefined, paths: LedgerPaths): string {
  const key = createHash('sha256').update(`${paths.dataDir}\0${paths.contentDir}`).digest('hex').slice(0, 12);
  return join(root ?? join(TOOL_ROOT, 'node_modules/.astro'), `ledger-${key}`);
}

/**
 * Astro's message without its colours and stack frames: what went wrong and where (e.g. an MDX
 * narrative's file:line:col) is the part a user can act on.
 */
function describeAstroError(e: unknown): string {
  const text = (e instanceof Error ? e.message : String(e)).replace(/\u001b\[[0-9;]*m/g, '');
  return text
    .split('\n')
    .filter((line) => !/^\s+at /.test(line))
    .join('\n')
    .trim();
}

/** A rename, or a copy when --out is on another file system than the tool. */
async function moveFolder(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  try {
    await rename(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}

/** Swap the staging directory in: two renames on one file system, never a half-written site. */
async function publish(staging: string, outDir: string): Promise<void> {
  await mkdir(dirname(outDir), { recursive: true });
  const old = join(dirname(outDir), `.dist-old-${process.pid}`);
  await rm(old, { recursive: true, force: true });
  try {
    await rename(outDir, old);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  await rename(staging, outDir);
  await rm(old, { recursive: true, force: true });
}
