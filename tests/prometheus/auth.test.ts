/**
 * What pull sends and how it reacts to refusals, against a tiny local HTTP server standing in
 * for an API behind a proxy: credentials and tenant headers come from the environment, a 401 is
 * reported (not retried), a 429 or 503 is retried with backoff.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prometheusSettingsFromEnv } from '../../src/ingest/prometheus/prometheus-client.ts';
import { pullSlo } from '../../src/ingest/prometheus/pull-slo.ts';
import { readSloCatalog } from '../../src/ingest/catalog/read.ts';
import { runCliProcess } from '../support/run-cli.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/prometheus/', import.meta.url));
let server: Server;
let url: string;
let dir: string;
const seen: IncomingHttpHeaders[] = [];
/** Statuses to answer with before a success, per test. */
let refusals: number[] = [];
/** When set, requests get no answer at all. */
let hang = false;

/** One step's answer: bad 3, total 120 for the row 2026-03-02T00:00Z (evaluated at 00:05). */
const SUCCESS = JSON.stringify({
  status: 'success',
  data: { resultType: 'matrix', result: [{ metric: {}, values: [[1772409900, '3']] }] },
});

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    if (hang) return;
    const status = refusals.shift();
    if (req.headers.authorization !== 'Bearer right-token') {
      res.writeHead(401, { 'Content-Type': 'text/plain' }).end('Unauthorized\n');
    } else if (status !== undefined) {
      res
        .writeHead(status, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ status: 'error', errorType: 'unavailable', error: 'try later' }));
    } else {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(SUCCESS);
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  dir = await mkdtemp(join(tmpdir(), 'ledger-pull-auth-'));
  await mkdir(join(dir, 'data', 'slos'), { recursive: true });
  await cp(join(FIXTURES, 'ledger.yaml'), join(dir, 'data', 'ledger.yaml'));
  await cp(join(FIXTURES, 'slos', 'sloth-window.yaml'), join(dir, 'data', 'slos', 'sloth-window.yaml'));
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});

describe('pull: credentials and refusals', { timeout: 30_000 }, () => {
  it('reports an authentication failure with the SLO, the query and the status, and writes nothing', async () => {
    seen.length = 0;
    const run = await runCliProcess(
      ['pull', '--from', '2026-03-02T00:00:00Z', '--to', '2026-03-02T00:05:00Z'],
      {
        cwd: dir,
        env: {
          LEDGER_PROMETHEUS_URL: url,
          LEDGER_PROMETHEUS_BEARER_TOKEN: 'wrong-token',
          LEDGER_PROMETHEUS_HEADERS: 'X-Scope-OrgID: tenant-1',
        },
      },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'pull: error: checkout-errors-sloth: query sum(rate(http_requests_total{job="checkout",code=~"5.."}[{{.window}}])): authentication failed (HTTP 401): Unauthorized',
    );
    // Not retried: one request, carrying the token and the tenant header from the environment.
    expect(seen).toHaveLength(1);
    expect(seen[0]?.authorization).toBe('Bearer wrong-token');
    expect(seen[0]?.['x-scope-orgid']).toBe('tenant-1');
    await expect(readFile(join(dir, 'data', 'sli', 'checkout-sloth.csv'))).rejects.toThrow(/ENOENT/);
  });

  it('retries a 429 and a 503 with growing waits, then writes the row', async () => {
    seen.length = 0;
    refusals = [429, 503];
    const { catalog } = await readSloCatalog(join(dir, 'data', 'slos'), 'data/slos');
    const entry = catalog.entries[0];
    const env = prometheusSettingsFromEnv({
      LEDGER_PROMETHEUS_URL: url,
      LEDGER_PROMETHEUS_BEARER_TOKEN: 'right-token',
    });
    if (entry === undefined || !env.ok) throw new Error('fixture');
    const waits: number[] = [];
    const r = await pullSlo(entry, {
      dataDir: join(dir, 'data'),
      settings: env.settings,
      fromMs: Date.parse('2026-03-02T00:00:00Z'),
      toMs: Date.parse('2026-03-02T00:05:00Z'),
      defaultFromMs: 0,
      dryRun: false,
      client: { fetch: (i, init) => fetch(i, init), sleep: async (ms) => void waits.push(ms) },
    });
    expect(waits).toEqual([1000, 2000]);
    // Both queries answer "3" per second of rate: 3 × 300 s = 900 of 900.
    expect(r.appended).toBe(1);
    expect(await readFile(join(dir, 'data', 'sli', 'checkout-sloth.csv'), 'utf8')).toBe(
      'timestamp,bad,total\n2026-03-02T00:00:00Z,900,900\n',
    );
  });

  it('gives up on an API that does not answer, after retrying, and says it timed out', async () => {
    seen.length = 0;
    hang = true;
    const { catalog } = await readSloCatalog(join(dir, 'data', 'slos'), 'data/slos');
    const entry = catalog.entries[0];
    const env = prometheusSettingsFromEnv({
      LEDGER_PROMETHEUS_URL: url,
      LEDGER_PROMETHEUS_BEARER_TOKEN: 'right-token',
      LEDGER_PROMETHEUS_TIMEOUT_SECONDS: '0.2',
    });
    if (entry === undefined || !env.ok) throw new Error('fixture');
    const waits: number[] = [];
    const pulled = pullSlo(entry, {
      dataDir: join(dir, 'data'),
      settings: env.settings,
      fromMs: Date.parse('2026-03-02T00:05:00Z'),
      toMs: Date.parse('2026-03-02T00:10:00Z'),
      defaultFromMs: 0,
      dryRun: true,
      client: { fetch: (i, init) => fetch(i, init), sleep: async (ms) => void waits.push(ms) },
    });
    await expect(pulled).rejects.toThrow(
      'checkout-errors-sloth: query sum(rate(http_requests_total{job="checkout",code=~"5.."}[{{.window}}])): no answer within 0.2 s (timeout)',
    );
    // One try and four retries.
    expect(seen).toHaveLength(5);
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
    hang = false;
  });

  it('reads basic auth and several extra headers from the environment', () => {
    const r = prometheusSettingsFromEnv({
      LEDGER_PROMETHEUS_URL: 'https://mimir.example.com/prometheus/',
      LEDGER_PROMETHEUS_USERNAME: 'ledger',
      LEDGER_PROMETHEUS_PASSWORD: 's3cret',
      LEDGER_PROMETHEUS_HEADERS: 'X-Scope-OrgID: tenant-1\nX-Extra: a:b',
    });
    expect(r).toEqual({
      ok: true,
      settings: {
        url: 'https://mimir.example.com/prometheus',
        // base64("ledger:s3cret")
        headers: {
          Authorization: 'Basic bGVkZ2VyOnMzY3JldA==',
          'X-Scope-OrgID': 'tenant-1',
          'X-Extra': 'a:b',
        },
        timeoutMs: 60_000,
      },
    });
  });
});
