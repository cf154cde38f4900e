/**
 * `npm run bench [-- --size small|medium|large] [--rows N] [--keep]`: measures, in one run and each step
 * in a fresh process, what issue 10 sets targets for, and prints the ratios against baselines
 * measured in the same run on the same machine:
 *
 * - the 5M-row `report` (10 series, one-minute rows, fixed seed) cold and with the aggregate cache,
 *   against DuckDB doing the same per-series-per-day group-by straight from the CSV;
 * - with --size: a generated organisation (bench/organisation.ts) built cold, rebuilt with nothing
 *   changed, after editing one postmortem and after appending one day of rows to one minute-level
 *   file, against a bare Astro build of the same number of pages (the floor).
 *
 * Times are wall clock of the whole child process (start-up included, as a user waits for it);
 * peak RSS is the child's own (`process.resourceUsage().maxRSS`, worker threads included). Every
 * input, cache and output goes under one folder in the system's temp folder, removed at the end
 * unless --keep.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCanonicalCsv, SERIES } from './generate.ts';
import { appendDay, editPostmortem, END_MS, generateOrganisation, SIZES } from './organisation.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string' },
    size: { type: 'string' },
    keep: { type: 'boolean' },
    'cpu-prof': { type: 'boolean' },
    'skip-report': { type: 'boolean' },
  },
});
const size = values.size;
if (size !== undefined && size !== 'small' && size !== 'medium' && size !== 'large') {
  process.stderr.write('--size is small, medium or large\n');
  process.exit(2);
}
const rows = Number(values.rows ?? 5_000_000);
const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const TOOL = here('..');
const CLI = join(TOOL, 'src', 'cli', 'main.ts');

interface Run {
  ms: number;
  /** CPU time of the process, every thread: less sensitive than wall time to a busy machine. */
  cpuMs: number;
  peakMb: number;
  stdout: string;
}

const work = await mkdtemp(join(tmpdir(), 'reliability-ledger-bench-'));
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Runs node with the peak-RSS preload; fails with the child's last lines of stderr. */
async function child(name: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const rssFile = join(work, `rss-${name}`);
  const errFile = join(work, `stderr-${name}.log`);
  const t0 = performance.now();
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
    (resolve) => {
      const p = spawn(process.execPath, ['--import', here('peak-rss.ts'), ...args], {
        cwd: TOOL,
        env: { ...process.env, ...env, BENCH_PEAK_RSS_FILE: rssFile, CI: 'true' },
      });
      let out = '';
      let err = '';
      p.stdout.on('data', (d: Buffer) => (out += d.toString()));
      p.stderr.on('data', (d: Buffer) => (err += d.toString()));
      p.on('close', (c) => resolve({ code: c, stdout: out, stderr: err }));
    },
  );
  const ms = performance.now() - t0;
  await writeFile(errFile, stderr);
  if (code !== 0)
    throw new Error(`${name} failed (exit ${code}):\n${stderr.split('\n').slice(-15).join('\n')}`);
  const usage = JSON.parse(await readFile(rssFile, 'utf8').catch(() => '{}')) as {
    maxRssKb?: number;
    cpuUs?: number;
  };
  const peakMb = (usage.maxRssKb ?? 0) / 1024;
  const cpuMs = (usage.cpuUs ?? 0) / 1000;
  log(
    `  ${name}: ${(ms / 1000).toFixed(1)} s (CPU ${(cpuMs / 1000).toFixed(1)} s), peak RSS ${peakMb.toFixed(0)} MB`,
  );
  return { ms, cpuMs, peakMb, stdout };
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const t = (r: Run) => `${s(r.ms)} (CPU ${s(r.cpuMs)})`;
const mb = (r: Run) => `${r.peakMb.toFixed(0)} MB`;
const x = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
const lines: string[] = [];
const loadBefore = loadavg()[0] ?? 0;

/** The 5M-row report against DuckDB. */
async function benchReport(): Promise<void> {
  const ledger = join(work, 'report');
  const csv = join(ledger, 'data', 'sli', 'bench.csv');
  await mkdir(join(ledger, 'data', 'slos'), { recursive: true });
  await mkdir(join(ledger, 'data', 'sli'), { recursive: true });
  await mkdir(join(ledger, 'content', 'postmortems'), { recursive: true });
  log(`generating ${rows.toLocaleString('en-US')} rows …`);
  await generateCanonicalCsv(csv, rows);
  await writeFile(
    join(ledger, 'data', 'ledger.yaml'),
    'title: Bench\norganization: Bench\ntimezone: UTC\nfiscalYearStartMonth: 1\naudience: public\nseverities: [SEV1, SEV2, SEV3, SEV4]\n',
  );
  await writeFile(
    join(ledger, 'data', 'slos', 'bench.yaml'),
    `service: bench\nowner: Bench\nteam: bench\nslos:\n${SERIES.map(
      (id) =>
        `  - id: ${id}\n    name: ${id} succeeds\n    objective: 99.9%\n    sli:\n      source: sli/bench.csv\n      series: ${id}\n      good: good\n      total: total\n      step: 1m\n`,
    ).join('')}`,
  );
  const reportArgs = [
    CLI,
    'report',
    '2026-Q1',
    '--json',
    '--data',
    join(ledger, 'data'),
    '--content',
    join(ledger, 'content'),
  ];
  const reportCache = { LEDGER_CACHE_DIR: join(work, 'report-cache') };
  log('5M-row report:');
  const duck = await child('duckdb', [here('duckdb.ts'), csv]);
  const cold = await child('report-cold', reportArgs, reportCache);
  const cached = await child('report-cached', reportArgs, reportCache);
  const figures = (r: Run) => JSON.stringify((JSON.parse(r.stdout) as { slos?: unknown }).slos ?? null);
  if (figures(cold) !== figures(cached)) throw new Error('the cached report differs from the cold one');
  lines.push(
    `5M-row report (${rows.toLocaleString('en-US')} rows, 10 series, one-minute rows; report 2026-Q1 --json):`,
    `  DuckDB group-by per series and day:  ${t(duck)}, peak RSS ${mb(duck)}`,
    `  report, cold:    ${t(cold)} = ${x(cold.ms, duck.ms)} DuckDB (target ≤ 5×), peak RSS ${mb(cold)} (target ≤ 300 MB)`,
    `  report, cached:  ${t(cached)} = ${x(cached.ms, duck.ms)} DuckDB (target ≤ 1×), peak RSS ${mb(cached)} (target ≤ 300 MB)`,
  );
}

try {
  if (!values['skip-report']) await benchReport();

  if (size !== undefined) {
    const root = join(work, 'org');
    log(`generating the ${size} organisation …`);
    const org = await generateOrganisation(root, SIZES[size]);
    const out = join(work, 'dist');
    const caches = join(work, 'caches');
    const env = {
      LEDGER_CACHE_DIR: join(caches, 'sli'),
      LEDGER_CHART_CACHE: join(caches, 'charts'),
    };
    const buildArgs = [
      CLI,
      'build',
      '--data',
      org.dataDir,
      '--content',
      org.contentDir,
      '--out',
      out,
      '--as-of',
      new Date(END_MS).toISOString(),
      '--cache-dir',
      join(caches, 'astro'),
    ];
    log(`${size} organisation (${org.slos} SLOs, ${(org.bytes / 2 ** 20).toFixed(0)} MiB of CSV):`);
    const profile = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', join(work, 'profile')] : [];
    const coldBuild = await child('build-cold', [...profile, ...buildArgs], env);
    if (values['cpu-prof']) {
      const [file] = await readdir(join(work, 'profile'));
      const summary = await child('profile-summary', [
        here('profile-summary.ts'),
        join(work, 'profile', file ?? ''),
      ]);
      await writeFile(join(work, 'profile-summary.txt'), summary.stdout);
      log(summary.stdout);
    }
    const unchanged = await child('build-unchanged', buildArgs, env);
    await editPostmortem(org);
    const edited = await child('build-postmortem-edited', buildArgs, env);
    await appendDay(org);
    const appended = await child('build-day-appended', buildArgs, env);
    const pages = (await readdir(out, { recursive: true })).filter((f) => f.endsWith('.html')).length;
    const floor = await child('astro-floor', [here('floor.ts'), join(work, 'floor'), String(pages)]);
    const checkLine = (await readFile(join(work, 'stderr-build-cold.log'), 'utf8'))
      .split('\n')
      .find((l) => l.startsWith('check: read'));
    const chartLine = (await readFile(join(work, 'stderr-build-cold.log'), 'utf8'))
      .split('\n')
      .find((l) => l.startsWith('charts:'));
    lines.push(
      `${size} organisation: ${org.slos} SLOs, ${(org.bytes / 2 ** 20).toFixed(0)} MiB of CSV, ${pages.toLocaleString('en-US')} pages`,
      `  ${checkLine ?? ''}`,
      `  ${chartLine ?? ''}`,
      `  bare Astro, ${pages} trivial pages (the floor): ${t(floor)}, peak RSS ${mb(floor)}`,
      `  cold build:                 ${t(coldBuild)} = ${x(coldBuild.ms, floor.ms)} the floor (target ≤ 10×), peak RSS ${mb(coldBuild)} (target ≤ 1 GB)`,
      `  rebuild, nothing changed:   ${t(unchanged)} = ${x(unchanged.ms, floor.ms)} (target ≤ 2×), peak RSS ${mb(unchanged)}`,
      `  after editing a postmortem: ${t(edited)} = ${x(edited.ms, floor.ms)} (target ≤ 3×), peak RSS ${mb(edited)}`,
      `  after appending a day:      ${t(appended)} = ${x(appended.ms, floor.ms)} (target ≤ 3×), peak RSS ${mb(appended)}`,
    );
  }
  lines.push(
    `machine: ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB; load average (1 min) ${loadBefore.toFixed(2)} before, ${(loadavg()[0] ?? 0).toFixed(2)} after`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  if (values.keep) log(`kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
