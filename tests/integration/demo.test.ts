/**
 * The demo organisation as `npm run build` publishes it (audience: public): every quarter, the
 * incident pages and facets, and nothing from the internal or draft postmortems anywhere.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import '../support/sites.ts';
import { readSiteText } from '../support/site-text.ts';

const site = inject('demoSite');

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('the demo site', () => {
  it('has a review page and JSON for each of the six demo quarters, 2025-Q3 to 2026-Q4', () => {
    for (const q of ['2025-q3', '2025-q4', '2026-q1', '2026-q2', '2026-q3', '2026-q4']) {
      expect(existsSync(join(site, `reviews/${q}/index.html`)), q).toBe(true);
      expect(existsSync(join(site, `reviews/${q}.json`)), q).toBe(true);
    }
  });

  it('filters incidents by quarter, service and severity with one static page each', () => {
    expect(existsSync(join(site, 'incidents/quarter/2026-q3/index.html'))).toBe(true);
    expect(existsSync(join(site, 'incidents/service/checkout-api/index.html'))).toBe(true);
    expect(existsSync(join(site, 'incidents/severity/sev1/index.html'))).toBe(true);
  });

  it('publishes nothing of the internal postmortem or the draft, in any file (SPEC §13)', async () => {
    // The internal write-up (scripts/lib/incidents.ts) and the draft of 12 November 2026.
    const secrets = [
      'INTERNAL-ONLY',
      'Transactional email delayed by provider throttling',
      '2025-11-27-email-provider-throttling',
      'Intermittent checkout 502s at the load balancer',
      '2026-11-12-checkout-intermittent-502s',
    ];
    const files = await allFiles(site);
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      // The search index too, decompressed (tests/support/site-text.ts).
      const text = await readSiteText(file);
      for (const secret of secrets) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
    }
  });

  it('indexes the public reviews, postmortems, SLO and service pages for search, and no other page', async () => {
    const fragments = (await allFiles(join(site, 'pagefind'))).filter((f) => f.endsWith('.pf_fragment'));
    const urls = await Promise.all(
      fragments.map(
        async (f) =>
          (JSON.parse((await readSiteText(f)).replace(/^pagefind_dcd/, '')) as { url: string }).url,
      ),
    );
    expect(urls).toContain('/incidents/2026-08-19-checkout-connection-pool-exhaustion/');
    expect(urls).toContain('/reviews/2026-q3/');
    expect(urls).toContain('/slos/checkout-availability/');
    expect(urls).toContain('/services/checkout-api/');
    expect(urls.filter((u) => !/^\/(reviews|incidents|slos|services)\/[^/]+\/$/.test(u))).toEqual([]);
    // A write-up's own words are in the index (so the privacy scan above reads real text).
    const text = (await Promise.all(fragments.map(readSiteText))).join('\n');
    expect(text).toContain('connection pool');
  });

  it('still counts the internal incident in the quarter figures', async () => {
    // 2025-Q4 has two public write-ups (15 Oct checkout, 27 Nov email is internal).
    const q = JSON.parse(await readFile(join(site, 'reviews/2025-q4.json'), 'utf8')) as {
      incidents: unknown[];
      incidentSummary: { incidents: number };
    };
    expect(q.incidents).toHaveLength(1);
    expect(q.incidentSummary.incidents).toBe(2);
  });
});
