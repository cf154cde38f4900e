/**
 * Issue 12 item 9 in Chromium: in the quarter in progress a chart's last point is the figure printed
 * beside it, for every SLO. The burn-downs on the review and on each SLO page end at the "% spent"
 * printed there, and each status-board sparkline ends at its "% left". Each chart is read three ways:
 * its `data-last-value` (the value of the line's last point, from the chart's own data), where the
 * line is drawn (its end mapped through the axis, or through the ideal line and the 100% rule of a
 * thumbnail), and, for the sparkline, the words drawn at the line's end.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type Browser } from '../support/browser.ts';
import { serveDirectory, type StaticServer } from '../support/static-server.ts';
import '../support/sites.ts';

interface SloJson {
  id: string;
  consumed: number | null;
  remaining: number | null;
}

const site = inject('demoSite');
let server: StaticServer;
let browser: Browser;
let q: { quarter: string; slug: string; state: string; slos: SloJson[] };

beforeAll(async () => {
  server = await serveDirectory(site);
  browser = await launchBrowser();
  // The quarter in progress is the newest one the site publishes.
  const index = JSON.parse(await readFile(join(site, 'reviews/2026-q4.json'), 'utf8')) as typeof q;
  q = index;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}${path}`);
  return page;
}

/** Spent as SPEC §9.2 prints it, worked by hand: rounded up to a whole percent (float noise absorbed first). */
function spentText(consumed: number): string {
  return `${Math.ceil(Number((consumed * 100).toFixed(9)))}%`;
}

/**
 * Where the chart's budget line ends, as a value: the end of the solid line mapped through two
 * drawn references — the y axis's first and last labels at their grid lines for a full burn-down,
 * the ideal line's start (0%) and the 100% rule for a thumbnail. Also how much one pixel is worth.
 */
async function drawnLastValue(chart: Locator): Promise<{ value: number; perPixel: number }> {
  return chart.evaluate((root) => {
    const svg = root.querySelector('svg');
    if (svg === null) throw new Error('no svg');
    const screenY = (el: SVGGraphicsElement, x: number, y: number): number => {
      const m = el.getScreenCTM();
      if (m === null) throw new Error('no CTM');
      return new DOMPoint(x, y).matrixTransform(m).y;
    };
    const pathByStroke = (name: string): SVGPathElement | null =>
      [...svg.querySelectorAll<SVGPathElement>('g.role-mark path')].find((p) =>
        (p.getAttribute('style') ?? '').includes(`--chart-${name}`),
      ) ?? null;
    const line = pathByStroke('line');
    if (line === null) throw new Error('no budget line');
    const end = line.getPointAtLength(line.getTotalLength());
    const endY = screenY(line, end.x, end.y);

    const labels = [...svg.querySelectorAll<SVGTextElement>('g.role-axis-label text')].filter(
      (t) => t.getAttribute('text-anchor') === 'end' && /%$/.test(t.textContent ?? ''),
    );
    let refs: { value: number; y: number }[];
    if (labels.length >= 2) {
      // The y grid lines sit at the ticks, one per label and in the same order.
      const grid = [...svg.querySelectorAll<SVGLineElement>('g.role-axis-grid line')].filter(
        (l) => l.getAttribute('x2') !== '0',
      );
      if (grid.length !== labels.length)
        throw new Error(`${grid.length} grid lines, ${labels.length} labels`);
      const first = 0;
      const last = labels.length - 1;
      refs = [first, last].map((i) => ({
        value: Number.parseFloat(labels[i]?.textContent ?? '') / 100,
        y: screenY(grid[i] as SVGLineElement, 0, 0),
      }));
    } else {
      const ideal = pathByStroke('ideal');
      const rule = [...svg.querySelectorAll<SVGLineElement>('g.role-mark line')].find((l) =>
        (l.getAttribute('style') ?? '').includes('--chart-bad'),
      );
      if (ideal === null || rule === undefined) throw new Error('no ideal line or 100% rule');
      const start = ideal.getPointAtLength(0);
      refs = [
        { value: 0, y: screenY(ideal, start.x, start.y) },
        { value: 1, y: screenY(rule, 0, 0) },
      ];
    }
    const [a, b] = refs as [{ value: number; y: number }, { value: number; y: number }];
    const perPixel = Math.abs((b.value - a.value) / (b.y - a.y));
    return { value: a.value + ((endY - a.y) * (b.value - a.value)) / (b.y - a.y), perPixel };
  });
}

async function lastValueOf(chart: Locator): Promise<number> {
  const text = await chart.locator('[data-last-value]').first().getAttribute('data-last-value');
  expect(text, 'data-last-value').not.toBeNull();
  return Number(text);
}

describe('in the quarter in progress, every chart ends at the figure printed beside it', () => {
  it('2026-Q4 is the quarter in progress, with SLOs to check', () => {
    expect(q.state).toBe('in-progress');
    expect(q.slos.filter((s) => s.consumed !== null).length).toBeGreaterThan(0);
  });

  it('the review: each burn-down ends at the "% spent" of the scorecard and of the words beside it', async () => {
    const page = await open(`/reviews/${q.slug}/`);
    try {
      for (const slo of q.slos) {
        const chart = page.locator(`#chart-burn-down-${slo.id}`).first();
        if (slo.consumed === null) {
          // No budget, no burn-down: nothing to disagree with.
          expect(await chart.count(), slo.id).toBe(0);
          continue;
        }
        const last = await lastValueOf(chart);
        const printed = page.locator(`#slo-${slo.id} td:nth-of-type(4) > data`);
        expect(Number(await printed.getAttribute('value')), slo.id).toBe(last);
        expect((await printed.textContent())?.trim(), slo.id).toBe(spentText(last));
        const drawn = await drawnLastValue(chart);
        expect(Math.abs(drawn.value - last), `${slo.id}: drawn ${drawn.value}`).toBeLessThanOrEqual(
          drawn.perPixel,
        );
        // A thumbnail of the grid has its figure in words beside it.
        const words = chart.locator(':scope > p.thumb-words');
        if ((await words.count()) > 0)
          expect(await words.textContent(), slo.id).toContain(`${spentText(last)} spent`);
      }
    } finally {
      await page.close();
    }
  });

  it('each SLO page: the quarter\'s burn-down ends at the "% spent" printed above it', async () => {
    for (const slo of q.slos) {
      if (slo.consumed === null) continue;
      const page = await open(`/slos/${slo.id}/`);
      try {
        const section = page.locator(`section:has(> h2#q-${q.slug})`);
        const chart = section.locator(`#chart-burn-down-${slo.id}-${q.slug}`);
        const last = await lastValueOf(chart);
        const printed = section.locator('data.spent');
        expect(Number(await printed.getAttribute('value')), slo.id).toBe(last);
        expect((await printed.textContent())?.trim(), slo.id).toBe(`${spentText(last)} of the budget spent`);
        const drawn = await drawnLastValue(chart);
        expect(Math.abs(drawn.value - last), `${slo.id}: drawn ${drawn.value}`).toBeLessThanOrEqual(
          drawn.perPixel,
        );
      } finally {
        await page.close();
      }
    }
  });

  it('the status board: each sparkline ends at the "% left" printed in its row, in value and in words', async () => {
    const page = await open('/');
    try {
      for (const slo of q.slos) {
        const row = page.locator(`table.status-board tr[data-slo="${slo.id}"]`);
        expect(await row.count(), slo.id).toBe(1);
        if (slo.remaining === null) continue;
        const last = await lastValueOf(row);
        const printed = row.locator('td.num > data').first();
        // The sparkline draws 1 − consumed; the figure is the remaining share: equal up to float noise.
        expect(Math.abs(Number(await printed.getAttribute('value')) - last), slo.id).toBeLessThan(1e-12);
        const drawnWords = await row.locator('svg g.mark-text text').last().textContent();
        expect(drawnWords, slo.id).toBe((await printed.textContent())?.trim());
        // The dot that marks the last value sits at the end of the line.
        const [dotY, endY] = await row.locator('svg').evaluate((svg) => {
          const line = svg.querySelector<SVGPathElement>('g.mark-line path');
          const dot = svg.querySelector<SVGPathElement>('g.mark-symbol path');
          if (line === null || dot === null) throw new Error('no line or dot');
          const end = line.getPointAtLength(line.getTotalLength());
          const at = (el: SVGGraphicsElement, x: number, y: number) =>
            new DOMPoint(x, y).matrixTransform(el.getScreenCTM() ?? new DOMMatrix()).y;
          return [at(dot, 0, 0), at(line, end.x, end.y)];
        });
        expect(Math.abs((dotY ?? 0) - (endY ?? 0)), slo.id).toBeLessThan(1);
      }
    } finally {
      await page.close();
    }
  });
});
