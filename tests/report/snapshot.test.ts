/**
 * Closed quarters as data: the figure comparison behind the restatement check, the message it
 * prints, the input digest, revisions, audiences, and a snapshot file that was edited by hand.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../src/ingest/snapshots.ts';
import { inputDigest } from '../../src/report/input-digest.ts';
import type { QuarterReport } from '../../src/report/quarter-report.ts';
import {
  diffInputs,
  diffQuarterReports,
  formatFigureChange,
  formatRestatement,
} from '../../src/report/restatement.ts';
import {
  publishedSnapshot,
  appendRevision,
  audienceView,
  closedView,
  latestRevision,
  publishedLedger,
} from '../../src/report/snapshot.ts';
import type { LedgerReport } from '../../src/report/quarter-report.ts';

const CAL = { timezone: 'UTC', fiscalYearStartMonth: 1 } as LedgerReport['calendar'];
const FIXTURE_SNAPSHOT = new URL('../fixtures/ledgers/closed/data/snapshots/2026-q2.json', import.meta.url);

async function fixtureSnapshotText(): Promise<string> {
  return readFile(FIXTURE_SNAPSHOT, 'utf8');
}

async function publishedReport(): Promise<QuarterReport> {
  const { snapshot } = parseSnapshot(
    { file: 'data/snapshots/2026-q2.json', fileName: '2026-q2.json', text: await fixtureSnapshotText() },
    CAL,
  );
  if (snapshot === null) throw new Error('the fixture snapshot does not parse');
  return latestRevision(publishedSnapshot(snapshot)).report;
}

function edit(q: QuarterReport, change: (copy: QuarterReport) => void): QuarterReport {
  const copy = structuredClone(q);
  change(copy);
  return copy;
}

describe('comparing a recomputed quarter with its published revision', () => {
  it('finds nothing when the report is the same, whatever the order of its keys', async () => {
    const q = await publishedReport();
    const reordered = Object.fromEntries(
      Object.entries(structuredClone(q)).reverse(),
    ) as unknown as QuarterReport;
    expect(diffQuarterReports(q, reordered)).toEqual([]);
  });

  it('names a changed figure by the SLO id, not its position, with both values exactly', async () => {
    const q = await publishedReport();
    const changed = edit(q, (c) => {
      c.slos.reverse();
      const shop = c.slos.find((s) => s.id === 'shop-availability');
      if (shop) shop.attainment = 0.9987912087912088;
    });
    expect(diffQuarterReports(q, changed).map(formatFigureChange)).toEqual([
      'slos[shop-availability].attainment: 0.9989010989010989 → 0.9987912087912088',
    ]);
  });

  it('compares numbers exactly: a difference in the last digit of a double is a change', async () => {
    const q = await publishedReport();
    const shop = q.slos.find((s) => s.id === 'shop-availability');
    const nudged = edit(q, (c) => {
      const s = c.slos.find((x) => x.id === 'shop-availability');
      if (s && shop?.consumed) s.consumed = shop.consumed + Number.EPSILON * 2;
    });
    expect(diffQuarterReports(q, nudged)).toHaveLength(1);
  });

  it('reports a new incident as added and a status word as a change', async () => {
    const q = await publishedReport();
    const first = q.incidents[0];
    if (!first) throw new Error('fixture has no incident');
    const changed = edit(q, (c) => {
      c.incidents.push({ ...first, id: '2026-06-20-new-one' });
      const s = c.slos[0];
      if (s) s.status = 'at-risk';
    });
    expect(diffQuarterReports(q, changed).map(formatFigureChange)).toMatchInlineSnapshot(`
      [
        "slos[shop-availability].status: "exhausted" → "at-risk"",
        "incidents[2026-06-20-new-one]: added",
      ]
    `);
  });

  it('ignores what is not a published figure: as-of, revision, action item counts, titles and owners', async () => {
    const q = await publishedReport();
    const changed = edit(q, (c) => {
      c.asOf = '2026-12-01T00:00:00.000Z';
      c.revision = 7;
      c.actionItems.overdue += 3;
      const i = c.incidents[0];
      if (i) {
        i.title = 'A better title';
        i.status = 'in-review';
        i.actionItems += 1;
      }
      const s = c.slos[0];
      if (s) {
        s.owner = 'Someone Else';
        s.name = 'Renamed';
        s.policyText = 'New wording';
      }
      const svc = c.services[0];
      if (svc) svc.actionItems.done += 1;
    });
    expect(diffQuarterReports(q, changed)).toEqual([]);
  });
});

describe('the restatement message', () => {
  it('lists the headline figures, one line per chart series, the changed files and the command', async () => {
    const q = await publishedReport();
    const changed = edit(q, (c) => {
      const s = c.slos.find((x) => x.id === 'shop-availability');
      if (!s) return;
      s.good -= 10;
      s.attainment = 0.9987912087912088;
      const day = s.series.daily.find((d) => d.date === '2026-05-11');
      if (day) {
        day.good -= 10;
        day.bad += 10;
      }
    });
    const message = formatRestatement({
      quarter: '2026-Q2',
      revision: 2,
      publishedAsOf: '2026-07-15T00:00:00.000Z',
      figures: diffQuarterReports(q, changed),
      inputs: diffInputs(
        {
          'data/sli/shop.csv': 'a'.repeat(64),
          'data/ledger.yaml': 'b'.repeat(64),
          'content/postmortems/x.md': 'c'.repeat(64),
        },
        {
          'data/sli/shop.csv': 'd'.repeat(64),
          'data/ledger.yaml': 'b'.repeat(64),
          'content/postmortems/y.md': 'e'.repeat(64),
        },
      ),
      publishedToolVersion: '0.1.0',
      toolVersion: '0.2.0',
      commandOptions: '--data other/data',
    });
    expect(message).toMatchInlineSnapshot(`
      "2026-Q2 is closed (revision 2), and 4 published figures would change:
        slos[shop-availability].good: 90900 → 90890
        slos[shop-availability].attainment: 0.9989010989010989 → 0.9987912087912088
        slos[shop-availability].series: 2 values of the daily and monthly series
      Input files changed since revision 2 (data as of 2026-07-15T00:00:00.000Z):
        content/postmortems/x.md (removed)
        content/postmortems/y.md (added)
        data/sli/shop.csv (changed)
      Revision 2 was computed by version 0.1.0 of the tool; this is version 0.2.0.
      If this is a correction, publish it as revision 3 (revision 2 stays readable):
        npm run close -- 2026-Q2 --amend --note "why the figures changed" --data other/data
      If it is not, restore the files listed above."
    `);
  });

  it('says so when no input changed and the snapshot matches its digest: then the computation did', () => {
    const message = formatRestatement({
      quarter: '2026-Q1',
      revision: 1,
      publishedAsOf: '2026-04-01T00:00:00.000Z',
      figures: [{ path: 'services[shop-api].deployments.perWeek', published: 3, recomputed: 3.5 }],
      inputs: [],
      publishedToolVersion: '0.1.0',
      toolVersion: '0.1.0',
      snapshotFile: 'data/snapshots/2026-q1.json',
      snapshotVerified: true,
    });
    expect(message).toMatchInlineSnapshot(`
      "2026-Q1 is closed (revision 1), and 1 published figure would change:
        services[shop-api].deployments.perWeek: 3 → 3.5
      No input file changed since revision 1, and data/snapshots/2026-q1.json matches its digest: the computation did.
      If this is a correction, publish it as revision 2 (revision 1 stays readable):
        npm run close -- 2026-Q1 --amend --note "why the figures changed"
      If it is not, the change in the tool needs fixing before the site is published."
    `);
  });

  it('names the snapshot file when no input changed and the snapshot has no digest to tell an edit', () => {
    const message = formatRestatement({
      quarter: '2026-Q1',
      revision: 1,
      publishedAsOf: '2026-04-01T00:00:00.000Z',
      figures: [{ path: 'services[shop-api].deployments.perWeek', published: 3, recomputed: 3.5 }],
      inputs: [],
      publishedToolVersion: '0.1.0',
      toolVersion: '0.1.0',
      snapshotFile: 'data/snapshots/2026-q1.json',
      snapshotVerified: false,
    });
    expect(message).toMatchInlineSnapshot(`
      "2026-Q1 is closed (revision 1), and 1 published figure would change:
        services[shop-api].deployments.perWeek: 3 → 3.5
      No input file changed since revision 1: either the computation did, or data/snapshots/2026-q1.json was edited by hand (it was written before snapshots carried a digest, so the tool cannot tell).
      If this is a correction, publish it as revision 2 (revision 1 stays readable):
        npm run close -- 2026-Q1 --amend --note "why the figures changed"
      If it is not, restore data/snapshots/2026-q1.json from version control, or fix the change in the tool."
    `);
  });
});

describe('the input digest of the footer', () => {
  it('is 6 hex digits, independent of the order it is given the files in', () => {
    const a = inputDigest({ 'data/ledger.yaml': '1'.repeat(64), 'data/sli/a.csv': '2'.repeat(64) });
    const b = inputDigest({ 'data/sli/a.csv': '2'.repeat(64), 'data/ledger.yaml': '1'.repeat(64) });
    expect(a).toMatch(/^[0-9a-f]{6}$/);
    expect(a).toBe(b);
  });

  it('changes when one file changes, or one is renamed', () => {
    const base = { 'data/ledger.yaml': '1'.repeat(64), 'data/sli/a.csv': '2'.repeat(64) };
    const d = inputDigest(base);
    expect(inputDigest({ ...base, 'data/sli/a.csv': '3'.repeat(64) })).not.toBe(d);
    expect(inputDigest({ 'data/ledger.yaml': '1'.repeat(64), 'data/sli/b.csv': '2'.repeat(64) })).not.toBe(d);
  });
});

describe('revisions and audiences', () => {
  it('appends revision n+1, keeps the earlier ones, and sets `revision` in the report', async () => {
    const q = await publishedReport();
    const first = appendRevision(null, {
      note: 'first',
      toolVersion: '0.1.0',
      asOf: q.asOf,
      inputs: {},
      report: q,
    });
    const second = appendRevision(first, {
      note: 'second',
      toolVersion: '0.1.0',
      asOf: q.asOf,
      inputs: {},
      report: q,
    });
    expect(second.revisions.map((r) => [r.revision, r.note, r.report.revision])).toEqual([
      [1, 'first', 1],
      [2, 'second', 2],
    ]);
    expect(second.revisions[0]).toBe(first.revisions[0]);
  });

  it('records no drafts, and a public audience reads no internal write-up', async () => {
    const q = await publishedReport();
    const internal = q.incidents.find((i) => i.visibility === 'internal');
    expect(internal?.id).toBe('2026-06-02-checkout-vendor');
    const withDraft = edit(q, (c) => {
      const i = c.incidents[0];
      if (i) c.incidents.push({ ...i, id: 'draft-one', status: 'draft' });
    });
    expect(closedView(withDraft).incidents.map((i) => i.id)).toEqual(q.incidents.map((i) => i.id));
    expect(audienceView(q, 'public').incidents.map((i) => i.id)).toEqual(['2026-05-10-shop-outage']);
    expect(audienceView(q, 'internal').incidents).toHaveLength(2);
  });

  it('publishes a closed quarter from its latest revision and leaves the others as computed', async () => {
    const { snapshot } = parseSnapshot(
      { file: 's', fileName: '2026-q2.json', text: await fixtureSnapshotText() },
      CAL,
    );
    if (!snapshot) throw new Error('fixture does not parse');
    const recomputed = {
      ...latestRevision(publishedSnapshot(snapshot)).report,
      revision: null,
      quarter: '2026-Q2',
    };
    const later = { ...recomputed, quarter: '2026-Q3', slug: '2026-q3', state: 'in-progress' as const };
    const ledger = {
      title: 't',
      organization: 'o',
      calendar: CAL,
      asOf: later.asOf,
      asOfMs: Date.parse(later.asOf),
      quarters: [recomputed, later],
      units: {},
      measured: {},
    };
    const { report, closed } = publishedLedger(
      ledger,
      new Map([['2026-Q2', publishedSnapshot(snapshot)]]),
      'public',
    );
    expect(report.quarters.map((q) => [q.quarter, q.revision, q.incidents.length])).toEqual([
      ['2026-Q2', 2, 1],
      ['2026-Q3', null, 2],
    ]);
    expect(
      closed.get('2026-Q2')?.revisions.map((r) => [r.summary.revision, r.summary.latest, r.report.revision]),
    ).toEqual([
      [1, false, 1],
      [2, true, 2],
    ]);
  });
});

describe('a snapshot file edited by hand', () => {
  const check = async (mutate: (s: Record<string, unknown>) => void, name = '2026-q2.json') => {
    const raw = JSON.parse(await fixtureSnapshotText()) as Record<string, unknown>;
    mutate(raw);
    const { snapshot, diagnostics } = parseSnapshot(
      { file: `data/snapshots/${name}`, fileName: name, text: JSON.stringify(raw) },
      CAL,
    );
    expect(snapshot).toBeNull();
    return diagnostics.map((d) => `${d.file}: ${d.message}\n  hint: ${d.hint}`).join('\n');
  };
  type Revision = { revision: number; inputs: Record<string, string>; report: Record<string, unknown> };
  const revisions = (s: Record<string, unknown>) => s['revisions'] as Revision[];

  it('is refused when it is not JSON, naming the file and the fix', () => {
    const { diagnostics } = parseSnapshot(
      {
        file: 'data/snapshots/2026-q2.json',
        fileName: '2026-q2.json',
        text: '{"quarter": "2026-Q2", "revisions": [',
      },
      CAL,
    );
    expect(diagnostics.map((d) => d.message)).toMatchInlineSnapshot(`
      [
        "not valid JSON: Unexpected end of JSON input",
      ]
    `);
    expect(diagnostics[0]?.hint).toContain('restore the file from version control');
  });

  it('names the field when a hash or a revision number was edited', async () => {
    expect(
      await check((s) => {
        const r = revisions(s)[0];
        if (r) r.inputs['data/sli/shop.csv'] = 'not-a-hash';
      }),
    ).toMatchInlineSnapshot(`
      "data/snapshots/2026-q2.json: revisions[0].inputs.data/sli/shop.csv: must be a sha256 in hex (64 digits 0-9a-f)
        hint: snapshots are written by npm run close; restore the file from version control (git checkout -- <file>) rather than editing it"
    `);
    expect(
      await check((s) => {
        const r = revisions(s)[1];
        if (r) r.revision = 3;
      }),
    ).toMatchInlineSnapshot(`
      "data/snapshots/2026-q2.json: revisions[1].revision: 3, but revisions are numbered 1, 2, … in order, so this one is 2
        hint: snapshots are written by npm run close; restore the file from version control (git checkout -- <file>) rather than editing it"
    `);
  });

  it('is refused when its name and its quarter disagree, or a report lost its SLO ids', async () => {
    expect(await check(() => {}, '2026-q3.json')).toContain(
      'quarter: "2026-Q2" belongs in 2026-q2.json, not 2026-q3.json',
    );
    expect(
      await check((s) => {
        const r = revisions(s)[0];
        if (r) r.report['slos'] = [{ name: 'no id' }];
      }),
    ).toContain('revisions[0].report.slos[0].id: Invalid input: expected string, received undefined');
  });
});
