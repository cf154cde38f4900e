/**
 * The caches keep what recent builds used and forget the rest. Every cache entry is touched when
 * it is used (its modification time set to now), and a build ends by removing the entries of
 * each cache folder that no build has used for CACHE_KEEP_DAYS days: an appended day makes a new
 * aggregate of its file and new results for the quarter in progress every day, and without this
 * the folders would grow by that much each day.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const CACHE_KEEP_DAYS = 14;
const DAY_MS = 86_400_000;

/** Removes the files directly in `dir` last used before `nowMs − keepDays`; returns how many. */
export async function pruneCache(dir: string, nowMs: number, keepDays = CACHE_KEEP_DAYS): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const file = join(dir, name);
    try {
      const info = await stat(file);
      if (info.isFile() && info.mtimeMs < nowMs - keepDays * DAY_MS) {
        await rm(file, { force: true });
        removed++;
      }
    } catch {
      // Gone already, or not ours to remove: the cache only saves time.
    }
  }
  return removed;
}
