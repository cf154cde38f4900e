/** `npm run new`: scaffolds that pass `check` as they are, dated by the (pinned) clock. */
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../support/run-cli.ts';

const SMALL = fileURLToPath(new URL('../fixtures/ledgers/small/', import.meta.url));
let dir: string;
const NOW = { LEDGER_NOW: '2026-07-14T09:14:37Z' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ledger-new-'));
  await cp(SMALL, dir, { recursive: true });
});

describe('npm run new', () => {
  it('writes a draft postmortem named by today and the title, and prints its path', async () => {
    const run = await runCliProcess(['new', 'postmortem', 'Checkout errors after certificate rotation!'], {
      cwd: dir,
      env: NOW,
    });
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(
      'content/postmortems/2026-07-14-checkout-errors-after-certificate-rotation.md',
    );
    const text = await readFile(join(dir, run.stdout.trim()), 'utf8');
    expect(text).toContain('title: "Checkout errors after certificate rotation!"');
    expect(text).toContain('status: draft');
    // The clock rounded down to the minute, with an offset.
    expect(text).toContain('started: 2026-07-14T09:14:00Z');
    expect(text).toContain('services: [shop-api]');
    for (const section of [
      '## Summary',
      '## Impact',
      '## Timeline',
      '## Contributing factors',
      '## What went well',
      '## What could be better',
      '## Action items',
    ]) {
      expect(text).toContain(section);
    }
  });

  it('the scaffold passes check with no error and no warning', async () => {
    const run = await runCliProcess(['check'], { cwd: dir });
    expect(run.stderr).toContain('0 errors, 0 warnings');
    expect(run.code).toBe(0);
  });

  it('refuses to overwrite, with exit 2', async () => {
    const run = await runCliProcess(['new', 'postmortem', 'Checkout errors after certificate rotation!'], {
      cwd: dir,
      env: NOW,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('already exists; it was left as it was');
  });

  it('writes a review narrative for a quarter, and refuses a malformed quarter', async () => {
    const run = await runCliProcess(['new', 'review', '2026-q3'], { cwd: dir, env: NOW });
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('content/reviews/2026-q3.mdx');
    expect(await readFile(join(dir, 'content/reviews/2026-q3.mdx'), 'utf8')).toContain('July–September 2026');
    const bad = await runCliProcess(['new', 'review', 'Q3'], { cwd: dir, env: NOW });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('new review needs a quarter id such as 2026-Q3, not "Q3"');
  });

  it('asks what to create when nothing is named', async () => {
    const run = await runCliProcess(['new'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('new needs what to create: postmortem or review');
  });
});
