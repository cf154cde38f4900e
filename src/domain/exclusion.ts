/**
 * Exclusion windows (SPEC §6.6): rows whose timestamp falls inside `[startMs, endMs)` are left out
 * of every figure, as if never exported — so they also count as missing for coverage.
 */
import type { Bucket } from './bucket.ts';

export interface ExclusionWindow {
  startMs: number;
  endMs: number;
}

/** True when `ms` lies inside any window. */
export function isExcluded(ms: number, windows: readonly ExclusionWindow[]): boolean {
  return windows.some((w) => ms >= w.startMs && ms < w.endMs);
}

/** The buckets that no window excludes. */
export function dropExcluded(buckets: readonly Bucket[], windows: readonly ExclusionWindow[]): Bucket[] {
  if (windows.length === 0) return [...buckets];
  return buckets.filter((b) => !isExcluded(b.startMs, windows));
}
