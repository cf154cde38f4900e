/**
 * Local wall-clock time in an IANA zone ↔ epoch milliseconds.
 *
 * Offsets come from the time zone database through `Intl.DateTimeFormat` (Node 24 has no
 * Temporal), never from adding 24 h, so a day is 23 or 25 hours long across a daylight-saving
 * change (SPEC §6.1). A wall time that does not exist (inside a spring-forward gap) or exists twice
 * (inside a fall-back overlap) is resolved the way Temporal's `disambiguation: 'compatible'` and
 * RFC 5545 resolve it: the gap moves forward by its length, the overlap takes the earlier instant.
 */

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const MS_PER_DAY = 86_400_000;

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partFormatter(zone: string): Intl.DateTimeFormat {
  let f = partFormatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      calendar: 'iso8601',
      numberingSystem: 'latn',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
      era: 'short',
    });
    partFormatters.set(zone, f);
  }
  return f;
}

/** True when the runtime's zone database knows `zone` (e.g. 'Europe/London', 'UTC'). */
export function isValidTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Epoch ms of a wall-clock reading taken as if it were UTC; years below 100 are not shifted to 19xx. */
export function wallClockMs(t: LocalDate & Partial<LocalDateTime>): number {
  const d = new Date(0);
  d.setUTCFullYear(t.year, t.month - 1, t.day);
  d.setUTCHours(t.hour ?? 0, t.minute ?? 0, t.second ?? 0, t.millisecond ?? 0);
  return d.getTime();
}

function wallClockParts(wallMs: number): LocalDateTime {
  const d = new Date(wallMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/** The offset at `ms` as the time zone database gives it through Intl: a few microseconds a call. */
function intlOffsetMs(ms: number, zone: string): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  const fields: Record<string, number> = {};
  let bc = false;
  for (const p of partFormatter(zone).formatToParts(wholeSecond)) {
    if (p.type === 'era') bc = p.value.startsWith('B');
    else if (p.type !== 'literal') fields[p.type] = Number(p.value);
  }
  const year = fields['year'] ?? 1970;
  const wall = wallClockMs({
    year: bc ? 1 - year : year,
    month: fields['month'] ?? 1,
    day: fields['day'] ?? 1,
    hour: fields['hour'] ?? 0,
    minute: fields['minute'] ?? 0,
    second: fields['second'] ?? 0,
  });
  return wall - wholeSecond;
}

/**
 * Offsets are asked for once per row of an export, millions of times for the same few offsets, so
 * they are sampled on a grid of whole hours and a span whose ends differ is bisected to the
 * second of its transition (offsets and transitions in the tz database are whole seconds). The
 * cache assumes no zone changes its offset twice within one hour, which no rule in the database
 * does; the answers are Intl's own, so the cache changes no result, only how often Intl is asked.
 */
const SPAN_MS = 3_600_000;
/** The last instant a Date can hold (ECMA-262 §21.4.1.1); beyond the grid's reach near it. */
const MAX_INSTANT_MS = 8.64e15;

interface ZoneOffsets {
  /** Span index → the offset at the span's first instant. */
  starts: Map<number, number>;
  /** Span index → the first whole second at the new offset, for spans that contain a change. */
  changes: Map<number, number>;
}

const zoneOffsets = new Map<string, ZoneOffsets>();
/** Zones that never change: UTC and its aliases, Etc/GMT±N and numeric offsets such as +05:30. */
const FIXED_ZONE =
  /^(?:(?:Etc\/)?(?:UTC|UCT|GMT|Universal|Zulu|Greenwich)|Etc\/GMT[+-]\d{1,2}|[+-]\d{2}(?::?\d{2})?)$/;
const fixedOffsets = new Map<string, number | null>();

function fixedOffsetOf(zone: string): number | null {
  let fixed = fixedOffsets.get(zone);
  if (fixed === undefined) {
    fixed = FIXED_ZONE.test(zone) ? intlOffsetMs(0, zone) : null;
    fixedOffsets.set(zone, fixed);
  }
  return fixed;
}

function offsetAtSpanStart(z: ZoneOffsets, span: number, zone: string): number {
  let offset = z.starts.get(span);
  if (offset === undefined) {
    offset = intlOffsetMs(span * SPAN_MS, zone);
    z.starts.set(span, offset);
  }
  return offset;
}

/** The first whole second of `span` at the offset in force at its end. */
function changeIn(z: ZoneOffsets, span: number, zone: string, before: number): number {
  let change = z.changes.get(span);
  if (change === undefined) {
    let lo = (span * SPAN_MS) / 1000;
    let hi = ((span + 1) * SPAN_MS) / 1000;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (intlOffsetMs(mid * 1000, zone) === before) lo = mid;
      else hi = mid;
    }
    change = hi * 1000;
    z.changes.set(span, change);
  }
  return change;
}

/** The zone's offset from UTC at instant `ms`, in milliseconds (+3_600_000 for BST). */
export function zoneOffsetMs(ms: number, zone: string): number {
  if (zone === 'UTC') return 0;
  const fixed = fixedOffsetOf(zone);
  if (fixed !== null) return fixed;
  const span = Math.floor(ms / SPAN_MS);
  if (!Number.isFinite(span) || Math.abs((span + 1) * SPAN_MS) > MAX_INSTANT_MS)
    return intlOffsetMs(ms, zone);
  let z = zoneOffsets.get(zone);
  if (z === undefined) {
    z = { starts: new Map(), changes: new Map() };
    zoneOffsets.set(zone, z);
  }
  const from = offsetAtSpanStart(z, span, zone);
  const to = offsetAtSpanStart(z, span + 1, zone);
  if (from === to) return from;
  return Math.floor(ms / 1000) * 1000 < changeIn(z, span, zone, from) ? from : to;
}

/** The wall-clock date and time in `zone` at instant `ms`. */
export function localParts(ms: number, zone: string): LocalDateTime {
  return wallClockParts(ms + zoneOffsetMs(ms, zone));
}

/**
 * The instant at which the clocks in `zone` read `wallMs` (a wall-clock reading expressed as if it
 * were UTC, as `Date.UTC` builds it). Gaps and overlaps are resolved as described at the top.
 */
export function localDateTimeToEpochMs(wallMs: number, zone: string): number {
  // Offsets a day either side bracket any single transition near the wall time.
  const offsetBefore = zoneOffsetMs(wallMs - MS_PER_DAY, zone);
  const offsetAfter = zoneOffsetMs(wallMs + MS_PER_DAY, zone);
  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter].filter(
    (t) => t + zoneOffsetMs(t, zone) === wallMs,
  );
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap, reading the wall time with the offset in force before it lands after the gap.
  return wallMs - offsetBefore;
}

/** The instant of local `date` at `time` (midnight when omitted) in `zone`. */
export function epochMsFromLocal(t: LocalDate & Partial<LocalDateTime>, zone: string): number {
  return localDateTimeToEpochMs(wallClockMs(t), zone);
}

/**
 * The first instant of local date `date` in `zone`. Where midnight falls in a gap (e.g.
 * America/Santiago in September) that is the end of the gap, 01:00.
 */
export function startOfLocalDate(date: LocalDate, zone: string): number {
  return epochMsFromLocal({ year: date.year, month: date.month, day: date.day }, zone);
}

/** The first instant of the local day that contains `ms`. */
export function startOfLocalDay(ms: number, zone: string): number {
  return startOfLocalDate(localParts(ms, zone), zone);
}

/** The same wall-clock time `days` local days after the instant `ms` (negative goes back). */
export function addLocalDays(ms: number, days: number, zone: string): number {
  const p = localParts(ms, zone);
  return epochMsFromLocal({ ...p, day: p.day + days }, zone);
}

/** The local date `days` days after `date`, in the proleptic Gregorian calendar. */
export function addDaysToDate(date: LocalDate, days: number): LocalDate {
  const p = wallClockParts(wallClockMs({ ...date, day: date.day + days }));
  return { year: p.year, month: p.month, day: p.day };
}

/** The local date `months` months after the first of `date`'s month (the day is kept at 1). */
export function addMonthsToDate(date: LocalDate, months: number): LocalDate {
  const index = date.year * 12 + (date.month - 1) + months;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1, day: 1 };
}

const ABBREVIATION = /^[A-Z]{2,5}$/;
// Each English locale names a different set of zones (en-GB knows BST and CET, en-IN knows IST,
// en-AU knows AEST); the first alphabetic name wins.
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-IN', 'en-AU'] as const;
const nameFormatters = new Map<string, Intl.DateTimeFormat>();

function nameFormatter(locale: string, zone: string): Intl.DateTimeFormat {
  const key = `${locale}|${zone}`;
  let f = nameFormatters.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' });
    nameFormatters.set(key, f);
  }
  return f;
}

/**
 * The zone's abbreviation at `ms` ('BST', 'GMT', 'EDT', 'IST', 'UTC'); where the zone database
 * has none, the offset written as 'UTC+9' or 'UTC−3:30'.
 */
export function zoneAbbreviation(ms: number, zone: string): string {
  for (const locale of ABBREVIATION_LOCALES) {
    const name = nameFormatter(locale, zone)
      .formatToParts(ms)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name !== undefined && ABBREVIATION.test(name)) return name;
  }
  const offsetMinutes = Math.round(zoneOffsetMs(ms, zone) / 60_000);
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes < 0 ? '−' : '+';
  const h = Math.floor(Math.abs(offsetMinutes) / 60);
  const m = Math.abs(offsetMinutes) % 60;
  return `UTC${sign}${h}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`}`;
}
