/** `npm run report` on the small fixture ledger (figures worked out in tests/integration/build.test.ts). */
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../support/run-cli.ts';

const SMALL = [
  '--data',
  'tests/fixtures/ledgers/small/data',
  '--content',
  'tests/fixtures/ledgers/small/content',
];

const SPARSE = [
  '--data',
  'tests/fixtures/ledgers/sparse-export/data',
  '--content',
  'tests/fixtures/ledgers/sparse-export/content',
];

const DAILY = [
  '--data',
  'tests/fixtures/ledgers/daily-export-and-a-service-without-slos/data',
  '--content',
  'tests/fixtures/ledgers/daily-export-and-a-service-without-slos/content',
];

describe('npm run report', () => {
  it('reads a daily export of dates alone and a service without SLOs whose write-up is in Pacific time', async () => {
    const run = await runCliProcess(['report', '2025-Q1', '--json', ...DAILY]);
    expect(run.code).toBe(0);
    const q = JSON.parse(run.stdout) as {
      asOf: string;
      slos: { id: string; service: string; good: number; total: number; coverage: number }[];
      services: {
        id: string;
        incidents: number;
        mtbfHours: number | null;
        ttrMedianMinutes: number | null;
      }[];
      incidents: { id: string; started: string; slos: string[] }[];
    };
    // 90 daily rows of 1,440 minutes (1 Jan–31 Mar 2025), 12 + 95 + 3 minutes down.
    expect(q.slos).toMatchObject([{ id: 'website-uptime', good: 129_490, total: 129_600, coverage: 1 }]);
    // The last row, 31 March, starts at midnight PDT (07:00Z) and covers one day.
    expect(q.asOf).toBe('2025-04-01T07:00:00.000Z');
    // 04:19 PST is 12:19Z; restored at 07:58 PST: 3 h 39 min. The quarter in Los Angeles is
    // 90 days less the hour lost on 9 March, 2,159 h; MTBF = 2,159 h − 3.65 h = 2,155.35 h.
    expect(q.incidents).toEqual([
      expect.objectContaining({
        id: '2025-01-18-builds-stuck',
        started: '2025-01-18T12:19:00.000Z',
        slos: [],
      }),
    ]);
    const build = q.services.find((s) => s.id === 'build-service');
    expect(build).toMatchObject({ incidents: 1, ttrMedianMinutes: 219 });
    expect(build?.mtbfHours).toBeCloseTo(2155.35, 9);
    expect(q.slos.map((s) => s.service)).not.toContain('build-service');
  });

  it('warns about a sparse export and says beside the SLO how little of the quarter has data', async () => {
    const run = await runCliProcess(['report', '2025-Q3', ...SPARSE]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('warning: SLO website-uptime: the rows cover 1.9% of its quarters so far');
    // Q3 2025 has 92 days; rows on 14 and 15 September: 2/92 = 2.17%, truncated to one decimal.
    expect(run.stdout).toContain('data for 2.1% of the quarter, incomplete');
  });

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
