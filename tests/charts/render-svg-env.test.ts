import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSparkline } from '../../src/charts/sparkline.ts';
import { LONDON, q3Daily } from './quarter-fixture.ts';

// A file of its own: the default renderer reads LEDGER_CHART_CACHE once, on first use.
const dir = mkdtempSync(path.join(tmpdir(), 'ledger-chart-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('renderChartSvg', () => {
  it('keeps its disk cache where LEDGER_CHART_CACHE says', async () => {
    process.env['LEDGER_CHART_CACHE'] = path.join(dir, 'charts');
    try {
      const { renderChartSvg } = await import('../../src/charts/render-svg.ts');
      const chart = buildSparkline(
        { name: 'Checkout', objective: 0.999, series: { daily: q3Daily((i) => i / 100) } },
        LONDON,
      );
      await renderChartSvg(chart.spec, chart);
      expect(existsSync(path.join(dir, 'charts'))).toBe(true);
      expect(readdirSync(path.join(dir, 'charts'))).toHaveLength(1);
    } finally {
      delete process.env['LEDGER_CHART_CACHE'];
    }
  });
});
