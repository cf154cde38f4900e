/**
 * Builds the small fixture ledger with the real CLI and Astro (tests/setup/build-sites.ts) and
 * checks the pages and JSON against figures worked out by hand from the fixture CSVs:
 *
 * shop-availability, 99.9%, daily rows of 1,000 requests from 2026-04-01 to 2026-07-14 (UTC):
 *   2026-Q2 (91 days): T = 91,000; 10 May has 900 good, so bad = 100.
 *     A = 90,900 / 91,000 = 0.998901…, shown truncated as 99.89%.
 *     B = (1 − 0.999) · 91,000 = 91 events; C = 100 / 91 = 1.0989…; R = −0.0989… → exhausted, missed.
 *   2026-Q3 to as-of 2026-07-15T00:00Z (14 days): T = 14,000; 3 July has 996 good, so bad = 4.
 *     B is the whole quarter's budget at this traffic (SPEC §6.2): 0.001 · 14,000 · 92/14 = 92
 *     events; C = 4 / 92 = 0.0434…; R = 0.956… → healthy; burn rate (4/14,000)/0.001 = 0.2857….
 * shop-checkout, 99%, 200 requests a day, `bad:` column; 10 errors on 2 June:
 *   2026-Q2: T = 18,200; B = 182; C = 10 / 182 = 0.0549…; A = 18,190 / 18,200 = 0.99945… → 99.9%.
 */
import { readSiteText } from '../support/site-text.ts';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import '../support/sites.ts';

const site = inject('fixtureSite');
const read = (path: string) => readFile(join(site, path), 'utf8');
const readJson = async (path: string) =>
  JSON.parse(await read(path)) as {
    quarter: string;
    state: string;
    asOf: string;
    slos: Record<string, unknown>[];
  };

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('a fixture ledger built with the real CLI and Astro', () => {
  it('writes the home page and one review page per quarter with data', () => {
    expect(existsSync(join(site, 'index.html'))).toBe(true);
    expect(existsSync(join(site, 'reviews/2026-q2/index.html'))).toBe(true);
    expect(existsSync(join(site, 'reviews/2026-q3/index.html'))).toBe(true);
    expect(existsSync(join(site, 'reviews/2026-q1/index.html'))).toBe(false);
  });

  it('computes 2026-Q2 by hand: the shop spent 100 of 91 allowed failures', async () => {
    const q2 = await readJson('reviews/2026-q2.json');
    expect(q2.quarter).toBe('2026-Q2');
    expect(q2.state).toBe('complete');
    const shop = q2.slos.find((s) => s['id'] === 'shop-availability');
    expect(shop).toMatchObject({
      good: 90_900,
      total: 91_000,
      status: 'exhausted',
      met: false,
      insufficientData: false,
    });
    expect(shop?.['attainment']).toBeCloseTo(90_900 / 91_000, 12);
    expect(shop?.['budget']).toBeCloseTo(91, 9);
    expect(shop?.['consumed']).toBeCloseTo(100 / 91, 12);
    expect(shop?.['remaining']).toBeCloseTo(1 - 100 / 91, 12);
    const checkout = q2.slos.find((s) => s['id'] === 'shop-checkout');
    expect(checkout).toMatchObject({ good: 18_190, total: 18_200, status: 'healthy', met: true });
    expect(checkout?.['consumed']).toBeCloseTo(10 / 182, 12);
  });

  it('computes the quarter in progress up to the as-of time taken from the data', async () => {
    const q3 = await readJson('reviews/2026-q3.json');
    expect(q3.state).toBe('in-progress');
    expect(q3.asOf).toBe('2026-07-15T00:00:00.000Z');
    const shop = q3.slos.find((s) => s['id'] === 'shop-availability');
    expect(shop).toMatchObject({ good: 13_996, total: 14_000, status: 'healthy', met: null });
    expect(shop?.['budget']).toBe(92);
    expect(shop?.['consumed']).toBeCloseTo(4 / 92, 12);
    expect(shop?.['burnRate']).toBeCloseTo(4 / 14, 12);
  });

  it('shows the same figures on the review page, attainment truncated', async () => {
    const html = await read('reviews/2026-q2/index.html');
    expect(html).toContain('<title>Reliability review, April–June 2026 · Fixture Co reliability</title>');
    const shopRow = /<tr data-slo="shop-availability"[^>]*>([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? '';
    expect(shopRow).toContain('99.89%');
    expect(shopRow).not.toContain('99.90%');
    expect(shopRow).toContain('Exhausted');
    expect(shopRow).toContain('Pat Lee');
    const checkoutRow = /<tr data-slo="shop-checkout"[^>]*>([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? '';
    expect(checkoutRow).toContain('99.9%');
    // Over-budget rows come first in the scorecard (SPEC §9.1).
    expect(html.indexOf('data-slo="shop-availability"')).toBeLessThan(
      html.indexOf('data-slo="shop-checkout"'),
    );
    // The narrative from content/reviews/2026-q2.md.
    expect(html).toContain('the cache eviction storm of 10 May spent the shop');
  });

  it('renders the public postmortem and leaves the internal one out of every file', async () => {
    const page = await read('incidents/2026-05-10-shop-outage/index.html');
    expect(page).toContain('Shop pages failed after a cache eviction storm');
    expect(page).toContain('1 h 30 min'); // time to restore: 08:00 → 09:30
    expect(existsSync(join(site, 'incidents/2026-06-02-checkout-vendor'))).toBe(false);
    for (const file of await allFiles(site)) {
      const text = await readSiteText(file);
      expect(text, file).not.toContain('CONFIDENTIAL-VENDOR-PHRASE');
      expect(text, file).not.toContain('Checkout errors from the payment vendor');
    }
  });

  it('with --audience internal, shows the internal postmortem with a visible mark', async () => {
    const internal = inject('fixtureInternalSite');
    const page = await readFile(join(internal, 'incidents/2026-06-02-checkout-vendor/index.html'), 'utf8');
    expect(page).toContain('CONFIDENTIAL-VENDOR-PHRASE');
    expect(page).toMatch(/<span class="badge"[^>]*>internal<\/span>/);
    const q2 = JSON.parse(await readFile(join(internal, 'reviews/2026-q2.json'), 'utf8')) as {
      incidents: { id: string }[];
    };
    expect(q2.incidents.map((i) => i.id)).toEqual(['2026-05-10-shop-outage', '2026-06-02-checkout-vendor']);
  });

  it('gives a service without SLOs its page, with no SLO rows', async () => {
    const page = await read('services/status-page/index.html');
    expect(page).toContain('This service has no SLOs yet');
    expect(page).not.toContain('SLO attainment by quarter');
    const q3 = await readJson('reviews/2026-q3.json');
    expect(q3.slos.map((s) => s['service'])).not.toContain('status-page');
  });

  it('reads a write-up in Pacific time (timezone: America/Los_Angeles) and shows its title once', async () => {
    // The draft of 3 July 2026 is in the internal build only. 09:10 PDT (UTC−7) is 16:10 UTC,
    // 11:25 PDT is 18:25 UTC: 2 h 15 min. Its body opens with "# Status page showed stale data".
    const internal = inject('fixtureInternalSite');
    const page = await readFile(join(internal, 'incidents/2026-07-03-status-page-stale/index.html'), 'utf8');
    expect(page).toMatch(/16:10[^<]{0,20}18:25 UTC/);
    expect(page.match(/Status page showed stale data<\/h1>/g)).toHaveLength(1);
    expect(page).toContain('no due date');
    expect(existsSync(join(site, 'incidents/2026-07-03-status-page-stale'))).toBe(false);
  });

  it('uses no client JavaScript except the search page and its index', async () => {
    const files = await allFiles(site);
    expect(files.filter((f) => f.endsWith('.js') && !f.startsWith(join(site, 'pagefind')))).toEqual([]);
    for (const file of files.filter((f) => f.endsWith('.html')))
      if (file !== join(site, 'search/index.html'))
        expect(await readFile(file, 'utf8'), file).not.toContain('<script');
  });

  it('has a search page that says, without JavaScript, that search is off and where to browse', async () => {
    const page = await read('search/index.html');
    expect(page).toMatch(/<noscript>[\s\S]*Search needs JavaScript, which is off[\s\S]*<\/noscript>/);
    expect(page).toMatch(/<form id="site-search" role="search" hidden/);
  });
});
