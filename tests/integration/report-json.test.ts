/** `npm run report -- <quarter> --json` prints exactly what the site publishes at /reviews/<quarter>.json, for every demo quarter. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runCliProcess } from '../support/run-cli.ts';
import '../support/sites.ts';

const site = inject('demoSite');

describe('the review JSON from the CLI and from the site', () => {
  it.each(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'])(
    '%s is the same',
    async (quarter) => {
      const run = await runCliProcess(['report', quarter, '--json']);
      expect(run.code).toBe(0);
      const published = JSON.parse(
        await readFile(join(site, `reviews/${quarter.toLowerCase()}.json`), 'utf8'),
      ) as unknown;
      expect(JSON.parse(run.stdout)).toEqual(published);
    },
  );

  it('reports the closed, amended 2026-Q2 as its latest revision', async () => {
    const run = await runCliProcess(['report', '2026-Q2', '--json']);
    expect((JSON.parse(run.stdout) as { revision: number | null }).revision).toBe(3);
  });

  it('in the quarter in progress, every burn-down ends at the consumption printed beside it (SPEC §6.2)', async () => {
    const q = JSON.parse(await readFile(join(site, 'reviews/2026-q4.json'), 'utf8')) as {
      state: string;
      slos: {
        id: string;
        consumed: number | null;
        series: { daily: { consumedCumulative: number | null }[] };
      }[];
    };
    expect(q.state).toBe('in-progress');
    for (const slo of q.slos) {
      if (slo.consumed === null) continue;
      expect(slo.series.daily.at(-1)?.consumedCumulative, slo.id).toBe(slo.consumed);
    }
  });
});

describe('citable figures', () => {
  it.each(['2025-Q3', '2026-Q2', '2026-Q3', '2026-Q4'])(
    'every anchor in the %s JSON is an id on the review page with a visible link to it',
    async (quarter) => {
      const slug = quarter.toLowerCase();
      const json = JSON.parse(await readFile(join(site, `reviews/${slug}.json`), 'utf8')) as {
        slos: { anchor: string }[];
        incidents: { anchor: string }[];
        anchors: { figures: { anchor: string }[]; charts: { anchor: string }[] };
      };
      const html = await readFile(join(site, `reviews/${slug}/index.html`), 'utf8');
      const anchors = [
        ...json.slos.map((s) => s.anchor),
        ...json.incidents.map((i) => i.anchor),
        ...json.anchors.figures.map((f) => f.anchor),
        ...json.anchors.charts.map((c) => c.anchor),
      ];
      expect(anchors).toContain('slo-checkout-availability');
      for (const a of anchors) {
        expect(html, a).toContain(`id="${a}"`);
        expect(html, a).toMatch(new RegExp(`<a class="cite-link" href="#${a}" aria-label="Link to [^"]+"`));
      }
    },
  );
});
