/**
 * The site model of the small fixture ledger, without Astro. Times come from the two write-ups'
 * front matter (tests/fixtures/ledgers/small/content/postmortems/): the shop outage started
 * 08:00, was detected 08:06, mitigated 09:30 and resolved 12:00 UTC on 10 May 2026; the checkout
 * vendor incident (internal) ran 10:00–11:00 UTC on 2 June. The data ends 2026-07-14, so as-of is
 * 2026-07-15 and 2026-Q3 is in progress.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLedger } from '../../src/ingest/load-ledger.ts';
import { ledgerPaths } from '../../src/ingest/ledger-paths.ts';
import { buildSiteModel } from '../../src/site/model.ts';

const MINUTE = 60_000;
const root = fileURLToPath(new URL('../fixtures/ledgers/small/', import.meta.url));
const { ledger, diagnostics } = await loadLedger(
  ledgerPaths({ data: `${root}data`, content: `${root}content`, cwd: root }),
);
if (ledger === null) throw new Error(`the small fixture did not load: ${JSON.stringify(diagnostics)}`);

const publicSite = buildSiteModel(ledger, { audience: 'public', asOfMs: undefined });
const internalSite = buildSiteModel(ledger, { audience: 'internal', asOfMs: undefined });

describe('buildSiteModel over the small ledger', () => {
  it('shows the internal write-up and the draft to the internal audience only', () => {
    expect(publicSite.incidents.map((i) => i.p.slug)).toEqual(['2026-05-10-shop-outage']);
    // Newest first: the draft in Pacific time (3 July), the internal write-up, the public one.
    expect(internalSite.incidents.map((i) => i.p.slug)).toEqual([
      '2026-07-03-status-page-stale',
      '2026-06-02-checkout-vendor',
      '2026-05-10-shop-outage',
    ]);
  });

  it('works out time to detect, restore and resolve in milliseconds: 6 min, 90 min, 4 h', () => {
    const page = publicSite.incidents[0];
    expect(page?.ttdMs).toBe(6 * MINUTE);
    expect(page?.ttrMs).toBe(90 * MINUTE);
    expect(page?.resolveMs).toBe(240 * MINUTE);
    // Due 2026-06-01, shown at noon UTC so every zone sees the same day; the one item is done.
    expect(page?.actionItems.map((a) => a.dueMs)).toEqual([Date.UTC(2026, 5, 1, 12)]);
    expect(page?.actionItemsDone).toBe(1);
  });

  it('resolves each review’s previous quarter and splits the troubled SLOs', () => {
    const q2 = publicSite.reviews.get('2026-Q2');
    const q3 = publicSite.reviews.get('2026-Q3');
    expect(q2?.prev).toBeNull();
    expect(q3?.prev?.quarter).toBe('2026-Q2');
    // 100 failures against 91 allowed: shop-availability's Q2 budget is spent.
    expect(q2?.troubled.map((s) => s.id)).toContain('shop-availability');
    expect(q2?.others.map((s) => s.id)).not.toContain('shop-availability');
    expect(q2?.actionItems.map((a) => a.incident.slug)).toEqual(['2026-05-10-shop-outage']);
  });

  it('lists a service’s quarters newest first, durations in milliseconds', () => {
    const shop = publicSite.services.find((s) => s.service.id === 'shop-api');
    expect(shop?.quarters.map((r) => r.q.quarter)).toEqual(['2026-Q3', '2026-Q2']);
    const q2 = shop?.quarters[1];
    // Both incidents started in Q2 and count (the internal one too); restored in 90 and 60 min,
    // so the median is their mean, 75 min.
    expect(q2?.incidents).toBe(2);
    expect(q2?.ttrMedianMs).toBe(75 * MINUTE);
    expect(shop?.trends).toHaveLength(2);
  });

  it('dates the feed from the data: Q3 review at as-of, Q2 at its end, then the write-up', () => {
    expect(publicSite.feed.map((f) => [f.path, new Date(f.pubDateMs).toISOString()])).toEqual([
      ['/reviews/2026-q3/', '2026-07-15T00:00:00.000Z'],
      ['/reviews/2026-q2/', '2026-07-01T00:00:00.000Z'],
      ['/incidents/2026-05-10-shop-outage/', '2026-05-10T09:30:00.000Z'],
    ]);
  });
});
