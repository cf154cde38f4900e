/**
 * "Nines" of an attainment, −log10(1 − A) (SPEC §6.2): 99.9% is 3 nines, 99.95% is 3.3.
 */

/**
 * The number of nines of attainment `a` in [0, 1]. A perfect attainment has infinitely many
 * nines; Infinity is not a value the report may carry (SPEC §11), so it is null, as is an absent
 * attainment.
 */
export function nines(attainment: number | null): number | null {
  if (attainment === null || !(attainment < 1) || !(attainment >= 0)) return null;
  // 0 − x rather than −x, so that an attainment of 0 gives 0 and not −0.
  return 0 - Math.log10(1 - attainment);
}
