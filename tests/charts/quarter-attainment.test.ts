import { describe, expect, it } from 'vitest';
import { buildQuarterAttainmentChart } from '../../src/charts/quarter-attainment.ts';
import { unitLayers } from './quarter-fixture.ts';

const quarters = [
  { quarterLabel: 'January–March 2026', attainment: 0.9993, objective: 0.999 },
  { quarterLabel: 'April–June 2026', attainment: null, objective: 0.999 },
  { quarterLabel: 'July–September 2026', attainment: 0.99875, objective: 0.999 },
  { quarterLabel: 'October–December 2026', attainment: 0.9996, objective: 0.9995, inProgress: true },
];

describe('buildQuarterAttainmentChart', () => {
  const chart = buildQuarterAttainmentChart('Checkout requests succeed', quarters);
  const layers = unitLayers(chart.spec);
  const points = layers.find((l) => l.mark.type === 'point');

  it('keeps every quarter on the axis, in order, including those without data', () => {
    expect(points?.encoding['x']).toMatchObject({ scale: { domain: quarters.map((q) => q.quarterLabel) } });
  });

  it('leaves a gap for a quarter with insufficient data and says so in the chart', () => {
    const segments = points?.data.map((d) => [d['quarter'], d['segment']]);
    // January–March stands alone; the line resumes after the gap.
    expect(segments).toEqual([
      ['January–March 2026', 0],
      ['July–September 2026', 1],
      ['October–December 2026', 1],
    ]);
    const gap = layers.find(
      (l) => l.mark.type === 'text' && l.data.some((d) => d['quarter'] === 'April–June 2026'),
    );
    expect(gap?.encoding['text']).toEqual({ value: 'insufficient data' });
  });

  it('labels each point with its attainment, truncated, and tells met from missed by shape', () => {
    expect(points?.data.map((d) => d['text'])).toEqual(['99.93%', '99.87%', '99.960%']);
    const shape = points?.encoding['shape'] as { scale: { range: string[] } };
    expect(new Set(shape.scale.range).size).toBe(2);
  });

  it('draws the objective of each quarter', () => {
    const objective = layers.find((l) => l.mark.type === 'line' && l.data.length === 4);
    expect(objective?.data.map((d) => d['value'])).toEqual([0.999, 0.999, 0.999, 0.9995]);
  });

  it('lists insufficient data in the table and describes the quarters', () => {
    expect(chart.table.rows).toEqual([
      ['January–March 2026', '99.93%', '99.9%', 'met'],
      ['April–June 2026', 'insufficient data', '99.9%', 'insufficient data'],
      ['July–September 2026', '99.87%', '99.9%', 'missed'],
      ['October–December 2026', '99.960%', '99.95%', 'so far at or above'],
    ]);
    expect(chart.description).toBe(
      'Attainment met the objective in 1 of 2 complete quarters with data; it missed in July–September 2026 (99.87% against 99.9%). ' +
        'Latest: 99.960% in October–December 2026 (in progress), against 99.95%. Insufficient data in April–June 2026.',
    );
  });
});

describe('a long history', () => {
  // 41 quarters, as a real organisation's history from 2016-Q1 to 2026-Q1 has.
  const history = Array.from({ length: 41 }, (_, i) => ({
    quarterLabel: `Q${(i % 4) + 1} ${2016 + Math.floor(i / 4)}`,
    attainment: 0.9995,
    objective: 0.999,
  }));
  const chart = buildQuarterAttainmentChart('Checkout requests succeed', history);

  it('draws the latest 8 quarters and keeps all 41 in the table', () => {
    const points = unitLayers(chart.spec).find((l) => l.mark.type === 'point');
    expect(points?.encoding['x']).toMatchObject({
      scale: { domain: history.slice(-8).map((q) => q.quarterLabel) },
    });
    expect(chart.table.rows).toHaveLength(41);
    expect(chart.title).toBe('Attainment by quarter: Checkout requests succeed, latest 8 quarters');
    expect(chart.description).toContain(
      'The chart shows the latest 8 of 41 quarters; the table has all of them.',
    );
  });
});
