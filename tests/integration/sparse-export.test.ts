/**
 * A ledger as a new user starts one: a sparse export (Upptime-style, only the days with
 * downtime) and no content/ folder at all. The build warns about the gaps, says "Incomplete"
 * beside the figures, and prints no warning about the folders a user need not have.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess, type CliRun } from '../support/run-cli.ts';

const LEDGER = 'tests/fixtures/ledgers/sparse-export';
let root = '';
let run: CliRun;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ledger-sparse-'));
  run = await runCliProcess([
    'build',
    '--data',
    `${LEDGER}/data`,
    // No content/ folder: no postmortems and no review narratives yet.
    '--content',
    `${LEDGER}/content`,
    '--out',
    join(root, 'dist'),
    '--cache-dir',
    join(root, 'cache'),
  ]);
}, 600_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a sparse export in a ledger without content/', () => {
  it('builds, warning about the gaps and about nothing else', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('warning: SLO website-uptime: the rows cover 1.9% of its quarters so far');
    // Astro's "[glob-loader] The base directory … does not exist", "No files found" and "The
    // collection … is empty" were printed for content/reviews and content/postmortems.
    expect(run.stderr).not.toContain('[WARN]');
    expect(run.stdout).not.toContain('[WARN]');
  });

  it('says "Incomplete" beside the figures of a quarter with 2 days of data', async () => {
    // 2025-Q3 has rows on 14 and 15 September only: 2 of 92 days, 2.17%, truncated to one decimal.
    const review = await readFile(join(root, 'dist/reviews/2025-q3/index.html'), 'utf8');
    expect(review).toMatch(/<strong>Incomplete:<\/strong> data for only 2\.1% of the quarter/);
    // The status board of the quarter in progress (2025-Q4: 20 November and 30 December, as of
    // 31 December 00:00): 2 of 91 elapsed days, 2.19%, truncated to one decimal.
    const board = await readFile(join(root, 'dist/index.html'), 'utf8');
    expect(board).toMatch(/<strong>Incomplete:<\/strong> data for only 2\.1% of the quarter so far/);
  });
});
