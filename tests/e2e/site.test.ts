/**
 * The demo organisation's built site, served over HTTP and read in Debian's Chromium: the pages
 * a stakeholder opens first load cleanly and show the figures of the review JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from '../support/browser.ts';
import { serveDirectory, type StaticServer } from '../support/static-server.ts';
import '../support/sites.ts';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveDirectory(inject('demoSite'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page and collects console errors and failed requests while it loads. */
async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  return { page, problems };
}

describe('the demo site in Chromium', () => {
  it('opens the status board with every SLO and no console errors', async () => {
    const { page, problems } = await open('/');
    expect(await page.title()).toBe('Status · Acme reliability reviews');
    expect(await page.locator('h1').textContent()).toBe('Reliability status');
    // The demo catalog has seven SLOs (scripts/lib/catalog.ts).
    expect(await page.locator('table.slo-table tbody tr').count()).toBe(7);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens the latest complete review, whose table shows the JSON figures', async () => {
    const json = (await (await fetch(`${server.url}/reviews/2026-q3.json`)).json()) as {
      slos: { id: string; attainment: number | null; status: string }[];
    };
    const { page, problems } = await open('/reviews/2026-q3/');
    expect(await page.title()).toBe('Reliability review, July–September 2026 · Acme reliability reviews');
    const rows = page.locator('table.slo-table tbody tr');
    expect(await rows.count()).toBe(json.slos.length);
    for (const slo of json.slos) {
      const row = page.locator(`tr[data-slo="${slo.id}"]`);
      if (slo.attainment === null) {
        expect(await row.textContent()).toContain('insufficient data');
      } else {
        // The second cell's <data value> carries the unrounded attainment of the JSON.
        const value = await row.locator('td').nth(1).locator('data').getAttribute('value');
        expect(Number(value)).toBe(slo.attainment);
      }
    }
    // The demo's checkout SLO overspent its budget in 2026-Q3 (scripts/generate-demo.ts).
    expect(await page.locator('tr[data-slo="checkout-availability"]').textContent()).toContain('Exhausted');
    expect(problems).toEqual([]);
    await page.close();
  });
});
