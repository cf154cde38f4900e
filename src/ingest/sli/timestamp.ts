/**
 * Reading the timestamp of an SLI row (SPEC §5): ISO 8601 with an offset or `Z`, or Unix epoch
 * seconds or milliseconds. A time without a zone is refused unless the SLO says which zone it is in;
 * a date alone (`2025-04-05`, a daily export) is the start of that day in the SLO's zone, or else
 * the site's.
 *
 * This runs once per row of files with millions of rows, so the common shapes are read with
 * character arithmetic instead of a regular expression and `Date.UTC`.
 */
import { localDateTimeToEpochMs } from '../../domain/zoned-time.ts';

/** How an SLO says its timestamps are written; `auto` tells ISO and epoch apart per value. */
export type TimeFormat = 'auto' | 'iso' | 'epoch-s' | 'epoch-ms';

export type TimestampResult =
  | { ok: true; ms: number; kind: 'iso' | 'day' | 'epoch-s' | 'epoch-ms' }
  | { ok: false; reason: 'zoneless' | 'unreadable' };

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const EPOCH_AUTO = /^\d{9,13}(\.\d+)?$/;
const EPOCH_ANY = /^\d+(\.\d+)?$/;

/**
 * Epoch values are told apart by magnitude: 10¹¹ seconds is the year 5138, while 10¹¹
 * milliseconds is 1973 — no real export sits between the two readings.
 */
const EPOCH_MS_ABOVE = 1e11;

/** A wall-clock reading in `zone` → epoch ms, remembered per quarter hour of wall time. */
interface ZoneMemo {
  zone: string;
  offsets: Map<number, number>;
}
const QUARTER_HOUR = 900_000;
let memo: ZoneMemo | null = null;

function zonedWallToEpoch(wallMs: number, zone: string): number {
  // Zone offsets change only on quarter-hour boundaries of wall time in the tz database, so one
  // Intl lookup per quarter hour serves every row in it; `localDateTimeToEpochMs` decides gaps
  // and overlaps (the earlier instant), and every wall time of the quarter hour gets the same.
  if (memo === null || memo.zone !== zone) memo = { zone, offsets: new Map() };
  const key = Math.floor(wallMs / QUARTER_HOUR);
  let offset = memo.offsets.get(key);
  if (offset === undefined) {
    if (memo.offsets.size > 100_000) memo.offsets.clear();
    offset = localDateTimeToEpochMs(key * QUARTER_HOUR, zone) - key * QUARTER_HOUR;
    memo.offsets.set(key, offset);
  }
  return wallMs + offset;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

/** The date and hour of the last timestamp read fast (`2026-07-01T09`), and its wall ms: rows in one hour share them. */
let lastHour = '';
let lastHourMs = 0;

/**
 * `YYYY-MM-DDTHH:MM:SS` (or a space for the T) followed by `Z`, `±HH:MM` or nothing: the shape
 * of nearly every export. Returns wall ms and the offset, or undefined to fall back to the regex.
 */
function readIsoFast(s: string): { wallMs: number; offsetMin: number | null } | undefined {
  if (
    s.length < 19 ||
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58
  )
    return undefined;
  const mi = digit(s, 14) * 10 + digit(s, 15);
  const sec = digit(s, 17) * 10 + digit(s, 18);
  if (!(mi <= 59 && sec <= 59)) return undefined;
  let hourMs: number;
  if (lastHour.length === 13 && s.startsWith(lastHour)) hourMs = lastHourMs;
  else {
    const sepT = s.charCodeAt(10);
    if (sepT !== 84 && sepT !== 32 && sepT !== 116) return undefined;
    const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
    const mo = digit(s, 5) * 10 + digit(s, 6);
    const d = digit(s, 8) * 10 + digit(s, 9);
    const h = digit(s, 11) * 10 + digit(s, 12);
    if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= (DAYS_IN_MONTH[mo - 1] ?? 0) && h <= 23)) return undefined;
    if (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return undefined;
    hourMs = daysFromCivil(y, mo, d) * 86_400_000 + h * 3_600_000;
    lastHour = s.slice(0, 13);
    lastHourMs = hourMs;
  }
  let offsetMin: number | null;
  const last = s.charCodeAt(19);
  if (s.length === 19) offsetMin = null;
  else if (s.length === 20 && (last === 90 || last === 122)) offsetMin = 0;
  else if (s.length === 25 && s.charCodeAt(22) === 58 && (last === 43 || last === 45)) {
    const abs = (digit(s, 20) * 10 + digit(s, 21)) * 60 + digit(s, 23) * 10 + digit(s, 24);
    if (Number.isNaN(abs)) return undefined;
    offsetMin = last === 45 ? -abs : abs;
  } else return undefined;
  return { wallMs: hourMs + mi * 60_000 + sec * 1000, offsetMin };
}

function readIsoSlow(t: string): { wallMs: number; offsetMin: number | null } | undefined {
  const m = ISO.exec(t);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, offset] = m;
  const parts = [y, mo, d, h, mi].map(Number) as [number, number, number, number, number];
  const seconds = Number(s ?? 0);
  const millis = frac ? Math.round(Number(frac) * 1000) : 0;
  if (
    parts[1] < 1 ||
    parts[1] > 12 ||
    parts[2] < 1 ||
    parts[2] > (DAYS_IN_MONTH[parts[1] - 1] ?? 0) ||
    parts[3] > 23 ||
    parts[4] > 59 ||
    seconds > 59
  ) {
    return undefined;
  }
  const wallMs = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], seconds, millis);
  if (new Date(wallMs).getUTCDate() !== parts[2]) return undefined; // 29 February of a common year
  if (offset === undefined) return { wallMs, offsetMin: null };
  if (offset.toUpperCase() === 'Z') return { wallMs, offsetMin: 0 };
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return { wallMs, offsetMin: sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) };
}

/** `YYYY-MM-DD` alone: wall-clock midnight as ms, or undefined. */
function readDay(t: string): number | undefined {
  if (t.length !== 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return undefined;
  const y = digit(t, 0) * 1000 + digit(t, 1) * 100 + digit(t, 2) * 10 + digit(t, 3);
  const mo = digit(t, 5) * 10 + digit(t, 6);
  const d = digit(t, 8) * 10 + digit(t, 9);
  if (!(y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= (DAYS_IN_MONTH[mo - 1] ?? 0))) return undefined;
  if (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return undefined;
  return daysFromCivil(y, mo, d) * 86_400_000;
}

/**
 * `zone` reads a date-time without an offset; `dayZone` (by default the same) a date alone, which
 * a daily export writes and the site's zone may place when the SLO names none.
 */
export function parseSliTimestamp(
  text: string,
  zone: string | null,
  format: TimeFormat = 'auto',
  dayZone: string | null = zone,
): TimestampResult {
  const fast = format === 'auto' || format === 'iso' ? readIsoFast(text) : undefined;
  const t = fast === undefined ? text.trim() : text;
  if (fast === undefined && format !== 'iso' && (format === 'auto' ? EPOCH_AUTO : EPOCH_ANY).test(t)) {
    const n = Number(t);
    const ms = format === 'epoch-ms' || (format === 'auto' && n >= EPOCH_MS_ABOVE);
    return { ok: true, ms: Math.round(ms ? n : n * 1000), kind: ms ? 'epoch-ms' : 'epoch-s' };
  }
  if (format === 'epoch-s' || format === 'epoch-ms') return { ok: false, reason: 'unreadable' };
  const iso = fast ?? readIsoSlow(t);
  if (iso === undefined) {
    const day = readDay(t);
    if (day === undefined) return { ok: false, reason: 'unreadable' };
    if (dayZone === null) return { ok: false, reason: 'zoneless' };
    return { ok: true, ms: zonedWallToEpoch(day, dayZone), kind: 'day' };
  }
  if (iso.offsetMin === null) {
    if (zone === null) return { ok: false, reason: 'zoneless' };
    return { ok: true, ms: zonedWallToEpoch(iso.wallMs, zone), kind: 'iso' };
  }
  return { ok: true, ms: iso.wallMs - iso.offsetMin * 60_000, kind: 'iso' };
}
