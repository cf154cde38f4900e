/**
 * `npm run pull` against a real Prometheus (real-prometheus.ts) serving
 * tests/fixtures/prometheus/checkout-requests-reset-and-gap.om: two counters of
 * http_requests_total{job="checkout"}, a sample a minute from 2026-03-02T00:00Z (k = 0…59):
 *
 *   code="200": 1000 at k=0, +120 a minute to 3400 at k=20; restarted at k=21 (30), +120 a
 *               minute to 1590 at k=34; no samples k=35…46; 3150 at k=47, +100 a minute to 4350.
 *   code="500": 10 at k=0, +2 a minute to 30 at k=10, +6 a minute to 90 at k=20; restarted at
 *               k=21 (1), +1 a minute to 14 at k=34; no samples k=35…46; 27, 28, 28, 29 at
 *               k=47…50, then +1 a minute to 38 at k=59.
 *
 * Prometheus 2.42 reads a 5m window at t + 5m as the samples in [t, t + 5m], and increase() is
 * last − first, plus the value before each drop (a restart from 0), extrapolated to the window's
 * edges when a sample is missing there (promql/functions.go, extrapolatedRate). By hand:
 *
 *   row    samples   code 200                     code 500                   total  bad
 *   00:00  k 0–5     600                          10                         610    10
 *   00:05  k 5–10    600                          10                         610    10
 *   00:10  k 10–15   600                          30                         630    30
 *   00:15  k 15–20   600                          30                         630    30
 *   00:20  k 20–25   510 − 3400 + 3400 = 510      5 − 90 + 90 = 5            515    5
 *   00:25  k 25–30   600                          5                          605    5
 *   00:30  k 30–34   480 × 300/240 = 600          4 × 300/240 = 5            605    5
 *   00:35  none      (gap: no row)
 *   00:40  k 45 absent, so no sample at all: no row
 *   00:45  k 47–50   300 × 210/180 = 350          2 × 210/180 = 2.33         352    2
 *                    (first sample 120 s in: more than 1.1 × the 60 s spacing, so it is
 *                    extrapolated by half a spacing, 30 s: 180 + 30 = 210 of 180 s)
 *   00:50  k 50–55   500                          5                          505    5
 *   00:55  k 55–59   400 × 300/240 = 500          4 × 300/240 = 5            505    5
 */
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prometheusSettingsFromEnv } from '../../src/ingest/prometheus/prometheus-client.ts';
import { pullSlo } from '../../src/ingest/prometheus/pull-slo.ts';
import { readSloCatalog } from '../../src/ingest/catalog/read.ts';
import { runCliProcess, type CliRun } from '../support/run-cli.ts';
import { startPrometheus, type RealPrometheus } from './real-prometheus.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/prometheus/', import.meta.url));
const FROM = '2026-03-02T00:00:00Z';
const TO = '2026-03-02T01:00:00Z';

const ERRORS_CSV = `timestamp,bad,total
2026-03-02T00:00:00Z,10,610
2026-03-02T00:05:00Z,10,610
2026-03-02T00:10:00Z,30,630
2026-03-02T00:15:00Z,30,630
2026-03-02T00:20:00Z,5,515
2026-03-02T00:25:00Z,5,605
2026-03-02T00:30:00Z,5,605
2026-03-02T00:45:00Z,2,352
2026-03-02T00:50:00Z,5,505
2026-03-02T00:55:00Z,5,505
`;

let prometheus: RealPrometheus;
const dirs: string[] = [];

beforeAll(async () => {
  prometheus = await startPrometheus(join(FIXTURES, 'checkout-requests-reset-and-gap.om'));
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** A ledger holding ledger.yaml and the named SLO files of tests/fixtures/prometheus/slos/. */
async function ledgerWith(...sloFiles: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ledger-pull-'));
  dirs.push(dir);
  await mkdir(join(dir, 'data', 'slos'), { recursive: true });
  await cp(join(FIXTURES, 'ledger.yaml'), join(dir, 'data', 'ledger.yaml'));
  for (const f of sloFiles) await cp(join(FIXTURES, 'slos', f), join(dir, 'data', 'slos', f));
  return dir;
}

function pull(dir: string, ...args: string[]): Promise<CliRun> {
  return runCliProcess(['pull', ...args], {
    cwd: dir,
    env: { LEDGER_PROMETHEUS_URL: prometheus.url },
  });
}

const csv = (dir: string, name: string) => readFile(join(dir, 'data', 'sli', name), 'utf8');

describe('npm run pull against a real Prometheus', { timeout: 60_000 }, () => {
  it('writes per-step counts of counter selectors, through a reset and a gap (hand-worked above)', async () => {
    const dir = await ledgerWith('counter-selectors.yaml');
    const run = await pull(dir, '--from', FROM, '--to', TO);
    expect(run.stderr).toBe(
      `checkout-errors: 2026-03-02T00:00:00Z – 2026-03-02T01:00:00Z: 10 rows appended, 0 updated, 0 unchanged, 2 steps without samples → data/sli/checkout-errors.csv
checkout-good: 2026-03-02T00:00:00Z – 2026-03-02T01:00:00Z: 10 rows appended, 0 updated, 0 unchanged, 2 steps without samples → data/sli/checkout.csv
pull: 2 SLOs, 20 rows appended, from 2026-03-02T00:00:00Z to 2026-03-02T01:00:00Z
`,
    );
    expect(run.code).toBe(0);
    expect(await csv(dir, 'checkout-errors.csv')).toBe(ERRORS_CSV);
    // good = code 200's increase: total − bad, except at 00:45 where each is extrapolated on its
    // own: 350 good of 352.33 → 352.
    expect(await csv(dir, 'checkout.csv')).toBe(`timestamp,series,ok,requests
2026-03-02T00:00:00Z,good,600,610
2026-03-02T00:05:00Z,good,600,610
2026-03-02T00:10:00Z,good,600,630
2026-03-02T00:15:00Z,good,600,630
2026-03-02T00:20:00Z,good,510,515
2026-03-02T00:25:00Z,good,600,605
2026-03-02T00:30:00Z,good,600,605
2026-03-02T00:45:00Z,good,350,352
2026-03-02T00:50:00Z,good,500,505
2026-03-02T00:55:00Z,good,500,505
`);
    // What was written is an SLI the engine reads: check passes.
    const check = await runCliProcess(['check'], { cwd: dir });
    expect(check.stderr).not.toContain('error:');
  });

  it("gives the same rows for Sloth's {{.window}} rate queries (rate × 300 s) and for OpenSLO's Prometheus source", async () => {
    const dir = await ledgerWith('sloth-window.yaml', 'openslo-prometheus.yaml');
    const run = await pull(dir, '--from', FROM, '--to', TO);
    expect(run.code).toBe(0);
    expect(await csv(dir, 'checkout-sloth.csv')).toBe(ERRORS_CSV);
    expect(await csv(dir, 'checkout-openslo.csv')).toBe(ERRORS_CSV);
  });

  it('counts 0 for a numerator with no series, and writes a value query as it is (rate per second)', async () => {
    const dir = await ledgerWith('no-errors-series-and-a-value.yaml');
    const run = await pull(dir, '--from', FROM, '--to', TO);
    expect(run.code).toBe(0);
    const totals = ERRORS_CSV.trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    expect(await csv(dir, 'checkout-client-errors.csv')).toBe(
      `timestamp,bad,total\n${totals.map(([t, , total]) => `${t},0,${total}`).join('\n')}\n`,
    );
    // The per-second rate, total / 300 s, to 12 significant digits: 610 / 300 = 2.03333333333.
    expect(await csv(dir, 'checkout-throughput.csv')).toBe(`timestamp,value
2026-03-02T00:00:00Z,2.03333333333
2026-03-02T00:05:00Z,2.03333333333
2026-03-02T00:10:00Z,2.1
2026-03-02T00:15:00Z,2.1
2026-03-02T00:20:00Z,1.71666666667
2026-03-02T00:25:00Z,2.01666666667
2026-03-02T00:30:00Z,2.01666666667
2026-03-02T00:45:00Z,1.17444444444
2026-03-02T00:50:00Z,1.68333333333
2026-03-02T00:55:00Z,1.68333333333
`);
  });

  it('adds nothing when run twice', async () => {
    const dir = await ledgerWith('counter-selectors.yaml');
    await pull(dir, '--from', FROM, '--to', TO);
    const again = await pull(dir, '--to', TO);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(
      'checkout-errors: 2026-03-02T00:55:00Z – 2026-03-02T01:00:00Z: 0 rows appended, 0 updated, 1 unchanged, 0 steps without samples',
    );
    expect(again.stderr).toContain('pull: 2 SLOs, 0 rows appended');
    expect(await csv(dir, 'checkout-errors.csv')).toBe(ERRORS_CSV);
  });

  it('appends after the last row, re-checking it, and corrects it when it changed', async () => {
    const dir = await ledgerWith('counter-selectors.yaml');
    await pull(dir, '--from', FROM, '--to', '2026-03-02T00:30:00Z');
    expect(await csv(dir, 'checkout-errors.csv')).toBe(ERRORS_CSV.split('\n').slice(0, 7).join('\n') + '\n');
    // The last row as if it had been pulled before every scrape of its step had arrived.
    const path = join(dir, 'data', 'sli', 'checkout-errors.csv');
    await writeFile(path, (await readFile(path, 'utf8')).replace('00:25:00Z,5,605', '00:25:00Z,4,480'));
    const run = await pull(dir, '--to', TO);
    // From the last row (00:25) to 01:00: 7 steps, 00:25 corrected, 4 new rows, 00:35 and 00:40 empty.
    expect(run.stderr).toContain(
      'checkout-errors: 2026-03-02T00:25:00Z – 2026-03-02T01:00:00Z: 4 rows appended, 1 updated, 0 unchanged, 2 steps without samples',
    );
    expect(await csv(dir, 'checkout-errors.csv')).toBe(ERRORS_CSV);
  });

  it('splits a range over the point limit into pieces and gets the same rows', async () => {
    const dir = await ledgerWith('counter-selectors.yaml');
    const { catalog } = await readSloCatalog(join(dir, 'data', 'slos'), 'data/slos');
    const entry = catalog.entries.find((e) => e.slo.id === 'checkout-errors');
    const settings = prometheusSettingsFromEnv({ LEDGER_PROMETHEUS_URL: prometheus.url });
    if (entry === undefined || !settings.ok) throw new Error('fixture');
    let requests = 0;
    const r = await pullSlo(entry, {
      dataDir: join(dir, 'data'),
      settings: settings.settings,
      fromMs: Date.parse(FROM),
      toMs: Date.parse(TO),
      defaultFromMs: 0,
      dryRun: false,
      maxPoints: 5,
      client: {
        fetch: (input, init) => (requests++, fetch(input, init)),
        sleep: async () => {},
      },
    });
    // 12 steps in pieces of 5, 5 and 2, two queries each.
    expect(requests).toBe(6);
    expect(r.appended).toBe(10);
    expect(await csv(dir, 'checkout-errors.csv')).toBe(ERRORS_CSV);
  });

  it('writes nothing on --dry-run', async () => {
    const dir = await ledgerWith('sloth-window.yaml');
    const run = await pull(dir, '--from', FROM, '--to', TO, '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('10 rows to append');
    await expect(csv(dir, 'checkout-sloth.csv')).rejects.toThrow(/ENOENT/);
  });

  it("names the SLO and the query with Prometheus's own message for bad PromQL", async () => {
    const dir = await ledgerWith('bad-promql.yaml');
    const run = await pull(dir, '--from', FROM, '--to', TO);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'pull: error: checkout-typo: query sum(rate(http_requests_total{code=~"5.."}[{{.window}}]): bad_data: 1:',
    );
    expect(run.stderr).toContain('parse error: unclosed left parenthesis');
    await expect(csv(dir, 'checkout-typo.csv')).rejects.toThrow(/ENOENT/);
  });

  it('names an unknown metric rather than writing an empty file', async () => {
    const dir = await ledgerWith('unknown-metric.yaml');
    const run = await pull(dir, '--from', FROM, '--to', TO);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'pull: error: checkout-misspelt: query http_request_total{code=~"5.."}: unknown metric "http_request_total": the API has no series of that name',
    );
  });

  it('leaves an export with other columns alone, and says so', async () => {
    const dir = await ledgerWith('sloth-window.yaml');
    await mkdir(join(dir, 'data', 'sli'), { recursive: true });
    const export_ = 'time,errors,requests\n2026-03-01T23:55:00Z,1,100\n';
    await writeFile(join(dir, 'data', 'sli', 'checkout-sloth.csv'), export_);
    const run = await pull(dir, '--from', FROM, '--to', TO);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'pull: error: checkout-errors-sloth: sli/checkout-sloth.csv has the columns time, errors, requests but pull writes timestamp, bad, total (missing: timestamp, bad, total); point sli.source at a new file',
    );
    expect(await csv(dir, 'checkout-sloth.csv')).toBe(export_);
  });

  it('refuses to run without LEDGER_PROMETHEUS_URL (wrong usage, exit 2)', async () => {
    const dir = await ledgerWith('sloth-window.yaml');
    const run = await runCliProcess(['pull'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('set LEDGER_PROMETHEUS_URL');
  });
});
