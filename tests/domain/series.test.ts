import { describe, expect, it } from 'vitest';
import { findPeriodIndex, listLocalDays, listLocalMonths } from '../../src/domain/series.ts';

const HOUR = 3_600_000;

describe('listLocalDays', () => {
  it('London days around the spring change: 28 Mar 24 h, 29 Mar 23 h, 30 Mar 24 h', () => {
    // 28 Mar 00:00 GMT = 00:00Z; 31 Mar 00:00 BST = 30 Mar 23:00Z
    const days = listLocalDays(
      Date.parse('2026-03-28T00:00:00Z'),
      Date.parse('2026-03-30T23:00:00Z'),
      'Europe/London',
    );
    expect(days.map((d) => (d.endMs - d.startMs) / HOUR)).toEqual([24, 23, 24]);
  });

  it('an empty interval has no days', () => {
    expect(listLocalDays(10, 10, 'UTC')).toEqual([]);
  });
});

describe('listLocalMonths', () => {
  it('London 2026-Q3 has July, August and September, each starting at midnight BST', () => {
    const months = listLocalMonths(
      Date.parse('2026-06-30T23:00:00Z'),
      Date.parse('2026-09-30T23:00:00Z'),
      'Europe/London',
    );
    expect(months.map((m) => new Date(m.startMs).toISOString())).toEqual([
      '2026-06-30T23:00:00.000Z',
      '2026-07-31T23:00:00.000Z',
      '2026-08-31T23:00:00.000Z',
    ]);
  });
});

describe('findPeriodIndex', () => {
  const days = listLocalDays(0, 3 * 24 * HOUR, 'UTC');
  it.each([
    ['an instant before the first period', -1, -1],
    ['the first instant of the first period', 0, 0],
    ['the last millisecond of the second period', 48 * HOUR - 1, 1],
    ['an instant in the third period', 50 * HOUR, 2],
  ])('%s', (_name, ms, expected) => {
    expect(findPeriodIndex(days, ms)).toBe(expected);
  });
});
