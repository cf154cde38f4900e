/**
 * The SLI part of loadLedger, which every command and the site share: an OpenSLO catalog
 * reading a wide export, aggregated once and then served from the cache.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketList } from '../../src/domain/bucket.ts';
import { loadLedger } from '../../src/ingest/load-ledger.ts';
import { ledgerPaths } from '../../src/ingest/ledger-paths.ts';
import { CACHE_ENV } from '../../src/ingest/sli/cache-dir.ts';

const root = fileURLToPath(new URL('../fixtures/openslo/ledger-with-wide-export', import.meta.url));
const paths = ledgerPaths({ data: join(root, 'data'), content: join(root, 'content'), cwd: root });
const T0 = Date.UTC(2026, 6, 1);
const HOUR = 3_600_000;

let cacheDir = '';
let before: string | undefined;
beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'ledger-sli-cache-'));
  before = process.env[CACHE_ENV];
  process.env[CACHE_ENV] = cacheDir;
});
afterAll(async () => {
  if (before === undefined) delete process.env[CACHE_ENV];
  else process.env[CACHE_ENV] = before;
  await rm(cacheDir, { recursive: true, force: true });
});

describe('loadLedger', () => {
  it('reads an OpenSLO catalog over a wide export, then the unchanged file from the cache', async () => {
    const messages: string[] = [];
    const loaded = await loadLedger(paths, { progress: (m) => messages.push(m) });
    expect(loaded.diagnostics).toEqual([]);
    const first = loaded.ledger;
    if (first === null) throw new Error('the fixture did not load');
    expect(first.catalog.entries[0]?.timeWindow).toEqual({ duration: '28d', isRolling: true });
    // Epoch milliseconds: 1782864000000 is 2026-07-01T00:00:00Z.
    const aggregate = first.sli.get('checkout-availability');
    expect(aggregate && { ...aggregate, buckets: bucketList(aggregate.buckets) }).toEqual({
      sloId: 'checkout-availability',
      buckets: [
        { startMs: T0, good: 990, total: 1000 },
        { startMs: T0 + HOUR, good: 1000, total: 1000 },
        { startMs: T0 + 2 * HOUR, good: 980, total: 1000 },
      ],
      stepMs: HOUR,
      stepInferred: true,
      rows: 3,
      // The rows' name for the quarter memo: a sha256 of the file's cache key.
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const second = await loadLedger(paths, { progress: (m) => messages.push(m) });
    expect(second.ledger?.sli).toEqual(first.sli);
    expect(messages).toMatchInlineSnapshot(`
      [
        "read data/sli/grafana-download.csv: 3 rows for 1 SLO",
        "  SLO checkout-availability: timestamps read as Unix epoch milliseconds, told apart by their magnitude (timeFormat: epoch-ms states it)",
        "read data/sli/grafana-download.csv: 3 rows for 1 SLO (unchanged: from the cache)",
        "  SLO checkout-availability: timestamps read as Unix epoch milliseconds, told apart by their magnitude (timeFormat: epoch-ms states it)",
      ]
    `);
  });
});
