import { describe, expect, it } from 'vitest';
import { buildBurnDownChart, incidentMarkersFor } from '../../src/charts/burn-down.ts';
import {
  DAY,
  INCIDENT_DAY,
  LONDON,
  Q3,
  Q3_END,
  Q3_START,
  burnDownConsumed,
  q3Daily,
  unitLayers,
} from './quarter-fixture.ts';

const slo = { name: 'Checkout requests succeed', series: { daily: q3Daily(burnDownConsumed) } };
// 19 Aug 2026 09:12 BST.
const incident = {
  id: '2026-08-19-cert',
  title: 'Checkout errors after certificate rotation',
  startedMs: Date.UTC(2026, 7, 19, 8, 12),
};

describe('buildBurnDownChart', () => {
  const chart = buildBurnDownChart(slo, Q3, { cal: LONDON, incidents: [incident] });
  const layers = unitLayers(chart.spec);
  const line = layers.find((l) => l.mark.type === 'line');

  it('draws the ideal line from 0 at the quarter start to 100% at its end, at local midnights', () => {
    const ideal = line?.data.filter((d) => d['series'] === 'Ideal');
    // Local midnight of 1 July and of 1 October in London, as wall-clock ms on the UTC axis.
    expect(ideal).toEqual([
      { t: Date.UTC(2026, 6, 1), value: 0, series: 'Ideal' },
      { t: Date.UTC(2026, 9, 1), value: 1, series: 'Ideal' },
    ]);
  });

  it('draws a rule at 100% of the budget, labelled in words', () => {
    const rule = layers.find((l) => l.mark.type === 'rule' && l.data.some((d) => d['y'] === 1));
    expect(rule?.encoding['y']).toMatchObject({ field: 'y' });
    const label = layers.find((l) => l.mark.type === 'text' && l.data.some((d) => d['y'] === 1));
    expect(label?.data[0]?.['label']).toBe('100%: budget exhausted');
  });

  it('plots the input values at the end of each local day, from 0 at the quarter start', () => {
    const consumed = line?.data.filter((d) => d['series'] === 'Budget consumed') ?? [];
    expect(consumed).toHaveLength(93);
    expect(consumed[0]).toEqual({ t: Date.UTC(2026, 6, 1), value: 0, series: 'Budget consumed' });
    // Day 49 is 19 August; its value stands at the end of the day, midnight of 20 August.
    expect(consumed[INCIDENT_DAY + 1]).toEqual({
      t: Date.UTC(2026, 7, 20),
      value: 50 / 128 + 0.5,
      series: 'Budget consumed',
    });
    expect(consumed[92]).toEqual({ t: Date.UTC(2026, 9, 1), value: 1.21875, series: 'Budget consumed' });
  });

  it('tells the series apart by dash pattern as well as colour', () => {
    const dash = line?.encoding['strokeDash'] as { scale: { range: number[][] } };
    expect(dash.scale.range[0]).not.toEqual(dash.scale.range[1]);
  });

  it('marks each incident at its start with a number that the table explains', () => {
    const marker = layers.find((l) => l.mark.type === 'text' && l.data.some((d) => d['label'] === '1'));
    expect(marker?.data).toEqual([{ t: Date.UTC(2026, 7, 19, 9, 12), label: '1' }]);
    const row = chart.table.rows.find((r) => r[0] === '19 Aug 2026');
    // Consumed is rounded up (SPEC §9.2: spent never flatters), the ideal line truncated.
    expect(row).toEqual(['19 Aug 2026', '90%', '54%', '1: Checkout errors after certificate rotation']);
  });

  it('describes the final value and the first crossing of 100%, worked out by hand', () => {
    // burnDownConsumed: 121.x% on 30 Sep, rounded up to 122%, reaching 100% on day 63 = 2 Sep
    // (quarter-fixture.ts).
    expect(chart.description).toBe(
      'Budget consumed rose to 122% by 30 Sep 2026, passing 100% on 2 Sep 2026; the ideal line reaches 100% at quarter end. One incident is marked where it started.',
    );
    expect(chart.title).toBe('Error budget burn-down: Checkout requests succeed, July–September 2026');
  });

  it('does not call 99.9% a crossing: the exact value decides, not the printed one', () => {
    // 99.9% spent prints 100% (rounded up), yet the budget has not run out.
    const below = buildBurnDownChart({ name: 'X', series: { daily: q3Daily(() => 0.999) } }, Q3, {
      cal: LONDON,
    });
    expect(below.description).toBe(
      'Budget consumed rose to 100% by 30 Sep 2026, just short of running out; the ideal line reaches 100% at quarter end.',
    );
  });

  it('in a quarter in progress, says where the ideal line stands on the last day', () => {
    // 46 of 92 days: the ideal line is at 50% at the end of 15 August; 46/128 = 35.9% spent is 36%.
    const half = buildBurnDownChart(
      {
        name: 'X',
        series: {
          daily: q3Daily(
            (i) => (i + 1) / 128,
            () => null,
            46,
          ),
        },
      },
      Q3,
      { cal: LONDON },
    );
    expect(half.description).toBe(
      'Budget consumed rose to 36% by 15 Aug 2026, staying under 100%; the ideal line stands at 50% on that day and reaches 100% at quarter end.',
    );
  });

  it('writes the table with consumed rounded up, the ideal truncated, and "insufficient data" for unknown days', () => {
    const none = buildBurnDownChart({ name: 'X', series: { daily: q3Daily(() => null) } }, Q3, {
      cal: LONDON,
    });
    expect(none.description).toBe(
      'There is not enough data to chart the error budget in July–September 2026.',
    );
    expect(none.table.rows[0]).toEqual(['1 Jul 2026', 'insufficient data', '1%', '']);
    expect(chart.table.columns).toEqual(['Day', 'Budget consumed', 'Ideal', 'Incidents started']);
    expect(chart.table.numeric).toEqual([false, true, true, false]);
    expect(chart.table.rows).toHaveLength(92);
  });

  it('accepts a QuarterReport (ISO start and end) as well as a Quarter', () => {
    const fromReport = buildBurnDownChart(
      slo,
      { label: Q3.label, start: new Date(Q3_START).toISOString(), end: new Date(Q3_END).toISOString() },
      { cal: LONDON, incidents: [incident] },
    );
    expect(fromReport).toEqual(chart);
  });

  it('puts the number of an incident a day after another a row lower (issue 15)', () => {
    // 92 days over 560 px: a day is about 6 px, less than the 13 px the number "1" takes.
    const next = { id: 'next', title: 'Next day', startedMs: incident.startedMs + DAY };
    const rows = unitLayers(buildBurnDownChart(slo, Q3, { cal: LONDON, incidents: [incident, next] }).spec)
      .filter((l) => l.mark.type === 'text' && l.data.some((d) => d['label'] === '1' || d['label'] === '2'))
      .map((l) => [l.data.map((d) => d['label']), l.encoding['y']]);
    expect(rows).toEqual([
      [['1'], { value: 0 }],
      [['2'], { value: 13 }],
    ]);
  });

  it('keeps the first number out from under "100%: budget exhausted" when the rule is at the top', () => {
    // Never above 99.9% spent: the scale ends at 100%, the rule at the top, its label at the left.
    const early = { id: 'early', title: 'Early', startedMs: Q3_START + DAY };
    const chart = buildBurnDownChart({ name: 'X', series: { daily: q3Daily(() => 0.999) } }, Q3, {
      cal: LONDON,
      incidents: [early],
    });
    const marker = unitLayers(chart.spec).find(
      (l) => l.mark.type === 'text' && l.data.some((d) => d['label'] === '1'),
    );
    expect(marker?.encoding['y']).toEqual({ value: 13 });
  });

  it('leaves out markers of incidents that started outside the quarter', () => {
    const outside = buildBurnDownChart(slo, Q3, {
      cal: LONDON,
      incidents: [{ ...incident, startedMs: Q3_START - DAY }],
    });
    expect(outside.description).not.toContain('marked');
  });
});

describe('incidentMarkersFor', () => {
  it('keeps the incidents linked to the SLO', () => {
    const incidents = [
      { id: 'a', title: 'A', slos: ['checkout-availability'], started: '2026-08-19T08:12:00.000Z' },
      { id: 'b', title: 'B', slos: ['search-latency'], started: '2026-08-20T08:12:00.000Z' },
    ];
    expect(incidentMarkersFor('checkout-availability', incidents)).toEqual([
      { id: 'a', title: 'A', startedMs: Date.UTC(2026, 7, 19, 8, 12) },
    ]);
  });
});
