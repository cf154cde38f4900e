/**
 * `npm run check` as a user runs it: the real CLI in a child process on real fixture files.
 * The user-facing words are pinned, so a change to them is a deliberate one.
 */
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../support/run-cli.ts';

const BROKEN = [
  '--data',
  'tests/fixtures/ledgers/broken/data',
  '--content',
  'tests/fixtures/ledgers/broken/content',
];
const SMALL = [
  '--data',
  'tests/fixtures/ledgers/small/data',
  '--content',
  'tests/fixtures/ledgers/small/content',
];

describe('npm run check', () => {
  it('accepts the small fixture ledger', async () => {
    const run = await runCliProcess(['check', ...SMALL]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('; 0 errors, 0 warnings');
  });

  it('accepts the demo organisation, warning about the collector gaps of email-delivery', async () => {
    const run = await runCliProcess(['check']);
    // The demo's notifications export misses 14 of 12,073 hours on purpose (scripts/generate-demo.ts).
    expect(run.stderr).toContain(
      'data/sli/notifications.csv: warning: SLO email-delivery: the rows cover 99.8% of its quarters so far (12,059 of 12,073 hours',
    );
    expect(run.stderr).toContain('; 0 errors, 1 warning');
    expect(run.code).toBe(0);
  });

  it('warns about a sparse export that lists only the days with downtime, naming the coverage and the longest gap', async () => {
    const run = await runCliProcess([
      'check',
      '--data',
      'tests/fixtures/ledgers/sparse-export/data',
      '--content',
      'tests/fixtures/ledgers/sparse-export/content',
    ]);
    expect(run.code).toBe(0);
    // 7 rows from 1 Jan 2025 to the end of the last row (31 Dec 2025): 364 days, 7/364 = 1.92%, shown
    // truncated; the longest run without a row is 3 Mar (after the 2 Mar row) to 14 Sep, 195 days.
    expect(run.stderr).toMatchInlineSnapshot(`
      "read tests/fixtures/ledgers/sparse-export/data/sli/downtime-days-only.csv: 7 rows for 1 SLO
      tests/fixtures/ledgers/sparse-export/data/sli/downtime-days-only.csv: warning: SLO website-uptime: the rows cover 1.9% of its quarters so far (7 of 364 days from 1 Jan 2025 to 31 Dec 2025); the longest gap has no rows from 3 Mar 2025 to 14 Sep 2025 (195 d) [sli-coverage-gaps]
        hint: missing rows are neither perfect nor absent traffic: a quarter below 90% coverage is marked incomplete. Export every step, with 0 failures where nothing failed; an export of only the failures (such as downtime days) cannot give an attainment
      check: read 1 SLI file (7 rows) and 0 postmortems; 0 errors, 1 warning
      "
    `);
  });

  it('reports every problem of every file at once, with place and hint, and exits 1', async () => {
    const run = await runCliProcess(['check', ...BROKEN]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatchInlineSnapshot(`
      "read tests/fixtures/ledgers/broken/data/sli/api.csv: 3 rows for 1 SLO
      tests/fixtures/ledgers/broken/content/postmortems/2026-07-01-api-errors.md:8:12: error: mitigated: write the time with an offset, e.g. 2026-08-14T09:12:00Z or 2026-08-14T10:12:00+01:00, or say which zone the write-up's times are in with timezone: (e.g. timezone: America/Los_Angeles) [postmortem-schema]
        hint: README.md § Postmortems shows every field with an example; npm run new -- postmortem "<title>" writes a valid one
      tests/fixtures/ledgers/broken/content/postmortems/2026-07-01-api-errors.md:10:1: warning: no "## Timeline" section [postmortem-missing-section]
        hint: add the section, even if short: readers look for it
      tests/fixtures/ledgers/broken/content/postmortems/2026-07-01-api-errors.md:10:1: warning: no "## Contributing factors" section [postmortem-missing-section]
        hint: add the section, even if short: readers look for it
      tests/fixtures/ledgers/broken/data/ledger.yaml:3:1: error: unknown key "timezon" [unknown-key]
        hint: did you mean "timezone"? Known keys: title, organization, timezone, fiscalYearStartMonth, audience, severities, policy, minEvents, allowMdxPostmortems, plausibleYears, reportingSince
      tests/fixtures/ledgers/broken/data/sli/api.csv:3:2: error: good (1203) is greater than total (1200) [csv-good-greater-than-total]
        hint: swap the columns in the SLO api-availability, or fix the export
      tests/fixtures/ledgers/broken/data/slos/api.yaml:14:16: error: slos[1].objective: objective 99.9 is ambiguous: write it as a percentage in quotes ("99.9%") or as a fraction (0.999) [schema]
        hint: see the field reference in README.md
      check: read 1 SLI file (3 rows) and 1 postmortem; 4 errors, 2 warnings
      "
    `);
  });

  it('prints GitHub annotations with --format github', async () => {
    const run = await runCliProcess(['check', ...BROKEN, '--format', 'github']);
    expect(run.code).toBe(1);
    const annotations = run.stderr.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations.filter((a) => a.startsWith('::error '))).toHaveLength(4);
    expect(annotations.filter((a) => a.startsWith('::warning '))).toHaveLength(2);
    expect(annotations).toContain(
      '::error file=tests/fixtures/ledgers/broken/data/sli/api.csv,line=3,col=2,title=csv-good-greater-than-total::good (1203) is greater than total (1200) — hint: swap the columns in the SLO api-availability, or fix the export',
    );
  });

  it('asks for sli.step when an export has a single row', async () => {
    const run = await runCliProcess([
      'check',
      '--data',
      'tests/fixtures/ledgers/single-row/data',
      '--content',
      'tests/fixtures/ledgers/single-row/content',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'tests/fixtures/ledgers/single-row/data/slos/api.yaml:5:1: error: SLO api-availability has a single SLI row, so the span each row covers is unknown [sli-step-unknown]',
    );
    expect(run.stderr).toContain('hint: add sli.step to the SLO, e.g. step: 1h, or export more than one row');
  });

  it('refuses an unknown format with exit 2', async () => {
    const run = await runCliProcess(['check', '--format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format must be text or github');
  });
});

describe('the command line', () => {
  it('exits 2 with the list of commands when none is given', async () => {
    const run = await runCliProcess([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Commands:');
  });

  it('exits 2 on an unknown command or option', async () => {
    expect((await runCliProcess(['publish'])).code).toBe(2);
    const run = await runCliProcess(['check', '--colour']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unknown option '--colour'");
  });
});
