/**
 * `npm run import -- markdown`: our own plain reports (tests/fixtures/markdown-reports/) become
 * drafts: the H1 is the title, the date comes from the file name or the text, the usual headings
 * map to the ledger's sections, and what a person must still check is listed.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess, type CliRun } from '../support/run-cli.ts';

const SMALL = fileURLToPath(new URL('../fixtures/ledgers/small/', import.meta.url));
const REPORTS = fileURLToPath(new URL('../fixtures/markdown-reports/', import.meta.url));
let dir: string;
let run: CliRun;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ledger-import-md-'));
  await cp(SMALL, dir, { recursive: true });
  await rm(join(dir, 'content', 'postmortems'), { recursive: true });
  run = await runCliProcess(['import', 'markdown', REPORTS], { cwd: dir });
}, 30_000);

describe('npm run import -- markdown', () => {
  it('lists what each draft still needs, and skips a file without an H1', () => {
    expect(run.code).toBe(0);
    expect(run.stdout)
      .toBe(`content/postmortems/2026-05-10-shop-checkout-timeouts.md (from 2026-05-10-shop-checkout-timeouts.md)
  needs a human: started is the start of 2026-05-10 (UTC), from the file name: set the time impact began, and add detected and mitigated from the timeline
  needs a human: 2 action items were taken from the list with owner "unknown": give each its owner, and a due date where one was agreed
  needs a human: severity SEV3 is a placeholder: the report names none
  needs a human: services shop-api were guessed from the text: check them
content/postmortems/2026-03-03-search-index-outage.md (from search-index-outage.md)
  needs a human: started is the start of 2026-03-03 (UTC), from the text: set the time impact began, and add detected and mitigated from the timeline
  needs a human: write the Timeline, Contributing factors sections
  needs a human: kept as written: "Conclusion"; move what is a cause into Contributing factors
  needs a human: severity SEV3 is a placeholder: the report names none
  needs a human: no service of the catalog is named in the text: set services
`);
    expect(run.stderr).toContain(
      'skipped notes-without-title.md: it has no H1 (a first line like "# Checkout outage") to take the title from',
    );
  });

  it('maps Overview, Root causes and Lessons learned › What went wrong to the ledger’s sections', async () => {
    const text = await readFile(
      join(dir, 'content', 'postmortems', '2026-05-10-shop-checkout-timeouts.md'),
      'utf8',
    );
    expect(text.split('<!--')[0]).toBe(`---
title: Shop checkout timeouts
status: draft
severity: SEV3
visibility: public
services:
  - shop-api
started: 2026-05-10T00:00:00Z
authors: []
trigger: unknown
action_items:
  - title: Roll back the pool size change
    owner: unknown
    status: done
  - title: Alert on checkout timeouts above 1% for five minutes, owned by the web team
    owner: unknown
    status: open
    link: https://tracker.example/WEB-42
---

`);
    const headings = text.match(/^## .+$/gm);
    expect(headings).toEqual([
      '## Summary',
      '## Impact',
      '## Timeline',
      '## Contributing factors',
      '## What went well',
      '## What could be better',
      '## Action items',
    ]);
    expect(text).toContain(
      '## Contributing factors\n\nThe pool size was read in thousands instead of units.',
    );
  });

  it('writes drafts check accepts once the service is known', async () => {
    const check = await runCliProcess(['check'], { cwd: dir });
    const errors = check.stderr.split('\n').filter((l) => l.includes(': error: '));
    // Only the search report's placeholder service: the shop report named shop-api.
    expect(errors).toEqual([
      'content/postmortems/2026-03-03-search-index-outage.md:7:5: error: service "unknown" is not in the SLO catalog (data/slos/) [postmortem-unknown-reference]',
    ]);
  }, 30_000);
});
