/**
 * `npm run bench`: generates a 5,000,000-row canonical CSV (10 series, one-minute rows, fixed
 * seed) and measures, in the same run and each in a fresh process, a plain indexOf/Number()
 * baseline, the project's ingest with an empty cache, and the ingest again over the unchanged
 * file (a cache hit). Prints rows/s, the ratio to the baseline, peak RSS, the cache speed-up
 * and the load average.
 *
 * Options: --rows N (default 5,000,000), --keep (keep the generated file for the next run).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCanonicalCsv } from './generate.ts';

const { values } = parseArgs({ options: { rows: { type: 'string' }, keep: { type: 'boolean' } } });
const rows = Number(values.rows ?? 5_000_000);
const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

interface Run {
  rows: number;
  ms: number;
  maxRssMb: number;
  good: number;
  total: number;
  cached?: boolean;
}

function child(script: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [here(script), ...args], { maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${script} failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Run);
    });
  });
}

const work = join(tmpdir(), 'reliability-ledger-bench');
const csv = join(work, `canonical-${rows}.csv`);
if (!existsSync(csv)) {
  await (await import('node:fs/promises')).mkdir(work, { recursive: true });
  process.stderr.write(`generating ${csv} …\n`);
  await generateCanonicalCsv(csv, rows);
}
const size = (await stat(csv)).size;
const cacheDir = await mkdtemp(join(tmpdir(), 'reliability-ledger-bench-cache-'));
// The ratio compares a one-thread baseline with a two-thread ingest: other work on the machine
// slows the ingest more, so the load is printed with the numbers.
const loadBefore = loadavg()[0] ?? 0;
try {
  const baseline = await child('baseline.ts', [csv]);
  const cold = await child('ingest.ts', [csv, cacheDir]);
  const warm = await child('ingest.ts', [csv, cacheDir]);
  if (cold.good !== baseline.good || cold.total !== baseline.total || warm.total !== baseline.total) {
    throw new Error(
      `sums differ: baseline ${baseline.good}/${baseline.total}, ingest ${cold.good}/${cold.total}, cached ${warm.good}/${warm.total}`,
    );
  }
  const perSecond = (r: Run) => Math.round((r.rows / r.ms) * 1000).toLocaleString('en-US');
  const lines = [
    `file: ${rows.toLocaleString('en-US')} rows, ${(size / 2 ** 20).toFixed(0)} MiB (${csv})`,
    `baseline (indexOf + Number, 1 thread): ${perSecond(baseline)} rows/s, ${baseline.ms.toFixed(0)} ms, peak RSS ${baseline.maxRssMb.toFixed(0)} MB`,
    `ingest (parse, validate, aggregate to slices and days): ${perSecond(cold)} rows/s, ${cold.ms.toFixed(0)} ms, peak RSS ${cold.maxRssMb.toFixed(0)} MB`,
    `ratio to baseline: ${(baseline.ms / cold.ms).toFixed(2)}× (target ≥ 0.40×)`,
    `peak RSS of the ingest: ${cold.maxRssMb.toFixed(0)} MB (target ≤ 256 MB)`,
    `second run, unchanged file: ${warm.ms.toFixed(0)} ms, ${warm.cached ? 'cache hit, 0 rows parsed' : 'CACHE MISS'}; speed-up ${(cold.ms / warm.ms).toFixed(1)}× (target ≥ 20×)`,
    `load average (1 min): ${loadBefore.toFixed(2)} before, ${(loadavg()[0] ?? 0).toFixed(2)} after, on ${availableParallelism()} cores`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await rm(cacheDir, { recursive: true, force: true });
  if (!values.keep) await rm(csv, { force: true });
}
