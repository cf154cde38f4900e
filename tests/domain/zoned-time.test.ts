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
const DAY = 24 * HOUR;
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

describe('zoneOffsetMs caches per transition and still agrees with the time zone database', () => {
  // The reference asks Intl directly for every instant, written independently of the module:
  // `longOffset` names the offset ("GMT+05:30", "GMT-03", "GMT" for zero).
  const formatters = new Map<string, Intl.DateTimeFormat>();
  const reference = (ms: number, zone: string): number => {
    let f = formatters.get(zone);
    if (f === undefined) {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
      formatters.set(zone, f);
    }
    const name = f.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(name);
    if (m === null) throw new Error(`unexpected offset name ${name}`);
    if (m[1] === undefined) return 0;
    const size = (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0)) * 1000;
    return m[1] === '-' ? -size : size;
  };
  // Zones with one-hour, half-hour (Lord Howe), midnight (Santiago) changes, a skipped day
  // (Apia, 30 Dec 2011) and none (Kolkata).
  const zones = [
    'Europe/London',
    'America/New_York',
    'America/Santiago',
    'Australia/Lord_Howe',
    'Pacific/Apia',
    'Asia/Kolkata',
    'UTC',
  ];
  // Transitions of 2011–2027, found by scanning each day for a change of offset.
  const transitions = zones.flatMap((zone) => {
    const out: number[] = [];
    for (let t = Date.UTC(2011, 0, 1); t < Date.UTC(2027, 0, 1); t += DAY) {
      if (reference(t, zone) !== reference(t + DAY, zone)) out.push(t + DAY / 2);
    }
    return out.map((t) => ({ zone, t }));
  });

  it('finds the transitions it is tested on (London alone has two a year)', () => {
    expect(transitions.filter((x) => x.zone === 'Europe/London').length).toBe(32);
  });

  it('equals Intl at any instant within a day of a transition, asked in any order', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...transitions),
        fc.integer({ min: -DAY, max: DAY }),
        ({ zone, t }, delta) => {
          expect(zoneOffsetMs(t + delta, zone)).toBe(reference(t + delta, zone));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('equals Intl to the second on either side of every transition', () => {
    for (const { zone, t } of transitions) {
      // The exact instant: scan the day in seconds around the transition by bisection on Intl.
      let lo = Math.floor((t - DAY / 2) / 1000);
      let hi = Math.floor((t + DAY / 2) / 1000);
      const before = reference(lo * 1000, zone);
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (reference(mid * 1000, zone) === before) lo = mid;
        else hi = mid;
      }
      for (const at of [hi * 1000 - 1, hi * 1000, hi * 1000 - 1000, hi * 1000 + 999]) {
        expect(zoneOffsetMs(at, zone)).toBe(reference(at, zone));
      }
    }
  });

  it('equals Intl at any instant from 1900 to 2100', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
        (zone, ms) => {
          expect(zoneOffsetMs(ms, zone)).toBe(reference(ms, zone));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
