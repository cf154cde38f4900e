/**
 * Objectives and thresholds are decimals people wrote ('99.9%', 0.25), but a double cannot hold
 * 0.999 exactly: 1 − 0.999 is 0.0010000000000000009, so a budget of exactly one event computes as
 * 1.0000000000000009 and "exactly spent" would read as "not quite spent". Recovering the decimal
 * the user wrote lets the boundaries of SPEC §6.2 (R ≤ 0, R ≤ atRisk, A ≥ O) be decided exactly.
 */

/** `numerator / denominator`, with the denominator a power of ten. */
export interface DecimalFraction {
  numerator: bigint;
  denominator: bigint;
}

const MAX_DECIMALS = 15;
// A value parsed as `99.9 / 100` lands one ulp away from 0.999; a few ulps of slack absorb that.
const ULPS = 4;

/** The shortest decimal within a few ulps of `x` (0.9990000000000001 → 999/1000). */
export function decimalFromNumber(x: number): DecimalFraction {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const tolerance = ULPS * Number.EPSILON * Math.max(1, Math.abs(x));
  for (let k = 0; k <= MAX_DECIMALS; k++) {
    const scale = 10 ** k;
    const n = Math.round(x * scale);
    if (Math.abs(n / scale - x) <= tolerance) return { numerator: BigInt(n), denominator: BigInt(scale) };
  }
  return { numerator: BigInt(Math.round(x * 10 ** MAX_DECIMALS)), denominator: BigInt(10 ** MAX_DECIMALS) };
}

/** `1 − f`, exactly. */
export function complement(f: DecimalFraction): DecimalFraction {
  return { numerator: f.denominator - f.numerator, denominator: f.denominator };
}

function isExactInteger(values: readonly number[]): boolean {
  return values.every((v) => Number.isInteger(v));
}

/**
 * The sign of `a·x − b·y` for counts `a`, `b` (exact when they are whole numbers, as event counts
 * and milliseconds are) and decimals `x`, `y`.
 */
export function compareScaled(a: number, x: DecimalFraction, b: number, y: DecimalFraction): -1 | 0 | 1 {
  if (isExactInteger([a, b])) {
    const left = BigInt(a) * x.numerator * y.denominator;
    const right = BigInt(b) * y.numerator * x.denominator;
    return left === right ? 0 : left > right ? 1 : -1;
  }
  const left = (a * Number(x.numerator)) / Number(x.denominator);
  const right = (b * Number(y.numerator)) / Number(y.denominator);
  return left === right ? 0 : left > right ? 1 : -1;
}

/** The product of two decimals, exactly. */
export function multiplyDecimals(x: DecimalFraction, y: DecimalFraction): DecimalFraction {
  return { numerator: x.numerator * y.numerator, denominator: x.denominator * y.denominator };
}

/** The decimal 1. */
export const ONE: DecimalFraction = { numerator: 1n, denominator: 1n };

/**
 * `a · x` as a double: `a · numerator / denominator`, so that whole results (3,663,253 × 3/100
 * = 109,897.59) come out as the nearest double rather than carrying the error of `1 − 0.97`.
 */
export function scaleByDecimal(a: number, x: DecimalFraction): number {
  const product = a * Number(x.numerator);
  if (Number.isSafeInteger(product)) return product / Number(x.denominator);
  return a * (Number(x.numerator) / Number(x.denominator));
}

/**
 * `a / (b · x)` as a double, computed as `a·denominator / (b·numerator)` so that exact ratios
 * (1 bad event of a 1-event budget) come out exact; null when the divisor is zero.
 */
export function divideByScaled(a: number, b: number, x: DecimalFraction): number | null {
  if (b === 0 || x.numerator === 0n) return null;
  const top = a * Number(x.denominator);
  const bottom = b * Number(x.numerator);
  if (Number.isSafeInteger(top) && Number.isSafeInteger(bottom)) return top / bottom;
  return a / b / (Number(x.numerator) / Number(x.denominator));
}
