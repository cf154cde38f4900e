/**
 * An instant as people write it in YAML and on the command line: ISO 8601 with an offset, checked
 * to be a real time (no 24:30, no 31 June). One definition for postmortems, exclusions and
 * `--as-of`, so that an impossible time is an error everywhere rather than rolled over somewhere.
 */
import { z } from 'zod';
import { parseSliTimestamp } from './sli/timestamp.ts';

const EXAMPLE = 'e.g. 2026-08-14T09:12:00Z or 2026-08-14T10:12:00+01:00';

export type InstantResult = { ok: true; ms: number } | { ok: false; message: string };

/**
 * `zone` reads a time written without an offset as a wall-clock time there (a postmortem's
 * `timezone:`); without one such a time is refused. A day alone is always refused: an instant
 * needs its time of day, and midnight would be a guess presented as a fact.
 */
export function parseInstant(text: string, zone: string | null = null): InstantResult {
  const day = /^\s*(\d{4}-\d{2}-\d{2})\s*$/.exec(text)?.[1];
  if (day !== undefined)
    return {
      ok: false,
      message: `${day} is a day without a time of day: write when it happened, e.g. ${day}T09:30:00Z or ${day}T09:30:00-08:00; if only the day is known, write your best estimate and say so in the write-up`,
    };
  const r = parseSliTimestamp(text, zone, 'iso');
  if (r.ok) return { ok: true, ms: r.ms };
  if (r.reason === 'zoneless')
    return {
      ok: false,
      message: `write the time with an offset, ${EXAMPLE}`,
    };
  return { ok: false, message: `"${text}" is not a real time: write ISO 8601 with an offset, ${EXAMPLE}` };
}

/**
 * Epoch milliseconds of a YAML instant. The `yaml` package (check) hands over text; Astro's
 * front-matter reader hands over a Date, already validated by `check` before every build.
 */
export const instantSchema = z.union([z.date(), z.string()]).transform((v, ctx) => {
  const r = readInstant(v);
  if (r.ok) return r.ms;
  ctx.addIssue({ code: 'custom', message: r.message });
  return z.NEVER;
});

/** An instant as a YAML reader hands it over: text, or a Date from a reader that makes them. */
export function readInstant(v: string | Date, zone: string | null = null): InstantResult {
  if (v instanceof Date) {
    if (!Number.isNaN(v.getTime())) return { ok: true, ms: v.getTime() };
    return { ok: false, message: `not a real time: write ISO 8601 with an offset, ${EXAMPLE}` };
  }
  return parseInstant(v, zone);
}

/** A calendar day `YYYY-MM-DD` that exists (no 2026-06-31). */
export function isRealDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
