/**
 * Issue 12 item 4: a quarter whose SLOs could not be judged is never given a verdict. Builds
 * tests/fixtures/ledgers/empty-quarter with the real CLI and Astro: daily rows for 1–10 January
 * and 1–15 July 2026 and nothing in April–June, so in 2026-Q2 both SLOs have no data. A SEV2 that
 * began on 30 June burned July–September's budget (item 11), and the budgets are counted in
 * minutes and days (item 20).
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../support/run-cli.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/ledgers/empty-quarter/', import.meta.url));
let root: string;
let site: string;

/** The text a reader sees: tags, styles and entities out, whitespace folded. */
const visibleText = (html: string): string =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
const page = async (path: string) => visibleText(await readFile(join(site, path), 'utf8'));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ledger-empty-quarter-'));
  site = join(root, 'dist');
  const run = await runCliProcess([
    'build',
    '--data',
    join(FIXTURE, 'data'),
    '--content',
    join(FIXTURE, 'content'),
    '--out',
    site,
    '--cache-dir',
    join(root, 'cache'),
  ]);
  if (run.code !== 0) throw new Error(`build failed (exit ${run.code}):\n${run.stderr}\n${run.stdout}`);
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('a quarter in which no SLO had enough data', () => {
  it('no page says "ship as planned" or "0 of N missed" about April–June 2026', async () => {
    const review = await page('reviews/2026-q2/index.html');
    expect(review).toContain('No SLO had enough data to judge: 2 with no data.');
    expect(review).not.toContain('ship as planned');
    expect(review).not.toMatch(/\b0 of \d+ (SLOs )?(missed|met)/);
    expect(review).not.toMatch(/SLOs that met their objective 0 of/);
    const index = await page('reviews/index.html');
    expect(index).toContain('April–June 2026 · 2026-Q2 · no SLO had enough data to judge: 2 with no data');
    // Anywhere on the site: no "0 of N … missed" line at all in this ledger.
    const files = (await readdir(site, { recursive: true })).filter((f) => f.endsWith('.html'));
    for (const f of files) expect(await page(f), f).not.toMatch(/\b0 of \d+ SLOs missed/);
  });

  it('lists the incident that began in April–June apart on July–September, with its action items', async () => {
    const review = await page('reviews/2026-q3/index.html');
    expect(review).toContain(
      "No incidents began in July–September 2026. An incident that began in April–June 2026 burned this quarter's budget; it is listed apart with its action items.",
    );
    expect(review).toContain(
      'Began in April–June 2026: not counted in July–September 2026, but used its error budget',
    );
    expect(review).toContain(
      'From “Site down overnight after a certificate expired”, which began in April–June 2026',
    );
  });

  it("writes budgets and counts in each SLO's unit", async () => {
    const review = await page('reviews/2026-q1/index.html');
    // January: 40 of 14,400 minutes down at 99.9%: 14.4 allowed; 40 / 14.4 = 277.8% → 278%.
    expect(review).toContain('278% spent (178% over budget: 40 of 14 allowed failed minutes)');
    expect(review).toContain('14,400 minutes');
    expect(review).toContain('10 days (good when p99_ms ≤ 300)');
    expect(review).not.toContain('failed requests');
  });
});
