/** `npm run report` on the small fixture ledger (figures worked out in tests/integration/build.test.ts). */
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../support/run-cli.ts';

const SMALL = [
  '--data',
  'tests/fixtures/ledgers/small/data',
  '--content',
  'tests/fixtures/ledgers/small/content',
];

describe('npm run report', () => {
  it('prints the review JSON of a quarter with --json', async () => {
    const run = await runCliProcess(['report', '2026-Q2', '--json', ...SMALL]);
    expect(run.code).toBe(0);
    const q = JSON.parse(run.stdout) as {
      quarter: string;
      slos: { id: string; good: number; total: number; consumed: number }[];
    };
    expect(q.quarter).toBe('2026-Q2');
    const shop = q.slos.find((s) => s.id === 'shop-availability');
    expect([shop?.good, shop?.total]).toEqual([90_900, 91_000]);
    expect(shop?.consumed).toBeCloseTo(100 / 91, 12);
  });

  it('prints a readable summary without --json, attainment truncated', async () => {
    const run = await runCliProcess(['report', '2026-q2', ...SMALL]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('April–June 2026 (2026-Q2), complete');
    // 100 of 91 allowed failures: 109.9% spent, rounded up to 110%, 10% over (SPEC §9.2 wording).
    expect(run.stdout).toContain(
      'shop-availability: 99.89% vs objective 99.9%, 110% spent (10% over budget: 100 of 91 allowed failed requests)',
    );
    expect(run.stdout).toContain('data as of 15 Jul 2026 00:00 UTC');
    expect(run.stdout).toContain('— exhausted');
  });

  it('takes --as-of: at 2026-07-08 the third quarter holds 7 days of rows', async () => {
    const run = await runCliProcess([
      'report',
      '2026-Q3',
      '--json',
      '--as-of',
      '2026-07-08T00:00:00Z',
      ...SMALL,
    ]);
    expect(run.code).toBe(0);
    const q = JSON.parse(run.stdout) as { asOf: string; slos: { id: string; total: number }[] };
    expect(q.asOf).toBe('2026-07-08T00:00:00.000Z');
    // 7 daily rows of 1,000 requests (1–7 July).
    expect(q.slos.find((s) => s.id === 'shop-availability')?.total).toBe(7_000);
  });

  it('names the quarters that exist when asked for one without data (exit 2)', async () => {
    const run = await runCliProcess(['report', '2025-Q1', ...SMALL]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no data for quarter "2025-Q1"; quarters with data: 2026-Q2, 2026-Q3');
  });

  it('exits 2 without a quarter, and 2 on a malformed --as-of', async () => {
    expect((await runCliProcess(['report', ...SMALL])).code).toBe(2);
    const run = await runCliProcess(['report', '2026-Q2', '--as-of', 'yesterday', ...SMALL]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--as-of "yesterday" is not an ISO 8601 instant');
    // A date that does not exist is refused too, not rolled over to 2 March.
    const impossible = await runCliProcess([
      'report',
      '2026-Q2',
      '--as-of',
      '2026-02-30T00:00:00Z',
      ...SMALL,
    ]);
    expect(impossible.code).toBe(2);
    expect(impossible.stderr).toContain('--as-of "2026-02-30T00:00:00Z" is not an ISO 8601 instant');
  });
});
