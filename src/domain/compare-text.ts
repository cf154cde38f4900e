/**
 * Text order by UTF-16 code units, the same on every machine. `localeCompare` without a locale
 * follows the build machine's language (in Danish "aa" sorts after "z"), and an order that
 * reaches dist/ or a snapshot must not depend on where the build ran (SPEC §13).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
