/**
 * README "From Prometheus", end to end: a Sloth spec and a Prometheus URL to a quarter's figures.
 * The spec is tests/fixtures/slo-specs/sloth/checkout-events-raw-plugin.yml; the Prometheus is
 * real (real-prometheus.ts) and serves checkout-requests-reset-and-gap.om, whose rows are worked
 * out by hand in pull.test.ts: bad 10+10+30+30+5+5+5+2+5+5 = 107, total
 * 610+610+630+630+515+605+605+352+505+505 = 5,567.
 */
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCliProcess } from '../support/run-cli.ts';
import { startPrometheus, type RealPrometheus } from './real-prometheus.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
let prometheus: RealPrometheus;
let dir: string;

beforeAll(async () => {
  prometheus = await startPrometheus(join(FIXTURES, 'prometheus', 'checkout-requests-reset-and-gap.om'));
  dir = await mkdtemp(join(tmpdir(), 'ledger-from-prometheus-'));
  await mkdir(join(dir, 'data'), { recursive: true });
  await cp(join(FIXTURES, 'prometheus', 'ledger.yaml'), join(dir, 'data', 'ledger.yaml'));
  await cp(join(FIXTURES, 'slo-specs', 'sloth'), join(dir, 'slo-specs'), { recursive: true });
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await rm(dir, { recursive: true, force: true });
});

it('imports a Sloth spec, pulls its SLI from Prometheus, reports the quarter and builds the site from it', async () => {
  const env = { LEDGER_PROMETHEUS_URL: prometheus.url };
  const imported = await runCliProcess(['import', 'sloth', 'slo-specs/checkout-events-raw-plugin.yml'], {
    cwd: dir,
  });
  expect(imported.code).toBe(0);
  const pulled = await runCliProcess(
    ['pull', '--from', '2026-03-02T00:00:00Z', '--to', '2026-03-02T01:00:00Z'],
    {
      cwd: dir,
      env,
    },
  );
  expect(pulled.stderr).toContain(
    'pull: 1 SLO, 10 rows appended, from 2026-03-02T00:00:00Z to 2026-03-02T01:00:00Z',
  );
  const report = await runCliProcess(['report', '2026-Q1', '--json'], { cwd: dir });
  expect(report.code).toBe(0);
  const slo = (JSON.parse(report.stdout) as { slos: Record<string, unknown>[] }).slos[0];
  // 5,567 − 107 = 5,460 good. 2026-Q1 is in progress as of 2 Mar 01:00 UTC (the end of the last
  // row), so the budget is the whole quarter's at this traffic (SPEC §6.2): 0.5% of 5,567 = 27.835
  // events so far, times |quarter| / elapsed = 2,160 h / 1,441 h (90 days; 1 Jan to 2 Mar 01:00).
  expect(slo).toMatchObject({
    id: 'checkout-requests-availability',
    owner: 'Pat Lee',
    team: 'payments',
    objective: 0.995,
    good: 5460,
    total: 5567,
    status: 'exhausted',
  });
  const budget = (27.835 * 2160) / 1441;
  expect(slo?.['budget']).toBeCloseTo(budget, 9);
  expect(slo?.['consumed']).toBeCloseTo(107 / budget, 9);

  // The third command: the site, with the pulled SLO's review. (Run from the tool's folder, as
  // npm run does; the ledger is named with --data and --content.)
  const built = await runCliProcess([
    'build',
    '--data',
    join(dir, 'data'),
    '--content',
    join(dir, 'content'),
    '--out',
    join(dir, 'dist'),
    '--cache-dir',
    join(dir, 'cache'),
  ]);
  expect(built.code, built.stderr).toBe(0);
  const review = await readFile(join(dir, 'dist', 'reviews', '2026-q1', 'index.html'), 'utf8');
  // 5,460 / 5,567 = 98.0779…%, truncated to one decimal more than the objective 99.5%: 98.07%.
  expect(review).toContain('98.07%');
  expect(review).toContain('checkout-requests-availability');
}, 300_000);
