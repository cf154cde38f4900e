import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addLocalDays,
  isValidTimeZone,
  localDateTimeToEpochMs,
  localParts,
  startOfLocalDay,
  startOfLocalDate,
  zoneAbbreviation,
  zoneOffsetMs,
} from '../../src/domain/zoned-time.ts';

// Transition instants are taken from the rules in the IANA tz database (europe, northamerica,
// southamerica files): the UK changes at 01:00 UTC on the last Sundays of March and October;
// the US at 02:00 local on the second Sunday of March and the first Sunday of November;
// Chile at 24:00 on the first Saturday of September.
const HOUR = 3_600_000;
const iso = (s: string): number => Date.parse(s);

describe('zoneOffsetMs', () => {
  it.each([
    ['London in January is on GMT, +0', '2026-01-15T12:00:00Z', 'Europe/London', 0],
    ['London in July is on BST, +1 h', '2026-07-15T12:00:00Z', 'Europe/London', HOUR],
    [
      'London one millisecond before the October change is still +1 h',
      '2026-10-25T00:59:59.999Z',
      'Europe/London',
      HOUR,
    ],
    ['London at the October change (01:00 UTC) is +0', '2026-10-25T01:00:00Z', 'Europe/London', 0],
    ['New York in winter is −5 h', '2026-01-15T12:00:00Z', 'America/New_York', -5 * HOUR],
    ['Kolkata is +5 h 30 min all year', '2026-07-15T12:00:00Z', 'Asia/Kolkata', 5.5 * HOUR],
    ['UTC is +0', '2026-07-15T12:00:00Z', 'UTC', 0],
  ])('%s', (_name, at, zone, expected) => {
    expect(zoneOffsetMs(iso(at), zone)).toBe(expected);
  });
});

describe('localDateTimeToEpochMs', () => {
  it.each([
    [
      'an ordinary London summer time is one hour ahead of UTC',
      '2026-08-14T10:02:00Z',
      'Europe/London',
      '2026-08-14T09:02:00Z',
    ],
    // 02:30 does not exist on 8 Mar 2026 in New York: read with the pre-gap offset −5 h it is 07:30Z = 03:30 EDT.
    [
      'a New York wall time inside the spring-forward gap moves forward by the gap',
      '2026-03-08T02:30:00Z',
      'America/New_York',
      '2026-03-08T07:30:00Z',
    ],
    // 01:30 happens twice on 1 Nov 2026: 05:30Z (EDT, −4 h) and 06:30Z (EST, −5 h); the earlier wins.
    [
      'a New York wall time inside the fall-back overlap takes the earlier instant',
      '2026-11-01T01:30:00Z',
      'America/New_York',
      '2026-11-01T05:30:00Z',
    ],
    [
      'Kolkata midnight is 18:30 UTC the day before',
      '2026-04-01T00:00:00Z',
      'Asia/Kolkata',
      '2026-03-31T18:30:00Z',
    ],
  ])('%s', (_name, wall, zone, expected) => {
    expect(localDateTimeToEpochMs(iso(wall), zone)).toBe(iso(expected));
  });
});

describe('startOfLocalDay and addLocalDays', () => {
  it('midnight that falls in a gap starts the day at the end of the gap (Santiago, 6 Sep 2026: 01:00 −03 = 04:00Z)', () => {
    expect(startOfLocalDate({ year: 2026, month: 9, day: 6 }, 'America/Santiago')).toBe(
      iso('2026-09-06T04:00:00Z'),
    );
  });

  it('the start of the London day containing 2026-07-01T12:00Z is 2026-06-30T23:00Z (midnight BST)', () => {
    expect(startOfLocalDay(iso('2026-07-01T12:00:00Z'), 'Europe/London')).toBe(iso('2026-06-30T23:00:00Z'));
  });

  it('the London day of the spring change, 29 Mar 2026, lasts 23 hours', () => {
    const start = startOfLocalDate({ year: 2026, month: 3, day: 29 }, 'Europe/London');
    expect(addLocalDays(start, 1, 'Europe/London') - start).toBe(23 * HOUR);
  });

  it('the London day of the autumn change, 25 Oct 2026, lasts 25 hours', () => {
    const start = startOfLocalDate({ year: 2026, month: 10, day: 25 }, 'Europe/London');
    expect(addLocalDays(start, 1, 'Europe/London') - start).toBe(25 * HOUR);
  });

  it('adding days to local midnight always lands on local midnight', () => {
    const zones = [
      'Europe/London',
      'America/New_York',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'America/Santiago',
      'UTC',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.integer({ min: -400, max: 400 }),
        fc.constantFrom(...zones),
        (ms, days, zone) => {
          const start = startOfLocalDay(ms, zone);
          const later = addLocalDays(start, days, zone);
          expect(startOfLocalDay(later, zone)).toBe(later);
          expect(start).toBeLessThanOrEqual(ms);
          expect(startOfLocalDay(start, zone)).toBe(start);
        },
      ),
    );
  });
});

describe('localParts', () => {
  it('reads 2026-01-01T00:00Z in New York as 31 Dec 2025 19:00', () => {
    expect(localParts(iso('2026-01-01T00:00:00Z'), 'America/New_York')).toEqual({
      year: 2025,
      month: 12,
      day: 31,
      hour: 19,
      minute: 0,
      second: 0,
      millisecond: 0,
    });
  });

  it('round-trips any instant outside a fall-back overlap', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2050, 0, 1) }), (ms) => {
        const p = localParts(ms, 'Europe/London');
        const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
        const back = localDateTimeToEpochMs(wall, 'Europe/London');
        // In the overlap hour the earlier reading is returned, which is at most 1 h before.
        expect(ms - back === 0 || ms - back === HOUR).toBe(true);
      }),
    );
  });
});

describe('zoneAbbreviation', () => {
  it.each([
    ['London in summer is BST', '2026-08-14T09:02:00Z', 'Europe/London', 'BST'],
    ['London in winter is GMT', '2026-01-14T09:02:00Z', 'Europe/London', 'GMT'],
    ['New York in summer is EDT', '2026-08-14T09:02:00Z', 'America/New_York', 'EDT'],
    ['Kolkata is IST', '2026-08-14T09:02:00Z', 'Asia/Kolkata', 'IST'],
    ['UTC is UTC', '2026-08-14T09:02:00Z', 'UTC', 'UTC'],
    [
      'a zone without an English abbreviation shows its offset',
      '2026-08-14T09:02:00Z',
      'Asia/Tokyo',
      'UTC+9',
    ],
    ['a negative half-hour offset uses a minus sign', '2026-08-14T09:02:00Z', 'America/St_Johns', 'UTC−2:30'],
  ])('%s', (_name, at, zone, expected) => {
    expect(zoneAbbreviation(iso(at), zone)).toBe(expected);
  });
});

describe('isValidTimeZone', () => {
  it.each([
    ['Europe/London', true],
    ['UTC', true],
    ['Europe/Londn', false],
    ['', false],
  ])('%s is %s', (zone, expected) => {
    expect(isValidTimeZone(zone)).toBe(expected);
  });
});
