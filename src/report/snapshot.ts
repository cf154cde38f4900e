/**
 * Closed quarters (SPEC §10). A snapshot holds every published revision of one quarter's review:
 * the report as it was published, the sha256 of every input file that contributed, the tool
 * version and a note. The site renders a closed quarter from its latest revision; a build that
 * would compute different figures stops (see restatement.ts).
 *
 * A snapshot stores the review as an internal audience sees it, drafts left out: drafts count in
 * no figure, and a public build filters the internal incidents out when it renders (`audienceView`),
 * so one snapshot serves both audiences and the restatement check does not depend on who builds.
 */
import { compareText } from '../domain/compare-text.ts';
import type { InputFile, LedgerFiles } from '../ingest/input-files.ts';
import type { LedgerReport, QuarterReport } from './quarter-report.ts';

export interface SnapshotRevision {
  /** 1, 2, …: the order of publication. */
  revision: number;
  /** Why this revision was published ("Corrected export of 12 May"); may be empty for revision 1. */
  note: string;
  /** The `version` of package.json that computed the report. */
  toolVersion: string;
  /**
   * The as-of time of the data when the revision was published — never the wall clock, so that
   * closing the same inputs twice writes the same file.
   */
  asOf: string;
  /** sha256 of each input file that contributed, by key (`data/sli/checkout.csv`). */
  inputs: Record<string, string>;
  /** The review JSON (SPEC §11) as published, with `revision` set. */
  report: QuarterReport;
  /**
   * sha256 of this revision's own JSON without this field (ingest/snapshots.ts), so that a hand
   * edit is told apart from a changed computation. Absent in snapshots written before it existed:
   * those are read as unverified.
   */
  digest?: string;
}

export interface Snapshot {
  quarter: string;
  /** Oldest first; never empty. */
  revisions: SnapshotRevision[];
}

export function latestRevision(snapshot: Snapshot): SnapshotRevision {
  const last = snapshot.revisions[snapshot.revisions.length - 1];
  if (last === undefined) throw new Error(`snapshot of ${snapshot.quarter} has no revision`);
  return last;
}

/** What a snapshot records of a quarter: everything but draft write-ups, which count in no figure. */
export function closedView(q: QuarterReport): QuarterReport {
  return { ...q, incidents: q.incidents.filter((i) => i.status !== 'draft') };
}

/** A published report as an audience may read it: public builds list public write-ups only. */
export function audienceView(q: QuarterReport, audience: 'public' | 'internal'): QuarterReport {
  return audience === 'internal'
    ? q
    : { ...q, incidents: q.incidents.filter((i) => i.visibility === 'public' && i.status !== 'draft') };
}

/** The files that contributed to a quarter: the shared inputs and the postmortems it lists. */
export function contributingFiles(files: LedgerFiles, q: QuarterReport): InputFile[] {
  const postmortems = closedView(q)
    .incidents.map((i) => files.postmortems.get(i.id))
    .filter((f): f is InputFile => f !== undefined);
  return [...files.shared, ...postmortems].sort((a, b) => compareText(a.key, b.key));
}

/** A new snapshot with one more revision; revision 1 when there was none. */
export function appendRevision(
  previous: Snapshot | null,
  next: Omit<SnapshotRevision, 'revision' | 'report'> & { report: QuarterReport },
): Snapshot {
  const revision = (previous?.revisions.length ?? 0) + 1;
  const entry: SnapshotRevision = {
    revision,
    note: next.note,
    toolVersion: next.toolVersion,
    asOf: next.asOf,
    inputs: next.inputs,
    report: { ...closedView(next.report), revision },
  };
  return { quarter: next.report.quarter, revisions: [...(previous?.revisions ?? []), entry] };
}

export interface RevisionSummary {
  revision: number;
  note: string;
  asOf: string;
  toolVersion: string;
  latest: boolean;
}

export interface ClosedQuarter {
  quarter: string;
  slug: string;
  /** Every revision's report as this audience may read it, oldest first. */
  revisions: { summary: RevisionSummary; report: QuarterReport }[];
}

/**
 * The ledger as the site publishes it: each closed quarter replaced by its latest revision (with
 * `revision` set), the others as computed. The build has already checked that the figures agree.
 */
export function publishedLedger(
  ledger: LedgerReport,
  snapshots: ReadonlyMap<string, Snapshot>,
  audience: 'public' | 'internal',
): { report: LedgerReport; closed: Map<string, ClosedQuarter> } {
  const closed = new Map<string, ClosedQuarter>();
  for (const [quarter, snapshot] of snapshots) {
    const last = latestRevision(snapshot);
    closed.set(quarter, {
      quarter,
      slug: last.report.slug,
      revisions: snapshot.revisions.map((r) => ({
        summary: {
          revision: r.revision,
          note: r.note,
          asOf: r.asOf,
          toolVersion: r.toolVersion,
          latest: r === last,
        },
        report: audienceView({ ...r.report, revision: r.revision }, audience),
      })),
    });
  }
  const quarters = ledger.quarters.map((q) => {
    const c = closed.get(q.quarter);
    const last = c?.revisions[c.revisions.length - 1];
    return last ? last.report : q;
  });
  return { report: { ...ledger, quarters }, closed };
}
