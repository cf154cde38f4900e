/**
 * `npm run import -- cstate`: cState incident files (our own fixtures in tests/fixtures/cstate/,
 * shaped like the cState example site) become drafts that say what a person must still check.
 */
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess, type CliRun } from '../support/run-cli.ts';

const SMALL = fileURLToPath(new URL('../fixtures/ledgers/small/', import.meta.url));
const CSTATE = fileURLToPath(new URL('../fixtures/cstate/', import.meta.url));
let dir: string;
let run: CliRun;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ledger-import-'));
  await cp(SMALL, dir, { recursive: true });
  run = await runCliProcess(['import', 'cstate', CSTATE, '--timezone', 'Europe/Berlin'], { cwd: dir });
});

describe('npm run import -- cstate', () => {
  it('writes one draft per incident and skips the informational post', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toMatchInlineSnapshot(`
      "content/postmortems/2026-03-02-shop-pages-down.md (from 2026-03-02-shop-pages-down.md)
        needs a human: times were written without a zone and read as Europe/Berlin: check them
        needs a human: severity SEV1 was mapped from cState "down"; confirm it against your severity levels
        needs a human: write the Summary and Contributing factors sections; the cState updates are under Timeline
      content/postmortems/2026-04-08-slow-search.md (from 2026-04-09-slow-search.md)
        needs a human: no resolvedWhen: add \`mitigated\` (when impact ended) before the status can leave draft
        needs a human: times were written without a zone and read as Europe/Berlin: check them
        needs a human: severity SEV3 was mapped from cState "notice"; confirm it against your severity levels
        needs a human: services not in the catalog: search (from affected: Search); map them to ids in data/slos/
        needs a human: the file name says 2026-04-09 but date says 2026-04-08: the date was used
        needs a human: write the Summary and Contributing factors sections; the cState updates are under Timeline
      "
    `);
    expect(run.stderr).toContain('skipped 2026-05-01-maintenance.md: an informational post');
    expect(run.stderr).toContain('import: 2 drafts written from 3 files');
  });

  it('reads zone-less cState times in the given zone and maps severity and services', async () => {
    const text = await readFile(join(dir, 'content/postmortems/2026-03-02-shop-pages-down.md'), 'utf8');
    // 14:10 and 15:25 in Berlin in March (CET, UTC+1) are 13:10Z and 14:25Z.
    expect(text).toContain('started: 2026-03-02T13:10:00Z');
    expect(text).toContain('mitigated: 2026-03-02T14:25:00Z');
    expect(text).toContain('severity: SEV1');
    expect(text).toContain('services: [shop-api]');
    expect(text).toContain('status: draft');
    // Hugo shortcodes become plain times under Timeline.
    expect(text).toContain('*Resolved* - Pages load again. (2026-03-02 15:25:00)');
    expect(text).not.toContain('{{<');
  });

  it('leaves drafts that check accepts once the unknown service is mapped', async () => {
    const check = await runCliProcess(['check'], { cwd: dir });
    // The slow-search draft names a service the fixture catalog does not have: exactly that is left.
    expect(check.stderr).toContain('service "search" is not in the SLO catalog');
    expect(check.stderr).toContain('1 error, 0 warnings');
  });

  it('refuses to run without --timezone, since cState times carry no zone', async () => {
    const r = await runCliProcess(['import', 'cstate', CSTATE], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'cState times have no zone: say which one they were written in with --timezone',
    );
  });

  it('never overwrites a draft on a second run', async () => {
    const again = await runCliProcess(['import', 'cstate', CSTATE, '--timezone', 'Europe/Berlin'], {
      cwd: dir,
    });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('import: 0 drafts written from 3 files');
  });
});
