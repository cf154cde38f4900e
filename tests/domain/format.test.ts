import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../src/domain/calendar.ts';
import {
  formatAttainment,
  formatBudgetRemaining,
  formatChangeDuration,
  formatChangePercent,
  formatChangePp,
  formatCount,
  formatDate,
  formatDateTime,
  durationAsPrinted,
  formatDuration,
  formatDurationDown,
  formatDurationUp,
  formatEvents,
  formatLeft,
  formatNines,
  formatObjective,
  formatPercent,
  formatPercentUp,
  formatSpent,
  formatTimeLeft,
} from '../../src/domain/format.ts';
import { nines } from '../../src/domain/nines.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatAttainment (SPEC §9.2: one decimal more than the objective, truncated)', () => {
  it.each([
    ['0.998996 against 99.9% prints 99.89%, never 99.90%', 0.998996, 0.999, '99.89%'],
    ['an attainment equal to a 99.9% objective prints 99.90%', 0.999, 0.999, '99.90%'],
    ['0.9949 against 99% prints 99.4%, not 99.5%', 0.9949, 0.99, '99.4%'],
    ['99.959% against 99.95% keeps three decimals', 0.99959, 0.9995, '99.959%'],
    ['the workbook 97.123% against 97% prints 97.1%', 0.971231, 0.97, '97.1%'],
    ['a perfect quarter against 99.9% prints 100.00%', 1, 0.999, '100.00%'],
    ['half of the slices against 90% prints 50.0%', 0.5, 0.9, '50.0%'],
    ['an objective read as 99.9/100 still gives two decimals', 0.998996, 99.9 / 100, '99.89%'],
    ['no attainment prints insufficient data, never 100% or NaN', null, 0.999, 'insufficient data'],
  ])('%s', (_name, a, objective, expected) => {
    expect(formatAttainment(a, objective)).toBe(expected);
  });
});

describe('formatObjective', () => {
  it.each([
    [0.999, '99.9%'],
    [0.99, '99%'],
    [0.9995, '99.95%'],
    [0.97, '97%'],
    [99.9 / 100, '99.9%'],
  ])('%s prints %s', (objective, expected) => {
    expect(formatObjective(objective)).toBe(expected);
  });
});

describe('formatPercent (truncated toward zero)', () => {
  it.each([
    ['53%', 0.53, 0, '53%'],
    // 0.29 × 100 is 28.999999999999996 in doubles; it is still 29%.
    ['29% survives float noise', 0.29, 0, '29%'],
    ['99.6% spent prints 99%, not 100%', 0.996, 0, '99%'],
    ['140% overspent', 1.4, 0, '140%'],
    ['a negative share takes a minus sign', -0.12, 0, '−12%'],
    ['one decimal', 0.5399, 1, '53.9%'],
  ])('%s', (_name, x, decimals, expected) => {
    expect(formatPercent(x, decimals)).toBe(expected);
  });
});

describe('formatCount (en-US thousands separators)', () => {
  it.each([
    [3_663_253, '3,663,253'],
    [0, '0'],
    [1204.4, '1,204'],
    [109_897.59, '109,898'],
  ])('%s prints %s', (n, expected) => {
    expect(formatCount(n)).toBe(expected);
  });
});

describe('formatDuration (SPEC §9.2: two largest units, no zero parts)', () => {
  it.each([
    ['2 d 4 h', 2 * DAY + 4 * HOUR, '2 d 4 h'],
    ['2 h 11 min', 2 * HOUR + 11 * MINUTE, '2 h 11 min'],
    ['4 min 5 s', 4 * MINUTE + 5 * SECOND, '4 min 5 s'],
    ['47 s', 47 * SECOND, '47 s'],
    ['2 h, not 2 h 0 min', 2 * HOUR, '2 h'],
    ['1 d 20 min shows only its two largest units', DAY + 20 * MINUTE, '1 d'],
    // 132.48 min = 2 h 12.48 min → 2 h 12 min
    ['the 99.9% budget of a 92-day quarter is 2 h 12 min', 132.48 * MINUTE, '2 h 12 min'],
    // 59 min 59.6 s rounds to 60 min 0 s, which carries to 1 h
    ['rounding carries into the next unit', 59 * MINUTE + 59.6 * SECOND, '1 h'],
    // OpenSLO low-traffic example: 5.04 min = 5 min 2.4 s
    ['5 min 2.4 s prints 5 min 2 s', 5 * MINUTE + 2.4 * SECOND, '5 min 2 s'],
    ['zero is 0 s', 0, '0 s'],
    ['a negative duration takes a minus sign', -14 * MINUTE, '−14 min'],
  ])('%s', (_name, ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});

describe('formatBudgetRemaining (SPEC §9.2: left and allowed truncated, spent rounded up)', () => {
  const minute = { singular: 'minute', plural: 'minutes' };
  it.each([
    // 0.53 × 132.48 = 70.21 min = 1 h 10 min; 132.48 min = 2 h 12 min (truncated)
    ['53% left of a time budget', 0.53, { minutes: 132.48 }, '53% left (1 h 10 min of 2 h 12 min)'],
    // issue 12 item 13: 8 h 47.7 min left prints 8 h 47 min, never 8 h 48 min
    ['time left is truncated', 527.7 / 600, { minutes: 600 }, '87% left (8 h 47 min of 10 h)'],
    // 1.12 × 133.33 = 149.33 min, rounded up to 2 h 30 min; 133.33 min truncated to 2 h 13 min
    [
      '12% over a time budget',
      -0.12,
      { minutes: 133.33 },
      '112% spent (12% over budget: 2 h 30 min of 2 h 13 min allowed)',
    ],
    // 1,204 / 3,663 = 0.3287 → 32% (truncated); 0.3287 × 3,663 = 1,204.0
    ['an event budget', 1204 / 3663, { events: 3663 }, '32% left (1,204 of 3,663 failed requests allowed)'],
    // issue 12 item 13: 91.92 of 215.92 allowed is 91 of 215, not 92 of 216; 91.92/215.92 = 42.57%
    [
      'an event budget with fractions is truncated',
      91.92 / 215.92,
      { events: 215.92 },
      '42% left (91 of 215 failed requests allowed)',
    ],
    [
      'an event budget in its own unit',
      0.5,
      { events: 200, unit: { singular: 'slow search', plural: 'slow searches' } },
      '50% left (100 of 200 failed slow searches allowed)',
    ],
    // 1.25 × 400 = 500
    [
      'an overspent event budget',
      -0.25,
      { events: 400 },
      '125% spent (25% over budget: 500 of 400 allowed failed requests)',
    ],
    // issue 12 items 8 and 20: 2,209 / 626 = 3.5288 → 353% spent, 253% over, in minutes of downtime
    [
      'an Upptime budget counted in minutes',
      1 - 2209 / 626,
      { events: 626, unit: minute },
      '353% spent (253% over budget: 2,209 of 626 allowed failed minutes)',
    ],
    ['exactly spent', 0, { minutes: 60 }, '0% left (0 s of 1 h)'],
  ])('%s', (_name, remaining, budget, expected) => {
    expect(formatBudgetRemaining(remaining, budget)).toBe(expected);
  });
});

describe('rounding never flatters (SPEC §9.2, issue 12 items 8 and 13)', () => {
  it.each([
    // issue 12 item 8: 25.8% spent beside 74.2% left prints 26% and 74%, which add up to 100%
    ['25.8% spent prints 26%', formatSpent(0.258), '26% spent'],
    ['74.2% left prints 74%', formatLeft(0.742), '74% left'],
    ['7% spent survives float noise (0.07 × 100 = 7.000000000000001)', formatSpent(0.07), '7% spent'],
    ['an exact budget prints 100% spent', formatSpent(1), '100% spent'],
    ['one wording for an overspent budget', formatSpent(3.512), '352% spent (252% over budget)'],
    ['left is never negative', formatLeft(-0.5), '0% left'],
    // issue 12 item 13: 3 failures in 30,074 is 0.00998%: 0.01%, never 0.00%
    ['an error rate is rounded up', formatPercentUp(3 / 30074, 2), '0.01%'],
    ['no errors is 0.00%', formatPercentUp(0, 2), '0.00%'],
    ['a change fail rate of 1 in 7 is 14.3%', formatPercentUp(1 / 7, 1), '14.3%'],
    // issue 12 item 13: 46 days left is 6 weeks (6.57), not 7
    ['46 days left is 6 weeks', formatTimeLeft(46 * DAY), '6 weeks'],
    ['14 days left is 2 weeks', formatTimeLeft(14 * DAY), '2 weeks'],
    ['13 days left stays in days', formatTimeLeft(13 * DAY), '13 days'],
    ['a day and a half is 1 day', formatTimeLeft(36 * HOUR), '1 day'],
    ['a duration left is truncated', formatDurationDown(2 * HOUR + 11 * MINUTE + 59 * SECOND), '2 h 11 min'],
    ['a duration spent is rounded up', formatDurationUp(16 * MINUTE + 1 * SECOND), '16 min 1 s'],
    ['a duration spent carries into the next unit', formatDurationUp(HOUR - 0.5 * SECOND), '1 h'],
    ['count and noun agree', formatEvents(1, { singular: 'hour', plural: 'hours' }), '1 hour'],
    ['count and noun agree, plural', formatEvents(2208), '2,208 requests'],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('changes (SPEC §9.2: a sign always, "no change" when it rounds to zero)', () => {
  it.each([
    ['+0.02 pp', () => formatChangePp(0.0002), '+0.02 pp'],
    ['−0.03 pp', () => formatChangePp(-0.0003), '−0.03 pp'],
    ['a change under 0.005 pp is no change', () => formatChangePp(0.00004), 'no change'],
    ['zero is no change', () => formatChangePp(0), 'no change'],
    ['+12% for counts', () => formatChangePercent(0.12), '+12%'],
    ['−50% for counts', () => formatChangePercent(-0.5), '−50%'],
    ['0.4% rounds to no change', () => formatChangePercent(0.004), 'no change'],
    ['−14 min for durations', () => formatChangeDuration(-14 * MINUTE), '−14 min'],
    ['+1 h for durations', () => formatChangeDuration(HOUR), '+1 h'],
    ['a zero duration change is no change', () => formatChangeDuration(0), 'no change'],
  ])('%s', (_name, f, expected) => {
    expect(f()).toBe(expected);
  });
});

describe('formatNines (SPEC §9.2: one decimal, secondary)', () => {
  it.each([
    // −log10(0.0005) = 3.30103
    ['99.95% is 3.3 nines', nines(0.9995) ?? NaN, '3.3 nines'],
    // −log10(1 − 0.999) is 2.9999999999999996 in doubles; it is still 3.0.
    ['99.9% is 3.0 nines despite float noise', nines(0.999) ?? NaN, '3.0 nines'],
    // −log10(0.0011) = 2.9586: truncated to 2.9, never rounded up to 3.0
    ['99.89% is 2.9 nines, not 3.0', nines(0.9989) ?? NaN, '2.9 nines'],
  ])('%s', (_name, n, expected) => {
    expect(formatNines(n)).toBe(expected);
  });
});

describe('formatDateTime (SPEC §9.2: the site zone with its abbreviation)', () => {
  const cal = (timezone: string): Calendar => ({ timezone, fiscalYearStartMonth: 1 });
  it.each([
    ['London in summer', '2026-08-14T09:02:00Z', 'Europe/London', '14 Aug 2026 10:02 BST'],
    ['London in winter', '2026-01-14T09:02:00Z', 'Europe/London', '14 Jan 2026 09:02 GMT'],
    ['UTC', '2026-08-14T09:02:00Z', 'UTC', '14 Aug 2026 09:02 UTC'],
    ['New York', '2026-08-14T14:05:00Z', 'America/New_York', '14 Aug 2026 10:05 EDT'],
    ['the local date, not the UTC date', '2026-10-01T03:00:00Z', 'America/New_York', '30 Sep 2026 23:00 EDT'],
  ])('%s', (_name, at, zone, expected) => {
    expect(formatDateTime(Date.parse(at), cal(zone))).toBe(expected);
  });

  it('formatDate prints the local day', () => {
    expect(formatDate(Date.parse('2026-06-30T23:00:00Z'), cal('Europe/London'))).toBe('1 Jul 2026');
  });
});

describe('durationAsPrinted (a change of durations is the difference of the printed ones)', () => {
  it.each([
    ['38 min 20 s is printed as it is', 38 * MINUTE + 20 * SECOND, 38 * MINUTE + 20 * SECOND],
    ['2 h 10 min 40 s prints 2 h 11 min', 2 * HOUR + 10 * MINUTE + 40 * SECOND, 2 * HOUR + 11 * MINUTE],
    ['4 h 29 min 50 s prints 4 h 30 min', 4 * HOUR + 29 * MINUTE + 50 * SECOND, 4 * HOUR + 30 * MINUTE],
  ])('%s', (_name, ms, printed) => {
    expect(durationAsPrinted(ms)).toBe(printed);
  });

  it('4 h 30 min (4 h 29 min 50 s) against 4 h 42 min (4 h 42 min 20 s) is −12 min, as printed', () => {
    const now = 4 * HOUR + 29 * MINUTE + 50 * SECOND;
    const before = 4 * HOUR + 42 * MINUTE + 20 * SECOND;
    // The unrounded difference is −12 min 30 s; the printed figures differ by 12 min.
    expect(formatChangeDuration(durationAsPrinted(now) - durationAsPrinted(before))).toBe('−12 min');
  });
});
