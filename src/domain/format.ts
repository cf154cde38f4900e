/**
 * How numbers are written (SPEC §9.2). The only module that rounds, and it never flatters: what
 * is good for the reader (attainment, budget left, time left) is truncated, what is bad (budget
 * spent, error rates, change fail rate) is rounded up, so 99.89…% against a 99.9% objective cannot
 * print as 99.90%, a budget 25.8% spent prints "26% spent" beside "74% left", and the two add up
 * to 100%. The status always comes from exact values.
 */
import type { Calendar } from './calendar.ts';
import { decimalFromNumber } from './decimal.ts';
import { DEFAULT_UNIT, type EventUnit } from './slo.ts';
import { localParts, zoneAbbreviation } from './zoned-time.ts';

const MINUS = '−'; // U+2212, the typographic minus sign
const ULPS = 4;

/**
 * `x` scaled to whole units of `decimals` places, settled by `round`. A product such as 0.29 × 100
 * = 28.999999999999996 is within a few ulps of a whole number and is read as that number, since
 * truncating float noise would print 28 for 29%.
 */
function scaledUnits(x: number, decimals: number, round: (scaled: number) => number): number {
  const scaled = x * 10 ** decimals;
  const nearest = Math.round(scaled);
  return Math.abs(scaled - nearest) <= ULPS * Number.EPSILON * Math.max(1, Math.abs(scaled))
    ? nearest
    : round(scaled);
}

/** `x` truncated toward zero to `decimals` places, as a string (float noise as `scaledUnits`). */
export function truncateToDecimals(x: number, decimals: number): string {
  return fixedFromUnits(scaledUnits(x, decimals, Math.trunc), decimals);
}

/**
 * `x` rounded up (toward +∞) to `decimals` places, as a string, with the same float-noise rule as
 * truncation: 0.07 × 100 = 7.000000000000001 is 7%, not 8%.
 */
export function ceilToDecimals(x: number, decimals: number): string {
  const units = scaledUnits(x, decimals, Math.ceil);
  return fixedFromUnits(units === 0 ? 0 : units, decimals);
}

/**
 * A measured value of a threshold SLI (a p99 latency, a throughput), rounded toward worse: up
 * when higher is worse, down when lower is, so 480.2 ms prints as 481 ms and never as 480 (issue 12
 * item 15). Three significant figures down to two decimals: 1234.5 → '1235', 21.23 → '21.3',
 * 0.2071 → '0.21'.
 */
export function formatMeasured(x: number, worstIs: 'highest' | 'lowest'): string {
  const size = Math.abs(x);
  const decimals = size >= 100 ? 0 : size >= 10 ? 1 : 2;
  if (worstIs === 'highest') return ceilToDecimals(x, decimals);
  const scaled = x * 10 ** decimals;
  const nearest = Math.round(scaled);
  const units =
    Math.abs(scaled - nearest) <= ULPS * Number.EPSILON * Math.max(1, Math.abs(scaled))
      ? nearest
      : Math.floor(scaled);
  return fixedFromUnits(units === 0 ? 0 : units, decimals);
}

/** `x` rounded half away from zero to `decimals` places, as a string. */
function roundToDecimals(x: number, decimals: number): string {
  const units = scaledUnits(x, decimals, (scaled) => Math.sign(scaled) * Math.round(Math.abs(scaled)));
  return fixedFromUnits(units, decimals);
}

function fixedFromUnits(units: number, decimals: number): string {
  const negative = units < 0;
  const digits = String(Math.abs(units)).padStart(decimals + 1, '0');
  const whole = decimals === 0 ? digits : digits.slice(0, -decimals);
  const fraction = decimals === 0 ? '' : `.${digits.slice(-decimals)}`;
  return `${negative ? MINUS : ''}${whole}${fraction}`;
}

/** The number of decimals of an objective written as a percentage: 0.99 → 0, 0.999 → 1, 0.9995 → 2. */
export function objectiveDecimals(objective: number): number {
  const exponent = String(decimalFromNumber(objective).denominator).length - 1;
  return Math.max(0, exponent - 2);
}

/** The objective as a percentage, with exactly the decimals it was written with: '99.9%'. */
export function formatObjective(objective: number): string {
  return `${roundToDecimals(objective * 100, objectiveDecimals(objective))}%`;
}

/**
 * Attainment with one decimal more than its objective, truncated (SPEC §9.2): 0.998996 against
 * 99.9% is '99.89%'. Null is 'insufficient data' (SPEC §6.5), never 100%.
 */
export function formatAttainment(attainment: number | null, objective: number): string {
  if (attainment === null) return 'insufficient data';
  return `${truncateToDecimals(attainment * 100, objectiveDecimals(objective) + 1)}%`;
}

/** A fraction as a percentage, truncated toward zero: 0.5399 → '53%'. For what is good to have. */
export function formatPercent(fraction: number, decimals = 0): string {
  return `${truncateToDecimals(fraction * 100, decimals)}%`;
}

/**
 * A fraction as a percentage, rounded up: 0.258 → '26%', 3 failures in 30,074 → '0.01%' at two
 * decimals, never '0.00%'. For what is bad to have: budget spent, error rates, change fail rate,
 * rework rate (SPEC §9.2).
 */
export function formatPercentUp(fraction: number, decimals = 0): string {
  return `${ceilToDecimals(fraction * 100, decimals)}%`;
}

/**
 * Budget spent, rounded up, with one wording for an overspent budget (SPEC §9.2): 0.258 →
 * '26% spent', 3.512 → '352% spent (252% over budget)'. The excess is the printed share less 100,
 * so the two figures agree.
 */
export function formatSpent(consumed: number): string {
  const spent = ceilToDecimals(consumed * 100, 0);
  if (Number(spent) <= 100) return `${spent}% spent`;
  return `${spent}% spent (${Number(spent) - 100}% over budget)`;
}

/** Budget left, truncated, never below 0%: 0.742 → '74% left', so that it adds to the spent share. */
export function formatLeft(remaining: number): string {
  return `${truncateToDecimals(Math.max(0, remaining) * 100, 0)}% left`;
}

/** '1 request', '3,663 requests': the count rounded as formatCount does, the noun agreeing with it. */
export function formatEvents(n: number, unit: EventUnit = DEFAULT_UNIT, decimals = 0): string {
  const text = formatCount(n, decimals);
  return `${text} ${text === '1' ? unit.singular : unit.plural}`;
}

const countFormatters = new Map<number, Intl.NumberFormat>();

/**
 * A count with en-US thousands separators, rounded to `decimals`: 3663253 → '3,663,253'. Counts are
 * rounded, not truncated: a share of an event budget such as 0.3287 × 3,663 = 1,203.99… is 1,204.
 */
export function formatCount(n: number, decimals = 0): string {
  let f = countFormatters.get(decimals);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    countFormatters.set(decimals, f);
  }
  return f.format(n).replace('-', MINUS);
}

const UNITS = [
  { ms: 86_400_000, name: 'd' },
  { ms: 3_600_000, name: 'h' },
  { ms: 60_000, name: 'min' },
  { ms: 1_000, name: 's' },
] as const;

/**
 * `ms` (≥ 0) in its two largest units, zero parts left out; `round` settles the smaller unit (and
 * the seconds of a duration under one second).
 */
function inTwoUnits(ms: number, round: (x: number) => number): string {
  const largest = UNITS.findIndex((u) => ms >= u.ms);
  const big = UNITS[largest];
  const small = UNITS[Math.min(largest + 1, UNITS.length - 1)];
  if (big === undefined || small === undefined) return `${round(ms / 1000)} s`;
  const bigCount = Math.floor(ms / big.ms);
  const smallCount = big === small ? 0 : round((ms - bigCount * big.ms) / small.ms);
  return smallCount === 0 ? `${bigCount} ${big.name}` : `${bigCount} ${big.name} ${smallCount} ${small.name}`;
}

/**
 * A duration in its two largest units, the smaller rounded, zero parts left out (SPEC §9.2):
 * '2 d 4 h', '2 h 11 min', '4 min 5 s', '47 s', '2 h'. Negative durations take a minus sign.
 */
export function formatDuration(ms: number): string {
  if (ms < 0) return `${MINUS}${formatDuration(-ms)}`;
  const largest = UNITS.findIndex((u) => ms >= u.ms);
  if (largest === -1) return inTwoUnits(ms, Math.round);
  const small = UNITS[Math.min(largest + 1, UNITS.length - 1)] ?? UNITS[3];
  const rounded = Math.round(ms / small.ms) * small.ms;
  // Rounding can carry into a larger unit (23 h 59 min 50 s is 1 d); format the carried value.
  const bigger = UNITS[largest - 1];
  if (bigger !== undefined && rounded >= bigger.ms) return formatDuration(rounded);
  return inTwoUnits(rounded, Math.round);
}

/** `ms` without float noise: 2 h computed as 7199999.999… ms is 2 h. */
function wholeMs(ms: number): number {
  return Math.abs(ms - Math.round(ms)) < 1e-6 ? Math.round(ms) : ms;
}

/**
 * A duration truncated to its two largest units, for time and budget left (SPEC §9.2: never
 * overstate what is left): 8 h 47.7 min → '8 h 47 min', 46 days → '46 d'.
 */
export function formatDurationDown(ms: number): string {
  if (ms < 0) return `${MINUS}${formatDuration(-ms)}`;
  return inTwoUnits(wholeMs(ms), Math.floor);
}

/** A duration rounded up to its two largest units, for budget spent: 16.2 min → '17 min'. */
export function formatDurationUp(ms: number): string {
  if (ms < 0) return `${MINUS}${formatDurationDown(-ms)}`;
  const whole = wholeMs(ms);
  const largest = UNITS.findIndex((u) => whole >= u.ms);
  const small =
    UNITS[largest === -1 ? UNITS.length - 1 : Math.min(largest + 1, UNITS.length - 1)] ?? UNITS[3];
  const up = Math.ceil(whole / small.ms - 1e-9) * small.ms;
  return formatDurationDown(up);
}

/**
 * Time left in a quarter, rounded down (SPEC §9.2): 46 days → '6 weeks', 13 days → '13 days',
 * 1.5 days → '1 day'.
 */
export function formatTimeLeft(ms: number): string {
  const DAY_MS = 86_400_000;
  const weeks = Math.floor(ms / (7 * DAY_MS));
  if (weeks >= 2) return `${weeks} weeks`;
  const days = Math.max(0, Math.floor(ms / DAY_MS));
  return `${days} day${days === 1 ? '' : 's'}`;
}

/**
 * The duration formatDuration prints, in ms: 38 min 20 s prints '38 min 20 s', 2 h 10 min 40 s
 * prints '2 h 11 min' (7,860,000 ms). A change of durations is the difference of these, so that it
 * agrees with the two figures beside it.
 */
export function durationAsPrinted(ms: number): number {
  if (ms < 0) return -durationAsPrinted(-ms);
  const largest = UNITS.findIndex((u) => ms >= u.ms);
  const small =
    UNITS[largest === -1 ? UNITS.length - 1 : Math.min(largest + 1, UNITS.length - 1)] ?? UNITS[3];
  return Math.round(ms / small.ms) * small.ms;
}

/** A duration given in minutes, as formatDuration writes it. */
export function formatMinutes(minutes: number): string {
  return formatDuration(minutes * 60_000);
}

export type BudgetAmount = { minutes: number } | { events: number; unit?: EventUnit };

/** A count truncated or rounded up to a whole number, with the float-noise rule of percentages. */
function wholeCount(n: number, direction: 'down' | 'up'): number {
  const text = direction === 'down' ? truncateToDecimals(n, 0) : ceilToDecimals(n, 0);
  return Number(text.replace(MINUS, '-'));
}

/**
 * Budget remaining with the amounts behind it (SPEC §9.2): '53% left (1 h 10 min of 2 h 12 min)',
 * '33% left (1,204 of 3,663 failed requests allowed)', and overspent '352% spent (252% over
 * budget: 2,209 of 626 allowed failed minutes)'. What is left and what is allowed are truncated,
 * what is spent is rounded up (91.92 of 215.92 is '91 of 215'). Exactly spent is '0% left'.
 */
export function formatBudgetRemaining(remaining: number, budget: BudgetAmount): string {
  const inTime = 'minutes' in budget;
  const total = inTime ? budget.minutes : budget.events;
  const unit = inTime ? DEFAULT_UNIT : (budget.unit ?? DEFAULT_UNIT);
  const down = (n: number): string =>
    inTime ? formatDurationDown(n * 60_000) : formatCount(wholeCount(n, 'down'));
  const up = (n: number): string =>
    inTime ? formatDurationUp(n * 60_000) : formatCount(wholeCount(n, 'up'));
  if (remaining < 0) {
    const spent = ceilToDecimals((1 - remaining) * 100, 0);
    const noun = inTime ? 'allowed' : `allowed failed ${unit.plural}`;
    const amounts = `${up((1 - remaining) * total)} of ${down(total)} ${noun}`;
    return `${spent}% spent (${Number(spent) - 100}% over budget: ${amounts})`;
  }
  const suffix = inTime
    ? ''
    : ` failed ${wholeCount(total, 'down') === 1 ? unit.singular : unit.plural} allowed`;
  return `${formatLeft(remaining)} (${down(remaining * total)} of ${down(total)}${suffix})`;
}

/**
 * A change in percentage points between two fractions (SPEC §9.2): 0.0002 → '+0.02 pp';
 * 'no change' when it rounds to zero at the shown precision.
 */
export function formatChangePp(deltaFraction: number, decimals = 2): string {
  return signed(roundToDecimals(deltaFraction * 100, decimals), ' pp');
}

/** A relative change of a count: 0.12 → '+12%'; 'no change' when it rounds to zero. */
export function formatChangePercent(relativeChange: number, decimals = 0): string {
  return signed(roundToDecimals(relativeChange * 100, decimals), '%');
}

/** An absolute change of a duration: −840000 → '−14 min'; 'no change' under half a second. */
export function formatChangeDuration(deltaMs: number): string {
  if (Math.round(Math.abs(deltaMs) / 1000) === 0) return 'no change';
  return deltaMs < 0 ? formatDuration(deltaMs) : `+${formatDuration(deltaMs)}`;
}

function signed(text: string, unit: string): string {
  if (/^[−]?0(\.0*)?$/.test(text)) return 'no change';
  return text.startsWith(MINUS) ? `${text}${unit}` : `+${text}${unit}`;
}

/** Nines to one decimal, truncated like attainment (SPEC §9.2): 3.301 → '3.3 nines'. */
export function formatNines(nines: number): string {
  return `${truncateToDecimals(nines, 1)} nines`;
}

const MONTHS_SHORT = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** '14 Aug 2026' in the site zone. */
export function formatDate(ms: number, cal: Calendar): string {
  const p = localParts(ms, cal.timezone);
  return `${p.day} ${MONTHS_SHORT[p.month - 1] ?? ''} ${p.year}`;
}

/** '10:02 BST' in the site zone, with its abbreviation. */
export function formatTime(ms: number, cal: Calendar): string {
  const p = localParts(ms, cal.timezone);
  return `${pad2(p.hour)}:${pad2(p.minute)} ${zoneAbbreviation(ms, cal.timezone)}`;
}

/** '14 Aug 2026 10:02 BST' in the site zone, with its abbreviation (SPEC §9.2). */
export function formatDateTime(ms: number, cal: Calendar): string {
  return `${formatDate(ms, cal)} ${formatTime(ms, cal)}`;
}
