import { describe, expect, it } from 'vitest';
import { nines } from '../../src/domain/nines.ts';

describe('nines (SPEC §6.2: −log10(1 − A))', () => {
  it.each([
    ['99.9% is 3 nines', 0.999, 3],
    ['90% is 1 nine', 0.9, 1],
    // −log10(0.0005) = 3 + log10(2) = 3.30103
    ['99.95% is 3.301 nines', 0.9995, 3.30103],
    ['0% is 0 nines', 0, 0],
  ])('%s', (_name, a, expected) => {
    expect(nines(a)).toBeCloseTo(expected, 5);
  });

  it.each([
    ['100% has no finite number of nines', 1],
    ['no attainment has no nines', null],
  ])('%s', (_name, a) => {
    expect(nines(a)).toBeNull();
  });

  it('0% is 0, not −0', () => {
    expect(Object.is(nines(0), 0)).toBe(true);
  });
});
