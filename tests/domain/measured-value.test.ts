/**
 * The figures of what a threshold SLI measured (issue 12 item 15), worked by hand from the rows of
 * tests/fixtures/csv/p99-per-hour-newest-first.csv (p99_ms ≤ 300, hourly from 2026-07-01 00:00Z:
 * 198.25, 305, none, 212, 480.5).
 */
import { describe, expect, it } from 'vitest';
import type { Bucket } from '../../src/domain/bucket.ts';
import { foldMeasuredValues, worstIsFor } from '../../src/domain/measured-value.ts';
import { formatMeasured } from '../../src/domain/format.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 6, 1);
const fixture: Bucket[] = [
  { startMs: T0, good: 1, total: 1, value: 198.25 },
  { startMs: T0 + HOUR, good: 0, total: 1, value: 305 },
  { startMs: T0 + 3 * HOUR, good: 1, total: 1, value: 212 },
  { startMs: T0 + 4 * HOUR, good: 0, total: 1, value: 480.5 },
];

describe('foldMeasuredValues', () => {
  it('four hours of p99: the worse middle value is the median, the highest the worst, two hours over 300', () => {
    // Sorted 198.25, 212, 305, 480.5: middles 212 and 305, the worse (higher) is 305.
    expect(
      foldMeasuredValues(fixture, { fromMs: T0, toMs: T0 + 5 * HOUR, exclusions: [], worstIs: 'highest' }),
    ).toEqual({
      steps: 4,
      breached: 2,
      median: 305,
      worst: 480.5,
    });
  });

  it('for a lower threshold (≥), the lower middle value and the lowest are the median and the worst', () => {
    expect(
      foldMeasuredValues(fixture, { fromMs: T0, toMs: T0 + 5 * HOUR, exclusions: [], worstIs: 'lowest' }),
    ).toMatchObject({
      median: 212,
      worst: 198.25,
    });
  });

  it('an odd count has one middle; only rows in the period count, exclusion windows dropped', () => {
    // [01:00, 05:00) holds 305, 212, 480.5; excluding [04:00, 05:00) leaves 305 and 212.
    expect(
      foldMeasuredValues(fixture, {
        fromMs: T0 + HOUR,
        toMs: T0 + 5 * HOUR,
        exclusions: [],
        worstIs: 'highest',
      }),
    ).toEqual({
      steps: 3,
      breached: 2,
      median: 305,
      worst: 480.5,
    });
    expect(
      foldMeasuredValues(fixture, {
        fromMs: T0 + HOUR,
        toMs: T0 + 5 * HOUR,
        exclusions: [{ startMs: T0 + 4 * HOUR, endMs: T0 + 5 * HOUR }],
        worstIs: 'highest',
      }),
    ).toEqual({ steps: 2, breached: 1, median: 305, worst: 305 });
  });

  it('a count SLI, or a period without rows, has no measured values', () => {
    expect(
      foldMeasuredValues([{ startMs: T0, good: 9, total: 10 }], {
        fromMs: T0,
        toMs: T0 + HOUR,
        exclusions: [],
        worstIs: 'highest',
      }),
    ).toBeNull();
    expect(
      foldMeasuredValues(fixture, {
        fromMs: T0 + 2 * HOUR,
        toMs: T0 + 3 * HOUR,
        exclusions: [],
        worstIs: 'highest',
      }),
    ).toBeNull();
  });

  it('≤ and < thresholds get worse upward, ≥ and > downward', () => {
    expect([worstIsFor('lte'), worstIsFor('lt'), worstIsFor('gte'), worstIsFor('gt')]).toEqual([
      'highest',
      'highest',
      'lowest',
      'lowest',
    ]);
  });
});

describe('formatMeasured rounds toward worse (SPEC §9.2: never flattering)', () => {
  it.each([
    ['a worst latency of 480.5 ms prints 481, not 480', 480.5, 'highest', '481'],
    ['a lowest throughput of 480.5 prints 480', 480.5, 'lowest', '480'],
    ['three significant figures: 21.23 up is 21.3', 21.23, 'highest', '21.3'],
    ['21.23 down is 21.2', 21.23, 'lowest', '21.2'],
    ['two decimals below 10: 0.2071 up is 0.21', 0.2071, 'highest', '0.21'],
    ['an exact value stays: 300', 300, 'highest', '300'],
    ['float noise is absorbed first: 0.1 + 0.2 is 0.30, not 0.31', 0.1 + 0.2, 'highest', '0.30'],
  ] as const)('%s', (_name, x, worstIs, text) => {
    expect(formatMeasured(x, worstIs)).toBe(text);
  });
});
