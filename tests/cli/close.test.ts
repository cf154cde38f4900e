/**
 * `npm run close` and the restatement check of `npm run build`, with the real CLI in a child
 * process on copies of the fixture ledgers. The restatement check runs before Astro, so a build
 * that stops there takes a second.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliProcess } from '../support/run-cli.ts';

const SMALL = new URL('../fixtures/ledgers/small/', import.meta.url);
const CLOSED = new URL('../fixtures/ledgers/closed/', import.meta.url);
const SLO_LIFE = new URL('../fixtures/ledgers/slo-life/', import.meta.url);

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((t) => rm(t, { recursive: true, force: true })));
});

/** A copy of a fixture ledger; commands run in it, so paths print as data/… like in a user's repo. */
async function copyLedger(fixture: URL): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ledger-close-'));
  temps.push(dir);
  await cp(new URL('data', fixture), join(dir, 'data'), { recursive: true });
  await cp(new URL('content', fixture), join(dir, 'content'), { recursive: true });
  return dir;
}

function cli(dir: string, args: string[]) {
  const paths = ['--data', join(dir, 'data'), '--content', join(dir, 'content')];
  return runCliProcess([...args, ...paths], { cwd: dir, env: { LEDGER_CACHE_DIR: 'off' } });
}

/** Run from the ledger's folder, so that messages show data/… as a user would see them. */
function cliInLedger(dir: string, args: string[]) {
  return runCliProcess(args, { cwd: dir, env: { LEDGER_CACHE_DIR: 'off' } });
}

async function editShopRow(dir: string, from: string, to: string): Promise<void> {
  const file = join(dir, 'data/sli/shop.csv');
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`fixture row ${from} not found`);
  await writeFile(file, text.replace(from, to));
}

interface SnapshotFile {
  quarter: string;
  revisions: {
    revision: number;
    note: string;
    toolVersion: string;
    asOf: string;
    inputs: Record<string, string>;
    report: {
      quarter: string;
      revision: number;
      slos: { id: string; good: number }[];
      incidents: { id: string }[];
    };
  }[];
}

const readSnapshot = async (dir: string) =>
  JSON.parse(await readFile(join(dir, 'data/snapshots/2026-q2.json'), 'utf8')) as SnapshotFile;

describe('npm run close', () => {
  it('writes the review JSON, a sha256 per contributing input, the tool version, revision 1 and the note', async () => {
    const dir = await copyLedger(SMALL);
    const run = await cliInLedger(dir, ['close', '2026-Q2', '--note', 'Reviewed with the product leads']);
    expect(run.stderr).toMatchInlineSnapshot(`
      "close: 2026-Q2 (April–June 2026) published as revision 1 in data/snapshots/2026-q2.json, from 7 input files (data as of 2026-07-15T00:00:00.000Z)
      "
    `);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('data/snapshots/2026-q2.json');
    const s = await readSnapshot(dir);
    expect(s.quarter).toBe('2026-Q2');
    expect(s.revisions).toHaveLength(1);
    const r = s.revisions[0];
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect([r?.revision, r?.note, r?.toolVersion, r?.asOf, r?.report.revision]).toEqual([
      1,
      'Reviewed with the product leads',
      pkg.version,
      '2026-07-15T00:00:00.000Z',
      1,
    ]);
    // Both postmortems touch the quarter (one is internal: snapshots hold every audience's view).
    expect(Object.keys(r?.inputs ?? {})).toEqual([
      'content/postmortems/2026-05-10-shop-outage.md',
      'content/postmortems/2026-06-02-checkout-vendor.md',
      'data/ledger.yaml',
      'data/sli/checkout.csv',
      'data/sli/shop.csv',
      'data/slos/shop.yaml',
      'data/slos/status-page.yaml',
    ]);
    const shopCsv = await readFile(join(dir, 'data/sli/shop.csv'));
    expect(r?.inputs['data/sli/shop.csv']).toBe(createHash('sha256').update(shopCsv).digest('hex'));
    expect(r?.report.slos.find((x) => x.id === 'shop-availability')?.good).toBe(90_900);
    expect(r?.report.incidents.map((i) => i.id)).toEqual([
      '2026-05-10-shop-outage',
      '2026-06-02-checkout-vendor',
    ]);
  });

  it('writes the same bytes when the same inputs are closed twice: no wall clock in a snapshot', async () => {
    const a = await copyLedger(SMALL);
    const b = await copyLedger(SMALL);
    expect((await cli(a, ['close', '2026-Q2'])).code).toBe(0);
    expect(
      (
        await runCliProcess(
          ['close', '2026-Q2', '--data', join(b, 'data'), '--content', join(b, 'content')],
          { env: { LEDGER_NOW: '2030-01-01T00:00:00Z' } },
        )
      ).code,
    ).toBe(0);
    expect(await readFile(join(a, 'data/snapshots/2026-q2.json'), 'utf8')).toBe(
      await readFile(join(b, 'data/snapshots/2026-q2.json'), 'utf8'),
    );
  });

  it('refuses a quarter in progress (exit 2) and writes nothing', async () => {
    const dir = await copyLedger(SMALL);
    const run = await cliInLedger(dir, ['close', '2026-Q3', '--note', 'too early']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatchInlineSnapshot(`
      "close: 2026-Q3 is still in progress: the data ends 2026-07-15T00:00:00.000Z, before the quarter ends 2026-10-01T00:00:00.000Z.
      A quarter can be closed once its SLI exports cover it to the end.
      "
    `);
    await expect(readFile(join(dir, 'data/snapshots/2026-q3.json'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a quarter in which no SLO has data (exit 1), saying so, and writes nothing', async () => {
    // tests/fixtures/ledgers/slo-life: 2025-Q4 holds only an incident, before any SLO starts;
    // 2026-Q1 has neither and is no quarter of the ledger at all.
    const dir = await copyLedger(SLO_LIFE);
    const incidentOnly = await cliInLedger(dir, ['close', '2025-Q4', '--note', 'nothing to judge']);
    expect(incidentOnly.code).toBe(1);
    expect(incidentOnly.stderr).toContain('no SLO has data in 2025-Q4 (October–December 2025)');
    const empty = await cliInLedger(dir, ['close', '2026-Q1', '--note', 'nothing at all']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('no SLO has data in 2026-Q1');
    await expect(readFile(join(dir, 'data/snapshots/2025-q4.json'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses to overwrite a closed quarter without --amend, and says how to amend', async () => {
    const dir = await copyLedger(CLOSED);
    const before = await readFile(join(dir, 'data/snapshots/2026-q2.json'), 'utf8');
    const run = await cliInLedger(dir, ['close', '2026-Q2', '--note', 'again']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatchInlineSnapshot(`
      "close: 2026-Q2 is already closed: data/snapshots/2026-q2.json holds revision 2, and a closed quarter is never overwritten.
      To publish a corrected revision 3: npm run close -- 2026-Q2 --amend --note "why the figures changed"
      "
    `);
    expect(await readFile(join(dir, 'data/snapshots/2026-q2.json'), 'utf8')).toBe(before);
  });

  it('wants a note with --amend, a quarter, and something to amend (exit 2)', async () => {
    const dir = await copyLedger(CLOSED);
    const noNote = await cliInLedger(dir, ['close', '2026-Q2', '--amend']);
    expect(noNote.code).toBe(2);
    expect(noNote.stderr).toContain('--amend needs --note "why the figures changed"');
    expect((await cliInLedger(dir, ['close'])).code).toBe(2);
    const unchanged = await cliInLedger(dir, ['close', '2026-Q2', '--amend', '--note', 'nothing new']);
    expect(unchanged.code).toBe(2);
    expect(unchanged.stderr).toContain(
      '2026-Q2 recomputes exactly as revision 2; there is nothing new to publish',
    );
    const notClosed = await copyLedger(SMALL);
    const nothing = await cliInLedger(notClosed, ['close', '2026-Q2', '--amend', '--note', 'x']);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('2026-Q2 is not closed yet, so there is nothing to amend');
  });
});

describe('the restatement check of npm run build', () => {
  it('stops the build when a closed quarter’s CSV was edited: figures, files and the command to amend', async () => {
    const dir = await copyLedger(CLOSED);
    await editShopRow(
      dir,
      '2026-06-20T00:00:00Z,availability,1000,1000',
      '2026-06-20T00:00:00Z,availability,995,1000',
    );
    const run = await cliInLedger(dir, ['build']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatchInlineSnapshot(`
      "read data/sli/checkout.csv: 105 rows for 1 SLO
      read data/sli/shop.csv: 105 rows for 1 SLO
      check: read 2 SLI files (210 rows) and 2 postmortems; 0 errors, 0 warnings
      quarters: 4 SLO-quarters computed, 0 unchanged from the cache
      2026-Q2 is closed (revision 2), and 33 published figures would change:
        slos[shop-availability].good: 90900 → 90895
        slos[shop-availability].attainment: 0.9989010989010989 → 0.9988461538461538
        slos[shop-availability].nines: 2.959041392321095 → 2.9378520932511485
        slos[shop-availability].consumed: 1.098901098901099 → 1.1538461538461537
        slos[shop-availability].remaining: -0.098901098901099 → -0.15384615384615374
        slos[shop-availability].burnRate: 1.098901098901099 → 1.1538461538461537
        slos[shop-availability].unattributedConsumed: 0 → 0.054945054945054944
        slos[shop-availability].series: 26 values of the daily and monthly series
      Input files changed since revision 2 (data as of 2026-07-15T00:00:00.000Z):
        data/sli/shop.csv (changed)
      If this is a correction, publish it as revision 3 (revision 2 stays readable):
        npm run close -- 2026-Q2 --amend --note "why the figures changed"
      If it is not, restore the files listed above.

      build: stopped, 1 closed quarter would be restated; dist/ was left as it was
      "
    `);
  });

  it('passes once the correction is published with --amend, which keeps the earlier revisions', async () => {
    const dir = await copyLedger(CLOSED);
    const before = await readSnapshot(dir);
    await editShopRow(
      dir,
      '2026-06-20T00:00:00Z,availability,1000,1000',
      '2026-06-20T00:00:00Z,availability,995,1000',
    );
    const amend = await cliInLedger(dir, [
      'close',
      '2026-Q2',
      '--amend',
      '--note',
      'Corrected export of 20 June',
    ]);
    expect(amend.code).toBe(0);
    expect(amend.stderr.split('\n').slice(0, 3).join('\n')).toMatchInlineSnapshot(`
      "close: 2026-Q2 (April–June 2026) published as revision 3 in data/snapshots/2026-q2.json, from 6 input files (data as of 2026-07-15T00:00:00.000Z)
        33 figures changed from revision 2:
          slos[shop-availability].good: 90900 → 90895"
    `);
    const after = await readSnapshot(dir);
    expect(after.revisions.map((r) => [r.revision, r.note])).toEqual([
      [1, 'Closed after the quarterly review.'],
      [2, 'Corrected shop export: 11 May had no failed requests.'],
      [3, 'Corrected export of 20 June'],
    ]);
    // The earlier revisions are kept exactly as they were published.
    expect(after.revisions.slice(0, 2)).toEqual(before.revisions);
    expect(after.revisions[2]?.report.slos.find((s) => s.id === 'shop-availability')?.good).toBe(90_895);
    // The build's check now agrees with revision 3: nothing is left to amend.
    const again = await cliInLedger(dir, ['close', '2026-Q2', '--amend', '--note', 'again']);
    expect(again.stderr).toContain('recomputes exactly as revision 3');
  });

  it("does not stop for what is not a published figure, such as a postmortem's title", async () => {
    const dir = await copyLedger(CLOSED);
    const pm = join(dir, 'content/postmortems/2026-05-10-shop-outage.md');
    const text = await readFile(pm, 'utf8');
    await writeFile(
      pm,
      text.replace(/^title: .*$/m, 'title: Shop pages failed during a cache eviction storm'),
    );
    const run = await cliInLedger(dir, ['close', '2026-Q2', '--amend', '--note', 'Better title']);
    // Not a restatement, but still a change that may be published as a revision.
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('no published figure changed; wording and action items did');
  });

  it('stops on a snapshot edited by hand, naming the file and the field (exit 1)', async () => {
    const dir = await copyLedger(CLOSED);
    const file = join(dir, 'data/snapshots/2026-q2.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"revision": 2,', '"revision": "two",'));
    const run = await cliInLedger(dir, ['build']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatchInlineSnapshot(`
      "read data/sli/checkout.csv: 105 rows for 1 SLO
      read data/sli/shop.csv: 105 rows for 1 SLO
      data/snapshots/2026-q2.json: error: revisions[1].revision: Invalid input: expected number, received string [schema]
        hint: snapshots are written by npm run close; restore the file from version control (git checkout -- <file>) rather than editing it
      build: stopped, 1 error, 0 warnings; dist/ was left as it was
      "
    `);
  });
});
