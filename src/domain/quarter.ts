/**
 * Reporting quarters (SPEC §6.1): `[start, end)` in the site time zone, the first beginning in
 * `fiscalYearStartMonth`. Boundaries are local midnights resolved through the zone database.
 */
import type { Calendar } from './calendar.ts';
import { addMonthsToDate, localParts, startOfLocalDate } from './zoned-time.ts';

export interface Quarter {
  /** '2026-Q3' for calendar years; 'FY2027-Q1' when the fiscal year starts in another month. */
  id: string;
  /** The id in lower case, for URLs: '2026-q3', 'fy2027-q1'. */
  slug: string;
  /** Inclusive: local midnight of the quarter's first day in the calendar's zone. */
  startMs: number;
  /** Exclusive: the next quarter's startMs. */
  endMs: number;
  /** 'July–September 2026'; across a year end 'November 2026–January 2027'. */
  label: string;
  /** 'Jul–Sep 2026'; across a year end 'Nov 2026–Jan 2027'. */
  shortLabel: string;
  /** The year in the id: for fiscal calendars the calendar year in which the fiscal year ends. */
  fiscalYear: number;
  /** 1–4 */
  number: number;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** 'January' for 1: the month's English name, as quarter labels spell it. */
export function monthName(month: number): string {
  return MONTHS[month - 1] ?? '';
}

function isCalendarYear(cal: Calendar): boolean {
  return cal.fiscalYearStartMonth === 1;
}

/**
 * The quarter `number` (1–4) of the fiscal year named `fiscalYear`. A fiscal year starting in
 * April 2026 ends in March 2027 and is named FY2027 (SPEC §6.1), so it starts in the calendar year
 * before its name whenever it does not start in January.
 */
function buildQuarter(fiscalYear: number, number: number, cal: Calendar): Quarter {
  const firstMonthOfYear = {
    year: isCalendarYear(cal) ? fiscalYear : fiscalYear - 1,
    month: cal.fiscalYearStartMonth,
    day: 1,
  };
  const first = addMonthsToDate(firstMonthOfYear, (number - 1) * 3);
  const last = addMonthsToDate(first, 2);
  const next = addMonthsToDate(first, 3);
  const id = isCalendarYear(cal) ? `${fiscalYear}-Q${number}` : `FY${fiscalYear}-Q${number}`;
  const sameYear = first.year === last.year;
  const label = sameYear
    ? `${monthName(first.month)}–${monthName(last.month)} ${last.year}`
    : `${monthName(first.month)} ${first.year}–${monthName(last.month)} ${last.year}`;
  const short = (m: number): string => monthName(m).slice(0, 3);
  const shortLabel = sameYear
    ? `${short(first.month)}–${short(last.month)} ${last.year}`
    : `${short(first.month)} ${first.year}–${short(last.month)} ${last.year}`;
  return {
    id,
    slug: id.toLowerCase(),
    startMs: startOfLocalDate(first, cal.timezone),
    endMs: startOfLocalDate(next, cal.timezone),
    label,
    shortLabel,
    fiscalYear,
    number,
  };
}

/** The quarter that contains instant `ms`. */
export function quarterContaining(ms: number, cal: Calendar): Quarter {
  const { year, month } = localParts(ms, cal.timezone);
  const monthsIntoYear = (month - cal.fiscalYearStartMonth + 12) % 12;
  const startsThisYear = month >= cal.fiscalYearStartMonth;
  const fiscalYearStart = startsThisYear ? year : year - 1;
  const fiscalYear = isCalendarYear(cal) ? fiscalYearStart : fiscalYearStart + 1;
  return buildQuarter(fiscalYear, Math.floor(monthsIntoYear / 3) + 1, cal);
}

const CALENDAR_ID = /^(\d{4})-Q([1-4])$/i;
const FISCAL_ID = /^FY(\d{4})-Q([1-4])$/i;

/**
 * The quarter named `id` in any letter case ('2026-Q3', '2026-q3', 'FY2027-Q1'); undefined when
 * it is malformed or written for the other kind of calendar ('FY2026-Q1' under a January fiscal
 * start, '2026-Q1' under an April one), since such an id would name a period the site never shows.
 */
export function parseQuarterId(id: string, cal: Calendar): Quarter | undefined {
  const m = (isCalendarYear(cal) ? CALENDAR_ID : FISCAL_ID).exec(id.trim());
  if (m === null) return undefined;
  return buildQuarter(Number(m[1]), Number(m[2]), cal);
}

/** The quarter after `q`. */
export function nextQuarter(q: Quarter, cal: Calendar): Quarter {
  return q.number === 4
    ? buildQuarter(q.fiscalYear + 1, 1, cal)
    : buildQuarter(q.fiscalYear, q.number + 1, cal);
}

/** The quarter before `q`. */
export function previousQuarter(q: Quarter, cal: Calendar): Quarter {
  return q.number === 1
    ? buildQuarter(q.fiscalYear - 1, 4, cal)
    : buildQuarter(q.fiscalYear, q.number - 1, cal);
}

/** Every quarter that intersects `[fromMs, toMs)`, oldest first; empty when the interval is. */
export function quartersCovering(fromMs: number, toMs: number, cal: Calendar): Quarter[] {
  const quarters: Quarter[] = [];
  if (!(toMs > fromMs)) return quarters;
  for (let q = quarterContaining(fromMs, cal); q.startMs < toMs; q = nextQuarter(q, cal)) quarters.push(q);
  return quarters;
}

/** The length of `q` in milliseconds. */
export function quarterDurationMs(q: Quarter): number {
  return q.endMs - q.startMs;
}
