import { describe, expect, it } from 'vitest';
import {
  compareScaled,
  decimalFromNumber,
  divideByScaled,
  ONE,
  scaleByDecimal,
} from '../../src/domain/decimal.ts';

describe('decimalFromNumber', () => {
  it.each([
    ['0.999 is 999/1000', 0.999, 999n, 1000n],
    ['99.9 / 100 (= 0.9990000000000001) is still 999/1000', 99.9 / 100, 999n, 1000n],
    ['0.25 is 25/100', 0.25, 25n, 100n],
    ['1 is 1/1', 1, 1n, 1n],
    ['0.9995 is 9995/10000', 0.9995, 9995n, 10_000n],
  ])('%s', (_name, x, numerator, denominator) => {
    expect(decimalFromNumber(x)).toEqual({ numerator, denominator });
  });

  it('NaN and Infinity are refused', () => {
    expect(() => decimalFromNumber(Number.NaN)).toThrow(RangeError);
    expect(() => decimalFromNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('exact arithmetic on counts and decimals', () => {
  const thousandth = decimalFromNumber(0.001);
  it.each([
    // 1 × 1 vs 1,000 × 0.001 = 1: equal
    ['1 bad of a 1-event budget is equal, not less', 1, 1000, 0],
    ['0 bad is less', 0, 1000, -1],
    ['2 bad is more', 2, 1000, 1],
  ])('%s', (_name, a, b, expected) => {
    expect(compareScaled(a, ONE, b, thousandth)).toBe(expected);
  });

  it('3,663,253 × 3/100 is the nearest double to 109,897.59', () => {
    expect(scaleByDecimal(3_663_253, decimalFromNumber(0.03))).toBe(109_897.59);
  });

  it('1 / (1,000 × 0.001) is exactly 1, and division by zero events is null', () => {
    expect(divideByScaled(1, 1000, thousandth)).toBe(1);
    expect(divideByScaled(1, 0, thousandth)).toBeNull();
  });
});
