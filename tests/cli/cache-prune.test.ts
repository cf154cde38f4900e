/**
 * The caches forget what no build has used for two weeks (src/cli/cache-prune.ts): an entry that
 * is read is touched, so that pruning keeps it however old it is.
 */
import { mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_KEEP_DAYS, pruneCache } from '../../src/cli/cache-prune.ts';
import { loadAggregate, storeAggregate } from '../../src/ingest/sli/aggregate-cache.ts';

const DAY = 86_400_000;
const root = await mkdtemp(join(tmpdir(), 'cache-prune-'));
afterAll(() => rm(root, { recursive: true, force: true }));

/** Sets a file's last use to `days` days before now. */
async function age(file: string, days: number): Promise<void> {
  const t = new Date(Date.now() - days * DAY);
  await utimes(file, t, t);
}

describe('pruneCache', () => {
  it('removes the entries unused for more than 14 days and keeps the others', async () => {
    const dir = join(root, 'plain');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    for (const [name, days] of [
      ['old.svg', CACHE_KEEP_DAYS + 1],
      ['recent.svg', CACHE_KEEP_DAYS - 1],
      ['new.svg', 0],
    ] as const) {
      await writeFile(join(dir, name), 'x');
      await age(join(dir, name), days);
    }
    expect(await pruneCache(dir, Date.now())).toBe(1);
    expect((await readdir(dir)).sort()).toEqual(['new.svg', 'recent.svg']);
  });

  it('keeps an old aggregate that a read has just used', async () => {
    const dir = join(root, 'sli');
    await storeAggregate(dir, 'k', { records: 0, diagnostics: [], consumers: [] });
    const file = join(dir, 'k.bin');
    await age(file, 30);
    expect(await loadAggregate(dir, 'k')).not.toBeNull();
    expect((await stat(file)).mtimeMs).toBeGreaterThan(Date.now() - DAY);
    expect(await pruneCache(dir, Date.now())).toBe(0);
  });

  it('says nothing of a folder that does not exist', async () => {
    expect(await pruneCache(join(root, 'none'), Date.now())).toBe(0);
  });
});
