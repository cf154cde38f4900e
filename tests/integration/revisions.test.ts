/**
 * SPEC §10 on the demo organisation: 2026-Q1 is closed (revision 1) and amended for the
 * one-verdict rule (revision 2); 2026-Q2 is amended twice (revision 2, a corrected checkout
 * export; revision 3, the one-verdict rule); all are rendered from data/snapshots/, every
 * revision stays readable at /reviews/<quarter>/r<n>/ and r<n>.json, and the review shows the
 * history with its notes.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import '../support/sites.ts';

const site = inject('demoSite');
const read = (path: string) => readFile(join(site, path), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
interface Review {
  quarter: string;
  revision: number | null;
  slos: { id: string; attainment: number | null }[];
  incidents: { id: string; visibility: string }[];
}
const json = async (path: string) => JSON.parse(await read(path)) as Review;

describe('closed and amended quarters of the demo', () => {
  it('publishes the latest revision at /reviews/<quarter>.json, the same bytes as r<n>.json', async () => {
    expect((await json('reviews/2026-q1.json')).revision).toBe(2);
    expect((await json('reviews/2026-q2.json')).revision).toBe(3);
    expect(await read('reviews/2026-q2.json')).toBe(await read('reviews/2026-q2/r3.json'));
    expect(await read('reviews/2026-q1.json')).toBe(await read('reviews/2026-q1/r2.json'));
    expect((await json('reviews/2026-q3.json')).revision).toBeNull();
    expect(existsSync(join(site, 'reviews/2026-q1/r3.json'))).toBe(false);
  });

  it('keeps revision 1 readable with the figures it published: the faulty export', async () => {
    const r1 = await json('reviews/2026-q2/r1.json');
    const r2 = await json('reviews/2026-q2/r2.json');
    const attainment = (r: Review) => r.slos.find((s) => s.id === 'checkout-availability')?.attainment ?? 0;
    expect(r1.revision).toBe(1);
    expect(attainment(r1)).toBeLessThan(attainment(r2));
    const page = text(await read('reviews/2026-q2/r1/index.html'));
    expect(page).toContain('revision 1 of 3');
    expect(page).toContain('This revision was replaced by revision 3: Recomputed under the one-verdict rule');
    // The footer names the revision the page shows, and the inputs, never the build's clock.
    expect(page).toMatch(/built from data as of 16 Nov 2026 00:00 GMT · revision 1 · inputs [0-9a-f]{6} ?\./);
  });

  it('shows the revision history with each note on the review, and says when a quarter is not closed', async () => {
    const page = text(await read('reviews/2026-q2/index.html'));
    expect(page).toContain('Revision history');
    expect(page).toMatch(/Revision 3 \(current\) — data as of .*: Recomputed under the one-verdict rule/);
    expect(page).toMatch(/Revision 2 — data as of .*: Corrected checkout-api export/);
    expect(page).toMatch(
      /Revision 1 — data as of .*: Closed after the quarterly review with the service owners\./,
    );
    const html = await read('reviews/2026-q2/index.html');
    expect(html).toContain('href="/reviews/2026-q2/r1/"');
    expect(html).toContain('href="/reviews/2026-q2/r1.json"');
    expect(text(await read('reviews/2026-q3/index.html'))).toContain('This quarter is not closed yet');
    expect(text(await read('reviews/2026-q4/index.html'))).toContain('This quarter is in progress');
  });

  it('puts nothing internal into any revision page or JSON of a public build', async () => {
    // Snapshots record the internal view; public builds filter it (tests/report/snapshot.test.ts).
    for (const path of [
      'reviews/2026-q1.json',
      'reviews/2026-q1/r1.json',
      'reviews/2026-q1/r1/index.html',
      'reviews/2026-q1/r2.json',
      'reviews/2026-q2/r1.json',
      'reviews/2026-q2/r2/index.html',
    ]) {
      const body = await read(path);
      expect(body).not.toContain('INTERNAL-ONLY');
      expect(body).not.toContain('"visibility": "internal"');
    }
  });
});
