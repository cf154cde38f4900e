import { describe, expect, it } from 'vitest';
import { buildIncidentSliChart, coarsenBuckets } from '../../src/charts/incident-sli.ts';
import { LONDON, unitLayers } from './quarter-fixture.ts';

const HOUR = 3_600_000;
const DAY_START = Date.UTC(2026, 7, 14);
/**
 * Hourly buckets over 14 Aug 2026 (UTC), 1,000 requests each. By hand: 1 failure an hour (0.10%),
 * except 09:00Z with 120 failures (12.00%) and 10:00Z with 10 (1.00%). The incident ran from
 * 09:12Z to 10:02Z (10:12 to 11:02 BST, 50 min), so the 09:00 and 10:00 buckets overlap it.
 */
const buckets = Array.from({ length: 24 }, (_, h) => ({
  startMs: DAY_START + h * HOUR,
  good: h === 9 ? 880 : h === 10 ? 990 : 999,
  total: 1000,
}));
const incident = {
  title: 'Checkout errors after certificate rotation',
  startedMs: DAY_START + 9 * HOUR + 12 * 60_000,
  mitigatedMs: DAY_START + 10 * HOUR + 2 * 60_000,
};

describe('buildIncidentSliChart', () => {
  const chart = buildIncidentSliChart(
    { sliName: 'Checkout requests succeed', incident, buckets: [...buckets].reverse(), objective: 0.999 },
    LONDON,
  );
  const layers = unitLayers(chart.spec);

  it('shades the incident window in site time', () => {
    const rect = layers.find((l) => l.mark.type === 'rect');
    expect(rect?.data).toEqual([
      { from: Date.UTC(2026, 7, 14, 10, 12), to: Date.UTC(2026, 7, 14, 11, 2), label: 'incident' },
    ]);
  });

  it('plots the error rate of each bucket held for the bucket’s hour', () => {
    const line = layers.find((l) => l.mark.type === 'line');
    // The 09:00Z bucket (10:00 BST): 120 of 1,000 failed, from 10:00 to 11:00 local.
    expect(line?.data.slice(18, 20)).toEqual([
      { t: Date.UTC(2026, 7, 14, 10), value: 0.12, segment: 0 },
      { t: Date.UTC(2026, 7, 14, 11), value: 0.12, segment: 0 },
    ]);
    expect(line?.mark['stroke']).toBe('var(--chart-line, currentColor)');
  });

  it('draws the error rate that spends the budget exactly, 1 − objective', () => {
    const rule = layers.find((l) => l.mark.type === 'rule' && l.data.some((d) => 'y' in d));
    expect(rule?.data[0]?.['y']).toBeCloseTo(0.001, 12);
    expect(rule?.data[0]?.['label']).toBe('budget rate 0.10%');
  });

  it('describes the peak and the error rate either side, worked out by hand', () => {
    expect(chart.description).toBe(
      'The error rate peaked at 12.00% in the hour from 14 Aug 2026 10:00 BST, inside the incident window (14 Aug 2026 10:12 BST to 11:02 BST, 50 min). ' +
        'It was 0.10% before the incident and 0.10% after it, over the rest of the chart.',
    );
  });

  it('lists every bucket with its counts and marks those in the window', () => {
    expect(chart.table.rows).toHaveLength(24);
    expect(chart.table.rows[9]).toEqual(['14 Aug 2026 10:00 BST', '880', '1,000', '12.00%', 'yes']);
    expect(chart.table.rows[10]).toEqual(['14 Aug 2026 11:00 BST', '990', '1,000', '1.00%', 'yes']);
    expect(chart.table.rows[11]).toEqual(['14 Aug 2026 12:00 BST', '999', '1,000', '0.10%', '']);
    expect(chart.table.caption).toBe(
      'Error rate of Checkout requests succeed per hour, from 14 Aug 2026 01:00 BST to 15 Aug 2026 01:00 BST',
    );
  });

  it('breaks the line at a bucket without traffic and says "no traffic" in the table', () => {
    const quiet = buckets.map((b, h) => (h === 3 ? { ...b, good: 0, total: 0 } : b));
    const gap = buildIncidentSliChart({ sliName: 'Checkout', incident, buckets: quiet }, LONDON);
    const line = unitLayers(gap.spec).find((l) => l.mark.type === 'line');
    expect(line?.data[5]?.['segment']).not.toBe(line?.data[6]?.['segment']);
    expect(gap.table.rows[3]?.[3]).toBe('no traffic');
  });

  it('shades to the end of the data while the incident is not yet mitigated', () => {
    const open = buildIncidentSliChart(
      { sliName: 'Checkout', incident: { ...incident, mitigatedMs: null }, buckets },
      LONDON,
    );
    const rect = unitLayers(open.spec).find((l) => l.mark.type === 'rect');
    expect(rect?.data[0]).toEqual({
      from: Date.UTC(2026, 7, 14, 10, 12),
      to: Date.UTC(2026, 7, 15, 1),
      label: 'incident (not yet mitigated)',
    });
    expect(open.description).toContain('since 14 Aug 2026 10:12 BST, not yet mitigated');
  });
});

describe('coarsenBuckets', () => {
  it('sums two days of one-minute rows into 15-minute buckets on the local clock', () => {
    // 2,880 minutes from 14 Aug 2026 00:00Z; one failure each minute. 2,880 / 200 > 10 min, so the
    // finest step that fits is 15 min: 192 buckets of 15 rows, 15 failures of 15,000 requests each.
    const minutes = Array.from({ length: 2880 }, (_, m) => ({
      startMs: DAY_START + m * 60_000,
      good: 999,
      total: 1000,
    }));
    const { buckets: coarse, stepMs } = coarsenBuckets(minutes, 60_000, LONDON);
    expect(stepMs).toBe(15 * 60_000);
    expect(coarse).toHaveLength(192);
    expect(coarse[1]).toEqual({ startMs: DAY_START + 15 * 60_000, good: 14_985, total: 15_000 });
    const chart = buildIncidentSliChart(
      { sliName: 'Checkout', incident, buckets: minutes, stepMs: 60_000 },
      LONDON,
    );
    expect(chart.table.rows).toHaveLength(192);
    expect(chart.table.caption).toMatch(/^Error rate of Checkout per 15 min,/);
  });

  it('keeps hourly rows over two days as they are', () => {
    const { buckets: same, stepMs } = coarsenBuckets(buckets, HOUR, LONDON);
    expect(stepMs).toBe(HOUR);
    expect(same).toEqual(buckets);
  });
});

describe('labels that never flatter (issue 12 items 12, 13 and 15)', () => {
  it('absorbs the float noise of 1 − objective before truncating: 99.9% read as 99.9/100 is 0.10%, not 0.09%', () => {
    // In doubles 1 − 99.9/100 = 0.00099999999999989; the objective was written 99.9%.
    for (const [objective, label] of [
      [99.9 / 100, 'budget rate 0.10%'],
      [99.95 / 100, 'budget rate 0.05%'],
    ] as const) {
      const c = buildIncidentSliChart({ sliName: 'X', incident, buckets, objective }, LONDON);
      const rule = unitLayers(c.spec).find((l) => l.mark.type === 'rule' && l.data.some((d) => 'y' in d));
      expect(rule?.data[0]?.['label']).toBe(label);
    }
  });

  it('rounds an error rate up: 3 failures in 30,074 is 0.01%, never 0.00%', () => {
    const rare = [{ startMs: DAY_START, good: 30_071, total: 30_074 }];
    const c = buildIncidentSliChart({ sliName: 'X', incident, buckets: rare }, LONDON);
    expect(c.table.rows[0]?.[3]).toBe('0.01%');
  });

  it('names the unit and the condition of a threshold SLI', () => {
    const hours = [{ startMs: DAY_START + 9 * HOUR, good: 0, total: 1 }];
    const c = buildIncidentSliChart(
      {
        sliName: 'Search answers fast',
        incident,
        buckets: hours,
        unit: { singular: 'hour', plural: 'hours' },
        condition: 'p99_ms ≤ 300',
      },
      LONDON,
    );
    expect(c.table.columns).toEqual(['From', 'Good hours', 'All hours', 'Error rate', 'During the incident']);
    expect(c.table.caption).toContain('; each hour is good when p99_ms ≤ 300');
  });
});

describe('a threshold SLI around an incident lists what it measured (issue 12 item 15)', () => {
  // Hourly p99 over 14 Aug 2026, good when ≤ 300 ms: 200 ms an hour, 480.2 ms at 09:00Z and 305 at 10:00Z.
  const p99 = Array.from({ length: 24 }, (_, h) => {
    const value = h === 9 ? 480.2 : h === 10 ? 305 : 200;
    return { startMs: DAY_START + h * HOUR, good: value <= 300 ? 1 : 0, total: 1, value };
  });
  const measure = { heading: 'p99 (ms)', worstIs: 'highest' } as const;

  it('in a column beside the counts, rounded toward worse: 480.2 ms is 481', () => {
    const chart = buildIncidentSliChart(
      { sliName: 'Search p99', incident, buckets: p99, stepMs: HOUR, objective: 0.99, measure },
      LONDON,
    );
    expect(chart.table.columns.slice(0, 3)).toEqual(['From', 'p99 (ms)', 'Good requests']);
    expect(chart.table.numeric.slice(0, 2)).toEqual([false, true]);
    expect(chart.table.rows.slice(9, 11).map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      ['481', '0', '1', '100.00%'],
      ['305', '0', '1', '100.00%'],
    ]);
  });

  it('a coarsened bucket keeps its worst value, for either direction', () => {
    // 300 half-hours (150 h, too many to list) become hours; each hour's halves measured 10 and 30,
    // so its worst is 30 for a ≤ threshold and 10 for a ≥ one.
    const halves = Array.from({ length: 300 }, (_, i) => ({
      startMs: DAY_START + i * 30 * 60_000,
      good: 1,
      total: 1,
      value: i % 2 === 0 ? 10 : 30,
    }));
    const up = coarsenBuckets(halves, 30 * 60_000, LONDON);
    expect(up.stepMs).toBe(HOUR);
    expect(up.buckets[0]).toEqual({ startMs: DAY_START, good: 2, total: 2, value: 30 });
    expect(coarsenBuckets(halves, 30 * 60_000, LONDON, 'lowest').buckets[0]?.value).toBe(10);
  });

  it('a count SLI has no such column', () => {
    const chart = buildIncidentSliChart({ sliName: 'Checkout', incident, buckets, objective: 0.999 }, LONDON);
    expect(chart.table.columns[1]).toBe('Good requests');
  });
});
