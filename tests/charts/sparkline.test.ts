import { describe, expect, it } from 'vitest';
import { buildSparkline } from '../../src/charts/sparkline.ts';
import { LONDON, burnDownConsumed, q3Daily, unitLayers } from './quarter-fixture.ts';

const slo = {
  name: 'Checkout requests succeed',
  objective: 0.999,
  series: { daily: q3Daily(burnDownConsumed, () => 0.9995) },
};

describe('buildSparkline', () => {
  it('shows budget remaining without axes, with the last value dotted and written beside it', () => {
    const chart = buildSparkline(slo, LONDON, { quarterLabel: 'July–September 2026' });
    const layers = unitLayers(chart.spec);
    const line = layers.find((l) => l.mark.type === 'line');
    expect(line?.encoding['x']?.['axis']).toBeNull();
    expect(line?.encoding['y']?.['axis']).toBeNull();
    // Remaining = 1 − consumed: 1 − 1/128 on 1 July, 1 − 1.21875 on 30 September (quarter-fixture.ts).
    expect(line?.data[0]).toEqual({ t: Date.UTC(2026, 6, 2), value: 1 - 1 / 128 });
    expect(layers.find((l) => l.mark.type === 'point')?.data).toEqual([
      // The words beside the dot stop before the parenthesis, which the budget cell and the
      // description below hold: at 2174% spent it doubled the chart's width.
      { t: Date.UTC(2026, 9, 1), value: 1 - 1.21875, label: '122% spent' },
    ]);
    expect(layers.find((l) => l.mark.type === 'text')?.encoding['text']).toEqual({ field: 'label' });
    expect(chart.title).toBe('Error budget remaining: Checkout requests succeed, July–September 2026');
    expect(chart.description).toBe(
      // 121.x% spent, rounded up: one wording for an overspent budget (issue 12 item 8).
      '122% spent (22% over budget) on 30 Sep 2026, from 99% left on 1 Jul 2026; the budget ran out on 2 Sep 2026.',
    );
  });

  it('shows rolling attainment against the objective', () => {
    const chart = buildSparkline(slo, LONDON, { kind: 'attainment' });
    expect(chart.description).toBe(
      '99.95% on 30 Sep 2026, from 99.95% on 1 Jul 2026; at or above the 99.9% objective.',
    );
    expect(unitLayers(chart.spec).find((l) => l.mark.type === 'rule')?.data).toEqual([{ value: 0.999 }]);
  });
});
