import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Calendar } from '../../src/domain/calendar.ts';
import {
  nextQuarter,
  parseQuarterId,
  previousQuarter,
  quarterContaining,
  quarterDurationMs,
  quartersCovering,
} from '../../src/domain/quarter.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (s: string): number => Date.parse(s);
const utc: Calendar = { timezone: 'UTC', fiscalYearStartMonth: 1 };
const london: Calendar = { timezone: 'Europe/London', fiscalYearStartMonth: 1 };
const newYork: Calendar = { timezone: 'America/New_York', fiscalYearStartMonth: 1 };
const kolkataApril: Calendar = { timezone: 'Asia/Kolkata', fiscalYearStartMonth: 4 };
const utcNovember: Calendar = { timezone: 'UTC', fiscalYearStartMonth: 11 };

describe('quarter boundaries (SPEC §6.1; transition dates from the IANA tz rules)', () => {
  it.each([
    // 1 Jul 2026 00:00 BST (UTC+1) is 30 Jun 23:00 UTC; 1 Oct 00:00 BST is 30 Sep 23:00 UTC.
    [
      'Europe/London 2026-Q3 starts 2026-06-30T23:00:00Z',
      london,
      '2026-Q3',
      '2026-06-30T23:00:00Z',
      '2026-09-30T23:00:00Z',
    ],
    // 1 Apr 2026 00:00 IST (UTC+5:30) is 31 Mar 18:30 UTC; 1 Jul likewise 30 Jun 18:30 UTC.
    [
      'fiscal year starting in April in Asia/Kolkata: FY2027-Q1 starts 2026-03-31T18:30:00Z',
      kolkataApril,
      'FY2027-Q1',
      '2026-03-31T18:30:00Z',
      '2026-06-30T18:30:00Z',
    ],
    // 1 Oct 00:00 EDT (UTC−4) is 04:00Z; 1 Jan 2027 00:00 EST (UTC−5) is 05:00Z.
    [
      'America/New_York 2026-Q4 runs from 04:00Z on 1 Oct to 05:00Z on 1 Jan',
      newYork,
      '2026-Q4',
      '2026-10-01T04:00:00Z',
      '2027-01-01T05:00:00Z',
    ],
    ['UTC 2026-Q1 runs from 1 Jan to 1 Apr', utc, '2026-Q1', '2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z'],
    [
      'a November fiscal year: FY2027-Q1 is Nov 2026–Jan 2027',
      utcNovember,
      'FY2027-Q1',
      '2026-11-01T00:00:00Z',
      '2027-02-01T00:00:00Z',
    ],
  ])('%s', (_name, cal, id, start, end) => {
    const q = parseQuarterId(id, cal);
    expect(q?.startMs).toBe(iso(start));
    expect(q?.endMs).toBe(iso(end));
  });
});

describe('quarter lengths across daylight-saving changes', () => {
  it.each([
    // Oct 31 + Nov 30 + Dec 31 = 92 days; clocks go back on 1 Nov 2026, adding one hour.
    ['2026-Q4 in America/New_York lasts 92 days and one hour', newYork, '2026-Q4', 92 * DAY + HOUR],
    // Jan 31 + Feb 28 + Mar 31 = 90 days; clocks go forward on 8 Mar 2026, removing one hour.
    ['2026-Q1 in America/New_York lasts 90 days minus one hour', newYork, '2026-Q1', 90 * DAY - HOUR],
    // Jul 31 + Aug 31 + Sep 30 = 92 days, all in BST.
    ['2026-Q3 in Europe/London lasts exactly 92 days', london, '2026-Q3', 92 * DAY],
    // Apr 30 + May 31 + Jun 30 = 91 days; India has no daylight saving.
    ['FY2027-Q1 in Asia/Kolkata lasts 91 days', kolkataApril, 'FY2027-Q1', 91 * DAY],
  ])('%s', (_name, cal, id, expected) => {
    const q = parseQuarterId(id, cal);
    expect(q && quarterDurationMs(q)).toBe(expected);
  });
});

describe('quarter ids and labels', () => {
  it.each([
    [
      'a calendar-year quarter',
      london,
      '2026-08-14T09:00:00Z',
      '2026-Q3',
      '2026-q3',
      'July–September 2026',
      'Jul–Sep 2026',
    ],
    [
      'a fiscal quarter is named by the year in which the fiscal year ends',
      kolkataApril,
      '2026-05-01T00:00:00Z',
      'FY2027-Q1',
      'fy2027-q1',
      'April–June 2026',
      'Apr–Jun 2026',
    ],
    [
      'the last fiscal quarter falls in the year of the name',
      kolkataApril,
      '2027-02-01T00:00:00Z',
      'FY2027-Q4',
      'fy2027-q4',
      'January–March 2027',
      'Jan–Mar 2027',
    ],
    [
      'a quarter spanning two years names both',
      utcNovember,
      '2026-12-15T00:00:00Z',
      'FY2027-Q1',
      'fy2027-q1',
      'November 2026–January 2027',
      'Nov 2026–Jan 2027',
    ],
    // 31 Dec 2025 20:00 EST is already 2026-01-01T01:00Z; the local date decides.
    [
      'the local date, not the UTC date, picks the quarter',
      newYork,
      '2026-01-01T01:00:00Z',
      '2025-Q4',
      '2025-q4',
      'October–December 2025',
      'Oct–Dec 2025',
    ],
  ])('%s', (_name, cal, at, id, slug, label, shortLabel) => {
    const q = quarterContaining(iso(at), cal);
    expect({ id: q.id, slug: q.slug, label: q.label, shortLabel: q.shortLabel }).toEqual({
      id,
      slug,
      label,
      shortLabel,
    });
  });

  it('the first instant of a quarter belongs to it and the last millisecond before it does not', () => {
    const start = iso('2026-06-30T23:00:00Z');
    expect(quarterContaining(start, london).id).toBe('2026-Q3');
    expect(quarterContaining(start - 1, london).id).toBe('2026-Q2');
  });
});

describe('parseQuarterId', () => {
  it.each([
    ['lower case is accepted', '2026-q3', london, '2026-Q3'],
    ['a fiscal id in lower case is accepted', 'fy2027-q1', kolkataApril, 'FY2027-Q1'],
    ['quarter 5 does not exist', '2026-Q5', london, undefined],
    ['a fiscal id under a January calendar is refused', 'FY2026-Q1', london, undefined],
    ['a calendar id under an April fiscal year is refused', '2026-Q1', kolkataApril, undefined],
    ['an empty string is refused', '', london, undefined],
    ['a two-digit year is refused', '26-Q1', london, undefined],
  ])('%s', (_name, id, cal, expected) => {
    expect(parseQuarterId(id, cal)?.id).toBe(expected);
  });
});

describe('previousQuarter, nextQuarter and quartersCovering', () => {
  it.each([
    ['before 2026-Q1 comes 2025-Q4', london, '2026-Q1', '2025-Q4'],
    ['before FY2027-Q1 comes FY2026-Q4 (January–March 2026)', kolkataApril, 'FY2027-Q1', 'FY2026-Q4'],
    ['before 2026-Q3 comes 2026-Q2', london, '2026-Q3', '2026-Q2'],
  ])('%s', (_name, cal, id, expected) => {
    const q = parseQuarterId(id, cal);
    expect(q && previousQuarter(q, cal).id).toBe(expected);
  });

  it.each([
    [
      'mid-February to 1 August covers Q1, Q2 and Q3',
      '2026-02-15T00:00:00Z',
      '2026-08-01T00:00:00Z',
      ['2026-Q1', '2026-Q2', '2026-Q3'],
    ],
    [
      'an interval ending exactly at a quarter start leaves that quarter out',
      '2026-02-15T00:00:00Z',
      '2026-04-01T00:00:00Z',
      ['2026-Q1'],
    ],
    ['an empty interval covers nothing', '2026-02-15T00:00:00Z', '2026-02-15T00:00:00Z', []],
    ['a reversed interval covers nothing', '2026-08-01T00:00:00Z', '2026-02-15T00:00:00Z', []],
  ])('%s', (_name, from, to, expected) => {
    expect(quartersCovering(iso(from), iso(to), utc).map((q) => q.id)).toEqual(expected);
  });
});

describe('quarter properties', () => {
  const calendars = fc.record({
    timezone: fc.constantFrom(
      'UTC',
      'Europe/London',
      'America/New_York',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'America/Santiago',
    ),
    fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
  });
  const instants = fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2045, 0, 1) });

  it('the containing quarter contains the instant, tiles with its neighbours and parses back from its id', () => {
    fc.assert(
      fc.property(instants, calendars, (ms, cal) => {
        const q = quarterContaining(ms, cal);
        expect(q.startMs).toBeLessThanOrEqual(ms);
        expect(ms).toBeLessThan(q.endMs);
        expect(nextQuarter(q, cal).startMs).toBe(q.endMs);
        expect(previousQuarter(q, cal).endMs).toBe(q.startMs);
        expect(previousQuarter(nextQuarter(q, cal), cal)).toEqual(q);
        expect(parseQuarterId(q.id, cal)).toEqual(q);
        expect(parseQuarterId(q.slug, cal)).toEqual(q);
        // 89 days (a February quarter) to 92 days, give or take a daylight-saving shift of ≤ 1 h.
        expect(quarterDurationMs(q)).toBeGreaterThanOrEqual(89 * DAY - HOUR);
        expect(quarterDurationMs(q)).toBeLessThanOrEqual(92 * DAY + HOUR);
      }),
    );
  });

  it('quartersCovering returns contiguous quarters that together cover the interval', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 1, max: 800 * DAY }), calendars, (from, length, cal) => {
        const qs = quartersCovering(from, from + length, cal);
        expect(qs.length).toBeGreaterThan(0);
        expect(qs[0]?.startMs).toBeLessThanOrEqual(from);
        expect(qs.at(-1)?.endMs).toBeGreaterThanOrEqual(from + length);
        for (let i = 1; i < qs.length; i++) expect(qs[i]?.startMs).toBe(qs[i - 1]?.endMs);
      }),
      { numRuns: 50 },
    );
  });
});
