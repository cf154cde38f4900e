/**
 * Status badges (SPEC §9 `/badges/`, issue 15) on the small fixture ledger, whose figures are
 * worked out in tests/integration/build.test.ts: as of 15 July 2026 00:00 UTC, 2026-Q3 has spent
 * 4 of 92 allowed failures of shop-availability (the whole quarter's budget, extrapolated from the
 * traffic so far: 88/92 = 95.65% left, truncated to 95%) and none of
 * shop-checkout's 28 (100% left).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLedger } from '../../src/ingest/load-ledger.ts';
import { ledgerPaths } from '../../src/ingest/ledger-paths.ts';
import { buildLedgerReport } from '../../src/report/quarter-report.ts';
import { allBadges, badgeSvg, serviceBadge, sloBadge } from '../../src/site/badge.ts';

const root = fileURLToPath(new URL('../fixtures/ledgers/small/', import.meta.url));
const { ledger: inputs } = await loadLedger(
  ledgerPaths({ data: `${root}data`, content: `${root}content`, cwd: root }),
);
if (inputs === null) throw new Error('fixture did not load');
const report = buildLedgerReport(inputs);

describe('status badges', () => {
  it('an SLO badge gives the status in words and the budget left, and its title the as-of time', () => {
    const badge = sloBadge(report, 'shop-availability');
    expect(badge).toEqual({
      label: 'shop-availability',
      value: 'healthy · 95% left',
      status: 'healthy',
      title:
        'Shop pages load (shop-availability): healthy, 95% left of the July–September 2026 error budget, as of 15 Jul 2026 00:00 UTC',
    });
  });

  it('a service badge shows its SLO with the least budget left', () => {
    expect(serviceBadge(report, 'shop-api').value).toBe('healthy · 95% left');
    expect(serviceBadge(report, 'shop-api').title).toContain('(lowest of 2 SLOs)');
  });

  it('an unknown SLO or a service without data reads "no data"', () => {
    expect(sloBadge(report, 'nothing-here').value).toBe('no data');
    expect(serviceBadge(report, 'no-such-service')).toMatchObject({ value: 'no data', status: 'no-data' });
  });

  it('the SVG is an image named by its title, and the same report gives the same bytes', () => {
    const svg = badgeSvg(sloBadge(report, 'shop-availability'));
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="Shop pages load/);
    expect(svg).toContain('<title>Shop pages load (shop-availability): healthy, 95% left');
    expect(svg).toContain('>healthy · 95% left</text>');
    expect(badgeSvg(sloBadge(buildLedgerReport(inputs), 'shop-availability'))).toBe(svg);
  });

  it('one badge per SLO and per service, a service never shadowing an SLO of the same id', () => {
    expect(allBadges(report, ['shop-availability', 'shop-api'], ['shop-api']).map((b) => b.label)).toEqual([
      'shop-availability',
      'shop-api',
    ]);
  });
});
