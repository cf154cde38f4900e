import { describe, expect, it } from 'vitest';
import { buildRollingAttainmentChart } from '../../src/charts/rolling-attainment.ts';
import { LONDON, Q3, q3Daily, unitLayers } from './quarter-fixture.ts';

/**
 * By hand: 99.95% for days 0–39, 99.85% for days 40–49 (10 Aug to 19 Aug 2026), 99.92% after; the
 * objective is 99.9%.
 */
const dip = (i: number): number => (i < 40 ? 0.9995 : i < 50 ? 0.9985 : 0.9992);
const slo = {
  name: 'Checkout requests succeed',
  objective: 0.999,
  series: { daily: q3Daily(() => null, dip) },
};

describe('buildRollingAttainmentChart', () => {
  const chart = buildRollingAttainmentChart(slo, Q3, LONDON);
  const layers = unitLayers(chart.spec);

  it('draws the objective as a labelled rule', () => {
    const rule = layers.find((l) => l.mark.type === 'rule');
    expect(rule?.data).toEqual([{ y: 0.999, label: 'objective 99.9%' }]);
    expect(rule?.mark['strokeDash']).toBeDefined();
  });

  it('plots the input values at the end of each day', () => {
    const line = layers.find((l) => l.mark.type === 'line');
    expect(line?.data).toHaveLength(92);
    expect(line?.data[40]).toEqual({ t: Date.UTC(2026, 7, 11), value: 0.9985, segment: 0 });
  });

  it('breaks the line on a day without enough data rather than joining across it', () => {
    const gap = buildRollingAttainmentChart(
      {
        ...slo,
        series: {
          daily: q3Daily(
            () => null,
            (i) => (i === 10 ? null : 0.9995),
          ),
        },
      },
      Q3,
      LONDON,
    );
    const line = unitLayers(gap.spec).find((l) => l.mark.type === 'line');
    expect(line?.data[9]?.['segment']).not.toBe(line?.data[10]?.['segment']);
    expect(line?.encoding['detail']).toMatchObject({ field: 'segment' });
  });

  it('describes an ending above the objective with the days below and the lowest value', () => {
    expect(chart.description).toBe(
      'Rolling 28-day attainment ended at 99.92% on 30 Sep 2026, at or above the 99.9% objective; it was below the objective on 10 days, lowest 99.85% on 10 Aug 2026.',
    );
  });

  it('describes an ending below the objective with the day the last run below began', () => {
    // Days 87–91 (26–30 September) at 99.89%.
    const late = buildRollingAttainmentChart(
      {
        ...slo,
        series: {
          daily: q3Daily(
            () => null,
            (i) => (i >= 87 ? 0.9989 : dip(i)),
          ),
        },
      },
      Q3,
      LONDON,
    );
    expect(late.description).toBe(
      'Rolling 28-day attainment ended at 99.89% on 30 Sep 2026, below the 99.9% objective since 26 Sep 2026; lowest 99.85% on 10 Aug 2026.',
    );
  });

  it('writes attainment with one decimal more than the objective, truncated', () => {
    expect(chart.table.rows[40]).toEqual(['10 Aug 2026', '99.85%', 'below']);
    const truncated = buildRollingAttainmentChart(
      {
        ...slo,
        series: {
          daily: q3Daily(
            () => null,
            () => 0.998996,
          ),
        },
      },
      Q3,
      LONDON,
    );
    // SPEC §9.2: 0.998996 against 99.9% prints 99.89%, never 99.90%.
    expect(truncated.table.rows[0]?.[1]).toBe('99.89%');
  });
});
