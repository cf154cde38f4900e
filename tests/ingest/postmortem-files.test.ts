/**
 * Postmortem front matter and body, one fixture per defect (tests/fixtures/postmortems/), checked
 * against the small fixture ledger's catalog (service shop-api; SLOs shop-availability and
 * shop-checkout; default severities SEV1–SEV4). The messages are what an author reads.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/ingest/diagnostic.ts';
import { readLedgerDefinitions } from '../../src/ingest/load-ledger.ts';
import { ledgerPaths } from '../../src/ingest/ledger-paths.ts';
import {
  parsePostmortem,
  postmortemSlug,
  type PostmortemContext,
} from '../../src/ingest/postmortem-files.ts';

const SMALL = fileURLToPath(new URL('../fixtures/ledgers/small/', import.meta.url));

async function context(): Promise<PostmortemContext> {
  const data = await readLedgerDefinitions(
    ledgerPaths({ data: `${SMALL}data`, content: `${SMALL}content`, cwd: SMALL }),
  );
  if (data.settings === null) throw new Error('fixture settings did not load');
  return { settings: data.settings, catalog: data.catalog };
}

async function check(name: string) {
  const path = fileURLToPath(new URL(`../fixtures/postmortems/${name}`, import.meta.url));
  const { result, diagnostics } = parsePostmortem(
    { file: `content/postmortems/${name}`, slug: postmortemSlug(name), text: await readFile(path, 'utf8') },
    await context(),
  );
  return { result, text: diagnostics.map(formatDiagnostic).join('\n') };
}

describe('postmortem defects, each with its place and fix', () => {
  it('started after mitigated', async () => {
    expect((await check('started-after-mitigated.md')).text).toMatchInlineSnapshot(`
      "content/postmortems/started-after-mitigated.md:8:12: error: mitigated: 2026-05-10T09:30:00Z is before started (2026-05-10T10:00:00Z); impact ends after it starts [postmortem-schema]
        hint: README.md § Postmortems shows every field with an example; npm run new -- postmortem "<title>" writes a valid one"
    `);
  });

  it('a time without an offset', async () => {
    expect((await check('time-without-offset.md')).text).toMatchInlineSnapshot(`
      "content/postmortems/time-without-offset.md:6:10: error: started: write the time with an offset, e.g. 2026-08-14T09:12:00Z or 2026-08-14T10:12:00+01:00, or say which zone the write-up's times are in with timezone: (e.g. timezone: America/Los_Angeles) [postmortem-schema]
        hint: README.md § Postmortems shows every field with an example; npm run new -- postmortem "<title>" writes a valid one"
    `);
  });

  it('times that do not exist: minute 60, hour 24, 31 June (never rolled over)', async () => {
    expect((await check('impossible-times.md')).text).toMatchInlineSnapshot(`
      "content/postmortems/impossible-times.md:7:11: error: detected: "2026-05-10T08:60:00Z" is not a real time: write ISO 8601 with an offset, e.g. 2026-08-14T09:12:00Z or 2026-08-14T10:12:00+01:00 [postmortem-schema]
        hint: README.md § Postmortems shows every field with an example; npm run new -- postmortem "<title>" writes a valid one
      content/postmortems/impossible-times.md:8:12: error: mitigated: "2026-05-10T24:30:00Z" is not a real time: write ISO 8601 with an offset, e.g. 2026-08-14T09:12:00Z or 2026-08-14T10:12:00+01:00 [postmortem-schema]
        hint: README.md § Postmortems shows every field with an example; npm run new -- postmortem "<title>" writes a valid one
      content/postmortems/impossible-times.md:9:11: error: resolved: "2026-06-31T11:00:00Z" is not a real time: write ISO 8601 with an offset, e.g. 2026-08-14T09:12:00Z or 2026-08-14T10:12:00+01:00 [postmortem-schema]
        hint: README.md § Postmortems shows every field with an example; npm run new -- postmortem "<title>" writes a valid one
      content/postmortems/impossible-times.md:13:10: error: action_items[0].due: write a real date as YYYY-MM-DD, e.g. 2026-09-01 [postmortem-schema]
        hint: README.md § Postmortems shows every field with an example; npm run new -- postmortem "<title>" writes a valid one"
    `);
  });

  it('a final postmortem without mitigated', async () => {
    expect((await check('final-without-mitigated.md')).text).toMatchInlineSnapshot(`
      "content/postmortems/final-without-mitigated.md:2:1: error: mitigated: is required unless status is draft: add the time impact ended [postmortem-schema]
        hint: README.md § Postmortems shows every field with an example; npm run new -- postmortem "<title>" writes a valid one"
    `);
  });

  it('unknown service, SLO and severity, with the nearest known id', async () => {
    expect((await check('unknown-service-slo-and-severity.md')).text).toMatchInlineSnapshot(`
      "content/postmortems/unknown-service-slo-and-severity.md:4:11: error: severity "SEV7" is not one of the settings' severities [postmortem-schema]
        hint: known severities (data/ledger.yaml): SEV1, SEV2, SEV3, SEV4
      content/postmortems/unknown-service-slo-and-severity.md:5:12: error: service "shop-apl" is not in the SLO catalog (data/slos/) [postmortem-unknown-reference]
        hint: did you mean "shop-api"? Known services: shop-api, status-page
      content/postmortems/unknown-service-slo-and-severity.md:5:22: error: service "payments" is not in the SLO catalog (data/slos/) [postmortem-unknown-reference]
        hint: known services: shop-api, status-page
      content/postmortems/unknown-service-slo-and-severity.md:6:8: error: SLO "shop-availabilty" is not in the SLO catalog (data/slos/) [postmortem-unknown-reference]
        hint: did you mean "shop-availability"? Known SLOs: shop-availability, shop-checkout"
    `);
  });

  it('an action item without owner and with an unknown status', async () => {
    expect((await check('action-item-without-owner-and-bad-status.md')).text).toMatchInlineSnapshot(`
      "content/postmortems/action-item-without-owner-and-bad-status.md:9:5: error: action_items[0].owner: is required (string) [postmortem-schema]
        hint: README.md § Postmortems shows every field with an example; npm run new -- postmortem "<title>" writes a valid one
      content/postmortems/action-item-without-owner-and-bad-status.md:11:13: error: action_items[0].status: must be one of open, in-progress, done, wont-do [postmortem-schema]
        hint: README.md § Postmortems shows every field with an example; npm run new -- postmortem "<title>" writes a valid one"
    `);
  });

  it('missing Summary, Timeline and Contributing factors are warnings, not errors', async () => {
    const { result, text } = await check('missing-sections.md');
    expect(result).not.toBeNull();
    expect(text).toMatchInlineSnapshot(`
      "content/postmortems/missing-sections.md:9:1: warning: no "## Summary" section [postmortem-missing-section]
        hint: add the section, even if short: readers look for it
      content/postmortems/missing-sections.md:9:1: warning: no "## Timeline" section [postmortem-missing-section]
        hint: add the section, even if short: readers look for it
      content/postmortems/missing-sections.md:9:1: warning: no "## Contributing factors" section [postmortem-missing-section]
        hint: add the section, even if short: readers look for it"
    `);
  });

  it('no front matter at all', async () => {
    expect((await check('no-front-matter.md')).text).toMatchInlineSnapshot(`
      "content/postmortems/no-front-matter.md:1:1: error: the file has no front matter [postmortem-schema]
        hint: start the file with --- and the fields listed in README.md § Postmortems, or scaffold one with npm run new -- postmortem "<title>""
    `);
  });

  it('accepts a draft without mitigated, reading +01:00 as an offset', async () => {
    const { result, text } = await check('draft-without-mitigated.md');
    expect(text).toBe('');
    // 08:00+01:00 is 07:00Z.
    expect(result?.postmortem.started).toBe(Date.UTC(2026, 4, 10, 7));
    expect(result?.postmortem.mitigated).toBeUndefined();
  });

  it('names the page after the file, whatever folder it sits in', () => {
    expect(postmortemSlug('payments/2026/2026-08-14-Cert-Rotation.md')).toBe('2026-08-14-cert-rotation');
  });
});

describe('postmortems as real teams write them', () => {
  it('reads times without an offset in the zone named by timezone: ("All times in PST")', async () => {
    const { result, text } = await check('times-in-pacific-time-with-timezone.md');
    expect(text).toBe('');
    // 18 January 2018 is winter time in Los Angeles, UTC−8: 04:19 PST is 12:19Z, 09:30 PST is 17:30Z.
    expect(result?.postmortem.started).toBe(Date.UTC(2018, 0, 18, 12, 19));
    expect(result?.postmortem.detected).toBe(Date.UTC(2018, 0, 18, 12, 27));
    // A time with its own offset keeps it.
    expect(result?.postmortem.mitigated).toBe(Date.UTC(2018, 0, 18, 15, 58));
    expect(result?.postmortem.resolved).toBe(Date.UTC(2018, 0, 18, 17, 30));
  });

  it('refuses an incident known only to the day, saying what to write', async () => {
    expect((await check('started-known-only-to-the-day.md')).text).toMatchInlineSnapshot(`
      "content/postmortems/started-known-only-to-the-day.md:6:10: error: started: 2023-01-23 is a day without a time of day: write when it happened, e.g. 2023-01-23T09:30:00Z or 2023-01-23T09:30:00-08:00; if only the day is known, write your best estimate and say so in the write-up [postmortem-schema]
        hint: README.md § Postmortems shows every field with an example; npm run new -- postmortem "<title>" writes a valid one"
    `);
  });

  it('still refuses a time without an offset when no timezone: is given, and says how to give one', async () => {
    expect((await check('time-without-offset.md')).text).toContain(
      "or say which zone the write-up's times are in with timezone: (e.g. timezone: America/Los_Angeles)",
    );
  });

  it('accepts an action item without a due date', async () => {
    const { result, text } = await check('times-in-pacific-time-with-timezone.md');
    expect(text).toBe('');
    expect(result?.postmortem.action_items[0]?.due).toBeUndefined();
    expect(result?.postmortem.action_items[1]?.due).toBe('2018-02-01');
  });

  it('says "is required" for a missing field, never "Invalid input"', async () => {
    const owner = await check('action-item-without-due-and-without-owner.md');
    const started = await check('without-started.md');
    expect(`${owner.text}\n${started.text}`).not.toContain('Invalid input');
    expect(owner.text).toMatchInlineSnapshot(`
      "content/postmortems/action-item-without-due-and-without-owner.md:12:5: error: action_items[1].owner: is required (string) [postmortem-schema]
        hint: README.md § Postmortems shows every field with an example; npm run new -- postmortem "<title>" writes a valid one"
    `);
    expect(started.text).toMatchInlineSnapshot(`
      "content/postmortems/without-started.md:2:1: error: started: is required [postmortem-schema]
        hint: README.md § Postmortems shows every field with an example; npm run new -- postmortem "<title>" writes a valid one"
    `);
  });
});
