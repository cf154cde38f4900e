import { describe, expect, it } from 'vitest';
import { buildIncidentTimelineChart, placeLabel } from '../../src/charts/incident-timeline.ts';
import { LONDON, Q3, unitLayers } from './quarter-fixture.ts';

const incidents = [
  // Given out of order: the chart sorts by start.
  {
    id: 'b',
    title: 'Checkout errors after certificate rotation',
    severity: 'SEV2',
    started: '2026-08-14T09:12:00Z',
    mitigated: '2026-08-14T10:02:00Z',
  },
  {
    id: 'a',
    title: 'Search slow',
    severity: 'SEV1',
    started: '2026-07-03T09:00:00Z',
    mitigated: '2026-07-05T11:00:00Z',
  },
  // Crosses into October: drawn up to the quarter's end, listed with its real times.
  {
    id: 'c',
    title: 'Payments outage',
    severity: 'SEV3',
    started: '2026-09-30T20:00:00Z',
    mitigated: '2026-10-01T02:00:00Z',
  },
];

describe('buildIncidentTimelineChart', () => {
  const chart = buildIncidentTimelineChart(incidents, Q3, {
    cal: LONDON,
    severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
  });
  const layers = unitLayers(chart.spec);
  const bars = layers.find((l) => l.mark.type === 'bar');

  it('draws one bar per incident from start to mitigation, in site time, clipped to the quarter', () => {
    expect(bars?.data.map((d) => [d['row'], d['from'], d['to']])).toEqual([
      ['1', Date.UTC(2026, 6, 3, 10), Date.UTC(2026, 6, 5, 12)],
      ['2', Date.UTC(2026, 7, 14, 10, 12), Date.UTC(2026, 7, 14, 11, 2)],
      // 30 Sep 21:00 BST; the quarter ends at local midnight.
      ['3', Date.UTC(2026, 8, 30, 21), Date.UTC(2026, 9, 1)],
    ]);
  });

  it('writes the severity on the chart, and gives it a shape as well as a colour', () => {
    const labels = layers.filter((l) => l.mark.type === 'text').flatMap((l) => l.data.map((d) => d['label']));
    expect(labels).toContain('SEV1 · 2 d 2 h · Search slow');
    expect(labels).toContain('SEV2 · 50 min · Checkout errors after certificate…');
    const point = layers.find((l) => l.mark.type === 'point');
    const shape = point?.encoding['shape'] as { scale: { domain: string[]; range: string[] } };
    expect(shape.scale.domain).toEqual(['SEV1', 'SEV2', 'SEV3', 'SEV4']);
    expect(new Set(shape.scale.range).size).toBe(4);
    const color = point?.encoding['color'] as { scale: { range: string[] } };
    expect(color.scale.range[0]).toBe('var(--chart-sev1, currentColor)');
  });

  it('lists every incident with its times in the site zone and its time to restore', () => {
    expect(chart.table.rows).toEqual([
      ['1', 'Search slow', 'SEV1', '3 Jul 2026 10:00 BST', '5 Jul 2026 12:00 BST', '2 d 2 h'],
      [
        '2',
        'Checkout errors after certificate rotation',
        'SEV2',
        '14 Aug 2026 10:12 BST',
        '14 Aug 2026 11:02 BST',
        '50 min',
      ],
      ['3', 'Payments outage', 'SEV3', '30 Sep 2026 21:00 BST', '1 Oct 2026 03:00 BST', '6 h'],
    ]);
    expect(chart.table.rowHeader).toBe(1);
  });

  it('counts by severity and names the longest incident', () => {
    expect(chart.description).toBe(
      '3 incidents with impact in July–September 2026: 1 SEV1, 1 SEV2, 1 SEV3. The longest, Search slow (SEV1), lasted 2 d 2 h from 3 Jul 2026 10:00 BST.',
    );
  });

  it('colours by the severities of SPEC §3 when the settings are not given', () => {
    const defaults = buildIncidentTimelineChart(incidents, Q3, { cal: LONDON });
    const color = unitLayers(defaults.spec).find((l) => l.mark.type === 'point')?.encoding['color'] as {
      scale: { domain: string[] };
    };
    expect(color.scale.domain).toEqual(['SEV1', 'SEV2', 'SEV3', 'SEV4']);
  });

  it('says so when there were none, and shows an incident not yet mitigated as ongoing', () => {
    expect(buildIncidentTimelineChart([], Q3, { cal: LONDON }).description).toBe(
      'There were no incidents with impact in July–September 2026.',
    );
    const open = buildIncidentTimelineChart(
      [{ id: 'd', title: 'Ongoing', severity: 'SEV4', started: '2026-09-01T00:00:00Z', mitigated: null }],
      Q3,
      {
        cal: LONDON,
        asOfMs: Date.UTC(2026, 8, 2),
      },
    );
    expect(open.table.rows[0]?.slice(4)).toEqual(['not yet', 'ongoing']);
    expect(open.description).toBe(
      '1 incident with impact in July–September 2026: 1 SEV4. 1 is not yet mitigated.',
    );
  });
});

describe('placeLabel', () => {
  // A 92-day quarter on a 560 px plot: 1 px ≈ 3.94 h. A 20-character label needs 20 × 6.3 + 8 = 134 px.
  const start = Date.UTC(2026, 6, 1);
  const end = Date.UTC(2026, 9, 1);
  const at = (px: number) => start + (px / 560) * (end - start);
  const label = 'SEV2 · 1 h · Outage!';

  it('puts the label after a bar that leaves room to its right', () => {
    expect(placeLabel(label, { fromMs: at(10), toMs: at(20) }, { startMs: start, endMs: end })).toEqual({
      atMs: at(20),
      align: 'left',
    });
  });

  it('puts it before a bar late in the quarter', () => {
    expect(placeLabel(label, { fromMs: at(500), toMs: at(540) }, { startMs: start, endMs: end })).toEqual({
      atMs: at(500),
      align: 'right',
    });
  });

  it('puts it above a bar with no room either side, inside the plot, never over the row numbers', () => {
    // The first incident of a quarter that lasted all of it: starting at 0 px, the label starts there.
    expect(placeLabel(label, { fromMs: start, toMs: end }, { startMs: start, endMs: end })).toEqual({
      atMs: start,
      align: 'above',
    });
    // From 100 px to 480 px: 134 px fit neither after (480 + 134 > 560) nor before (100 < 134).
    const placed = placeLabel(
      label,
      { fromMs: at(100), toMs: at(480) },
      { startMs: start, endMs: end, width: 560 },
    );
    expect(placed.align).toBe('above');
    expect(((placed.atMs - start) / (end - start)) * 560).toBeCloseTo(100, 6);
  });
});
