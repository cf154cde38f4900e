/**
 * Every page type of the demo site in Chromium (SPEC §9, §13): loads without console errors, axe
 * finds no WCAG 2.2 A/AA violation, every chart is named, light and dark screenshots are taken,
 * and printing hides the navigation.
 */
import { mkdir } from 'node:fs/promises';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type Browser } from '../support/browser.ts';
import { chartLabelOverlaps, printedA4Pages } from '../support/page-checks.ts';
import { REPO_ROOT } from '../support/run-cli.ts';
import { serveDirectory, type StaticServer } from '../support/static-server.ts';
import '../support/sites.ts';

const PAGES = [
  ['status board', '/'],
  ['review list', '/reviews/'],
  ['complete review', '/reviews/2026-q3/'],
  ['review in progress', '/reviews/2026-q4/'],
  ['service list', '/services/'],
  ['service', '/services/checkout-api/'],
  ['incident list', '/incidents/'],
  ['incident facet', '/incidents/severity/sev2/'],
  ['incident write-up', '/incidents/2026-08-19-checkout-connection-pool-exhaustion/'],
  // Two SLI charts whose first time label once ran into the y axis's 0% label.
  ['incident write-up with two SLOs', '/incidents/2025-08-12-search-index-rebuild-saturation/'],
  ['action items', '/action-items/'],
  ['SLO', '/slos/checkout-availability/'],
  ['method', '/method/'],
  ['review summary', '/reviews/2026-q3/summary/'],
  ['search', '/search/?q=connection+pool'],
] as const;

const SHOTS = join(REPO_ROOT, 'test-results', 'screenshots');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveDirectory(inject('demoSite'));
  browser = await launchBrowser();
  await mkdir(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(
  path: string,
  colorScheme: 'light' | 'dark' = 'light',
  width = 1280,
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width, height: 900 });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  return { page, problems };
}

describe.each(PAGES)('the %s page (%s)', (name, path) => {
  // Three loads, three axe runs and three full-page screenshots: a review takes a while on a busy machine.
  it(
    'has no WCAG 2.2 A or AA violation according to axe, in light and dark, and at phone width',
    { timeout: 180_000 },
    async () => {
      for (const [scheme, width] of [
        ['light', 1280],
        ['dark', 1280],
        ['light', 390],
      ] as const) {
        const { page, problems } = await open(path, scheme, width);
        const result = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        const violations = result.violations.map(
          (v) =>
            `${v.id}: ${v.help} (${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join('; ')})`,
        );
        expect(violations, `${scheme} at ${width} px`).toEqual([]);
        expect(problems).toEqual([]);
        const file = join(SHOTS, `${name.replace(/\s+/g, '-')}-${scheme}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect((await stat(file)).size).toBeGreaterThan(10_000);
        await page.close();
      }
    },
  );

  it('names every chart: role img with a title and a description on the svg itself', async () => {
    const { page } = await open(path);
    const charts = await page.locator('main svg[role="img"]').evaluateAll((svgs) =>
      svgs.map((svg) => {
        const ids = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
        const described = (svg.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
        const text = (id: string) => svg.ownerDocument.getElementById(id)?.textContent?.trim() ?? '';
        return {
          name: ids.map(text).join(' '),
          description: [...ids, ...described].map(text).join(' '),
          tag: svg.querySelector('title')?.textContent ?? '',
        };
      }),
    );
    const unnamed = await page.locator('main svg:not([role="img"]):not([aria-hidden="true"])').count();
    expect(unnamed).toBe(0);
    for (const c of charts) {
      expect(c.name.length).toBeGreaterThan(5);
      expect(c.tag.length).toBeGreaterThan(5);
    }
    await page.close();
  });
});

describe.each(PAGES)('the charts of the %s page (%s)', (_name, path) => {
  it('never overprint one text label with another (bounding boxes in Chromium)', async () => {
    const { page } = await open(path);
    const overlaps = await chartLabelOverlaps(page);
    expect(overlaps).toEqual([]);
    await page.close();
  });
});

describe('printing a review', () => {
  it('hides the site navigation and keeps the scorecard', async () => {
    const { page } = await open('/reviews/2026-q3/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site nav').isVisible()).toBe(false);
    expect(await page.locator('table.slo-table').first().isVisible()).toBe(true);
    const breakInside = await page
      .locator('figure.chart')
      .first()
      .evaluate((el) => getComputedStyle(el).breakInside);
    expect(breakInside).toBe('avoid');
    await page.close();
  });
});

describe('the one-page summary', () => {
  it.each(['2025-q3', '2026-q2', '2026-q3', '2026-q4'])('of %s prints on one A4 page', async (quarter) => {
    const { page } = await open(`/reviews/${quarter}/summary/`);
    expect(await printedA4Pages(page)).toBe(1);
    await page.close();
  });
});

describe('search', () => {
  it('finds a postmortem by the words of its write-up, with the page as a link', async () => {
    const { page, problems } = await open('/search/');
    await page.getByLabel('Search for').fill('connection pool');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect
      .poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 })
      .toMatch(/^\d+ pages? found for “connection pool”/);
    const links = await page
      .locator('#search-results a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain('/incidents/2026-08-19-checkout-connection-pool-exhaustion/');
    expect(problems).toEqual([]);
    await page.close();
  });
});
