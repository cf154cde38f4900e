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

export function parseDurationText(text: string): number | undefined {
  const match = /^(\d+)(s|m|h|d|w)$/.exec(text.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = UNIT_MS[match[2] ?? ''];
  return amount > 0 && unit !== undefined ? amount * unit : undefined;
}
