/**
 * An SLO has a life (SPEC §4 `since`, §6.1): before it starts, it is not part of a quarter at all
 * — not "insufficient data", simply absent. It starts on its `since` date (the SLO's own, else its
 * service's), else with the quarter of its first row; `reportingSince` in the settings is a floor
 * for every SLO, and no quarter before it is reported.
 */
import type { Calendar } from './calendar.ts';
import { quarterContaining, type Quarter } from './quarter.ts';
import type { LocalDate } from './zoned-time.ts';
import { startOfLocalDate } from './zoned-time.ts';

/** `YYYY-MM-DD` as a local date; undefined for anything else. */
export function parseLocalDate(text: string): LocalDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** The start of a `YYYY-MM-DD` day in the site's zone. */
export function startOfDateText(text: string, cal: Calendar): number {
  const date = parseLocalDate(text);
  if (date === undefined) throw new RangeError(`not a date written YYYY-MM-DD: ${text}`);
  return startOfLocalDate(date, cal.timezone);
}

export interface SloLifeInput {
  /** The SLO's (or its service's) `since`, `YYYY-MM-DD` in the site's zone. */
  since?: string | undefined;
  /** The start of its earliest row, or null when it has none. */
  firstRowMs: number | null;
  /** Settings' `reportingSince`, `YYYY-MM-DD`, or null. */
  reportingSince: string | null;
  /** The as-of time: an SLO with neither `since` nor rows starts with the quarter in progress. */
  asOfMs: number;
  cal: Calendar;
}

/** The instant an SLO starts taking part in quarters. */
export function sloStartMs(p: SloLifeInput): number {
  const own =
    p.since !== undefined
      ? startOfDateText(p.since, p.cal)
      : quarterContaining(p.firstRowMs ?? Math.max(p.asOfMs - 1, 0), p.cal).startMs;
  const floor = p.reportingSince === null ? -Infinity : startOfDateText(p.reportingSince, p.cal);
  return Math.max(own, floor);
}

/** An SLO takes part in every quarter that ends after it starts (a `since` mid-quarter counts that quarter). */
export function takesPartIn(startMs: number, quarter: Quarter): boolean {
  return startMs < quarter.endMs;
}
