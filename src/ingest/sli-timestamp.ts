/**
 * Reading the timestamp of an SLI row (SPEC §5): ISO 8601 with an offset or `Z`, or Unix epoch
 * seconds or milliseconds. A time without a zone is refused unless the SLO says which zone it is in.
 */
import { localDateTimeToEpochMs } from '../domain/zoned-time.ts';

export type TimestampResult = { ok: true; ms: number } | { ok: false; reason: 'zoneless' | 'unreadable' };

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const EPOCH = /^\d{9,13}(\.\d+)?$/;

/**
 * Epoch values are told apart by magnitude: 10¹¹ seconds is the year 5138, while 10¹¹
 * milliseconds is 1973 — no real export sits between the two readings.
 */
const EPOCH_MS_ABOVE = 1e11;

export function parseSliTimestamp(text: string, zone: string | null): TimestampResult {
  const t = text.trim();
  if (EPOCH.test(t)) {
    const n = Number(t);
    return { ok: true, ms: Math.round(n >= EPOCH_MS_ABOVE ? n : n * 1000) };
  }
  const m = ISO.exec(t);
  if (!m) return { ok: false, reason: 'unreadable' };
  const [, y, mo, d, h, mi, s, frac, offset] = m;
  const parts = [y, mo, d, h, mi].map(Number) as [number, number, number, number, number];
  const seconds = Number(s ?? 0);
  const millis = frac ? Math.round(Number(frac) * 1000) : 0;
  if (parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > 31 || parts[3] > 23 || parts[4] > 59 || seconds > 59) {
    return { ok: false, reason: 'unreadable' };
  }
  const wallMs = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], seconds, millis);
  if (offset === undefined) {
    if (zone === null) return { ok: false, reason: 'zoneless' };
    return { ok: true, ms: localDateTimeToEpochMs(wallMs, zone) };
  }
  if (offset.toUpperCase() === 'Z') return { ok: true, ms: wallMs };
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return { ok: true, ms: wallMs - sign * offsetMin * 60_000 };
}
