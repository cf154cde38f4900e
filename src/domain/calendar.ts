/**
 * The site's calendar (SPEC §3, §6.1): the IANA zone in which quarters begin and times are shown,
 * and the month in which the fiscal year begins.
 */
export interface Calendar {
  /** IANA time zone, e.g. 'Europe/London'. */
  timezone: string;
  /** 1–12: the month in which Q1 begins. */
  fiscalYearStartMonth: number;
}
