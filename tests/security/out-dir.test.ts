/**
 * The --out rule and the lock (src/cli/out-dir.ts), as a table: the folders a build may replace
 * and the ones it must refuse. The CLI cases in bad-inputs.test.ts show the messages end to end.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockOutDir, MARKER, refuseOutDir, type OutDirContext } from '../../src/cli/out-dir.ts';
import { TOOL_ROOT } from '../../src/cli/build.ts';

let root: string;
let ctx: OutDirContext;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ledger-out-'));
  await mkdir(join(root, 'ledger/data'), { recursive: true });
  await mkdir(join(root, 'ledger/content'), { recursive: true });
  await mkdir(join(root, 'home'));
  await mkdir(join(root, 'built'));
  await writeFile(join(root, 'built', MARKER), 'x');
  await mkdir(join(root, 'old-site/_astro'), { recursive: true });
  await writeFile(join(root, 'old-site/index.html'), '<!doctype html>');
  await mkdir(join(root, 'thesis'));
  await writeFile(join(root, 'thesis/chapter1.tex'), 'years of work');
  await symlink(join(root, 'ledger/data'), join(root, 'link-to-data'));
  ctx = {
    dataDir: join(root, 'ledger/data'),
    contentDir: join(root, 'ledger/content'),
    toolRoot: TOOL_ROOT,
    cwd: join(root, 'ledger'),
    home: join(root, 'home'),
  };
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('the folders a build may replace', () => {
  it.each([
    ['a new folder', 'new-site'],
    ['an empty folder', 'home/empty-to-be'],
    ['a folder an earlier build wrote (it holds the marker)', 'built'],
    ['a site built before the marker existed (index.html and _astro/)', 'old-site'],
  ])('%s', async (_, rel) => {
    expect(refuseOutDir(join(root, rel), ctx)).toBeNull();
  });
});

describe('the folders a build refuses', () => {
  it.each([
    ['the file system root', () => '/', /root of the file system/],
    ['the home folder', () => join(root, 'home'), /home folder/],
    ['the data folder', () => join(root, 'ledger/data'), /it is the data folder/],
    ['the data folder through a symbolic link', () => join(root, 'link-to-data'), /it is the data folder/],
    ['a parent of the inputs', () => join(root, 'ledger'), /it holds the data folder/],
    [
      'a folder inside the content folder',
      () => join(root, 'ledger/content/site'),
      /inside the content folder/,
    ],
    ['the tool', () => TOOL_ROOT, /tool's own folder|repository/],
    ['a parent of the tool', () => join(TOOL_ROOT, '..'), /holds/],
    ["the tool's src/", () => join(TOOL_ROOT, 'src/site'), /src\/ folder/],
    [
      'a folder with files no build wrote',
      () => join(root, 'thesis'),
      /no build of this tool wrote \(chapter1\.tex\)/,
    ],
  ])('%s', (_, dir, reason) => {
    expect(refuseOutDir(dir(), ctx)).toMatch(reason);
  });
});

describe('the lock beside the output folder', () => {
  it('is taken once, refused to a second build while held, and free again once released', async () => {
    const out = join(root, 'locked-site');
    const first = lockOutDir(out);
    expect('lock' in first).toBe(true);
    // The same process stands in for "another build": its pid is alive.
    await writeFile(join(root, '.locked-site.build-lock'), `${process.ppid}\n`);
    const second = lockOutDir(out);
    expect(second).toMatchObject({ holder: `process ${process.ppid}` });
    if ('lock' in first) first.lock.release();
    const third = lockOutDir(out);
    expect('lock' in third).toBe(true);
    if ('lock' in third) third.lock.release();
  });

  it('takes over a stale lock whose process is gone', async () => {
    const out = join(root, 'stale-site');
    await writeFile(join(root, '.stale-site.build-lock'), '2147483646\n');
    const taken = lockOutDir(out);
    expect('lock' in taken).toBe(true);
    if ('lock' in taken) taken.lock.release();
  });
});
