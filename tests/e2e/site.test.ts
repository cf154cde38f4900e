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
      const row = page.locator(`table.slo-table tr[data-slo="${slo.id}"]`);
      if (slo.attainment === null) {
        expect(await row.textContent()).toContain('insufficient data');
      } else {
        // The second cell's <data value> carries the unrounded attainment of the JSON.
        const value = await row.locator('td').nth(1).locator('data').getAttribute('value');
        expect(Number(value)).toBe(slo.attainment);
      }
    }
    // The demo's checkout SLO overspent its budget in 2026-Q3 (scripts/generate-demo.ts).
    expect(
      await page.locator('table.slo-table tr[data-slo="checkout-availability"]').textContent(),
    ).toContain('Exhausted');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens an incident write-up whose summary card shows the budget of the review JSON', async () => {
    const json = (await (await fetch(`${server.url}/reviews/2026-q3.json`)).json()) as {
      incidents: { id: string; severity: string; budgetConsumed: Record<string, number | null> }[];
    };
    const incident = json.incidents.find((i) => i.id === '2026-08-19-checkout-connection-pool-exhaustion');
    expect(incident?.severity).toBe('SEV1');
    const { page, problems } = await open('/incidents/2026-08-19-checkout-connection-pool-exhaustion/');
    const card = page.locator('.summary-card');
    expect(await card.locator('dd').nth(1).textContent()).toBe('SEV1');
    const used = await card.locator('data').first().getAttribute('value');
    expect(Number(used)).toBe(incident?.budgetConsumed['checkout-availability']);
    // 13:00Z–17:00Z on 19 Aug 2026 in Europe/London (BST): the generated sentence (SPEC §9.1).
    expect(await page.locator('.incident-sentence').textContent()).toMatch(
      /^On 19 Aug 2026, from 14:00 to 18:00 BST \(4 h\), this incident used \d+% of checkout-availability's July–September 2026 error budget\.$/,
    );
    expect(await page.locator('.postmortem-body h2').first().textContent()).toBe('Summary');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens the action items with the overdue ones first', async () => {
    const { page, problems } = await open('/action-items/');
    const states = await page
      .locator('table.action-items tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')));
    expect(states.length).toBeGreaterThan(10);
    const firstNotOverdue = states.findIndex((s) => s !== 'overdue');
    expect(firstNotOverdue).toBeGreaterThan(0);
    expect(states.slice(firstNotOverdue)).not.toContain('overdue');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('filters the incident list by severity without JavaScript', async () => {
    const { page, problems } = await open('/incidents/');
    await page.getByRole('link', { name: 'SEV1' }).click();
    await page.waitForURL(/\/incidents\/severity\/sev1\/$/);
    const severities = await page.locator('table.incident-table tbody tr td:nth-child(2)').allTextContents();
    expect(severities.length).toBeGreaterThan(0);
    expect(new Set(severities)).toEqual(new Set(['SEV1']));
    expect(problems).toEqual([]);
    await page.close();
  });
});
