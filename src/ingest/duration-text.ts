/**
 * Durations as people write them in YAML: `30s`, `1m`, `5m`, `1h`, `1d`, `1w`. Lower-case `m` is
 * minutes, as in OpenSLO; months are not a valid slice or step length.
 */
const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/**
 * No step or slice is longer than a quarter (92 days): a longer one, e.g. `99999999w`, is a typo
 * and would put times past any calendar (RangeError: Invalid time value).
 */
export const MAX_DURATION_MS = 92 * 86_400_000;

export function parseDurationText(text: string): number | undefined {
  const match = /^(\d{1,12})(s|m|h|d|w)$/.exec(text.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = UNIT_MS[match[2] ?? ''];
  if (unit === undefined || amount <= 0 || amount * unit > MAX_DURATION_MS) return undefined;
  return amount * unit;
}
