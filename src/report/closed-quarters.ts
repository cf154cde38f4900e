/**
 * Closed quarters against today's inputs (SPEC §10): the restatement check every build runs, and
 * the recomputation and input hashes `npm run close` records. Pure: the ledger was loaded (with its
 * files' hashes) before; the CLI prints what this returns.
 */
import { compareText } from '../domain/compare-text.ts';
import { join } from 'node:path';
import { parseQuarterId } from '../domain/quarter.ts';
import type { InputFile } from '../ingest/input-files.ts';
import { isVerifiedSnapshot, snapshotFileName } from '../ingest/snapshots.ts';
import type { Ledger } from '../ingest/load-ledger.ts';
import { displayPath, type LedgerPaths } from '../ingest/ledger-paths.ts';
import { buildLedgerReport, type LedgerReport, type QuarterReport } from './quarter-report.ts';
import { diffInputs, diffQuarterReports, type FigureChange, type Restatement } from './restatement.ts';
import {
  closedView,
  contributingFiles,
  latestRevision,
  publishedSnapshots,
  type SnapshotRevision,
} from './snapshot.ts';

/**
 * The ledger as every audience's figures are computed: snapshots record the internal view, so
 * the check does not depend on `--audience`.
 */
export function computeForSnapshots(ledger: Ledger, asOfMs: number | undefined): LedgerReport {
  return buildLedgerReport({ ...ledger, settings: { ...ledger.settings, audience: 'internal' } }, { asOfMs });
}

/**
 * The current hashes of a quarter's files, and of any file the revision recorded that still
 * exists, in key order. The ledger must have been loaded with its hashes.
 */
export function currentInputs(
  ledger: Ledger,
  q: QuarterReport | undefined,
  published: SnapshotRevision | null,
): Record<string, string> {
  const { files, hashes } = ledger;
  if (hashes === null) throw new Error('the ledger was loaded without its hashes');
  const list: InputFile[] = q ? contributingFiles(files, q) : [...files.shared];
  const have = new Set(list.map((f) => f.key));
  if (published) {
    for (const f of files.postmortems.values())
      if (f.key in published.inputs && !have.has(f.key)) list.push(f);
  }
  const out: Record<string, string> = {};
  for (const f of list.sort((a, b) => compareText(a.key, b.key))) {
    const hash = hashes[f.key];
    if (hash !== undefined) out[f.key] = hash;
  }
  return out;
}

/** `data/…` and `content/…` keys as the user would type the path. */
export function displayKey(paths: LedgerPaths): (key: string) => string {
  return (key) => {
    if (key.startsWith('data/')) return displayPath(paths, join(paths.dataDir, key.slice('data/'.length)));
    if (key.startsWith('content/'))
      return displayPath(paths, join(paths.contentDir, key.slice('content/'.length)));
    return key;
  };
}

export interface ClosedQuartersCheck {
  /** How many quarters are closed. */
  closed: number;
  restatements: Restatement[];
}

/** The restatement check of SPEC §10: every closed quarter recomputed and compared with its latest revision. */
export function checkClosedQuarters(
  ledger: Ledger,
  opts: { asOfMs: number | undefined; toolVersion: string; commandOptions?: string },
): ClosedQuartersCheck {
  const snapshots = publishedSnapshots(ledger.snapshots);
  if (snapshots.size === 0) return { closed: 0, restatements: [] };
  const report = computeForSnapshots(ledger, opts.asOfMs);
  const restatements: Restatement[] = [];
  for (const snapshot of [...snapshots.values()].sort((a, b) => compareText(a.quarter, b.quarter))) {
    const last = latestRevision(snapshot);
    const recomputed = report.quarters.find((q) => q.quarter === snapshot.quarter);
    const figures: FigureChange[] = recomputed
      ? diffQuarterReports(last.report, closedView(recomputed))
      : [{ path: 'state', published: last.report.state, recomputed: undefined }];
    if (figures.length === 0) continue;
    restatements.push({
      quarter: snapshot.quarter,
      revision: last.revision,
      publishedAsOf: last.asOf,
      figures,
      inputs: diffInputs(last.inputs, currentInputs(ledger, recomputed, last)),
      publishedToolVersion: last.toolVersion,
      toolVersion: opts.toolVersion,
      displayKey: displayKey(ledger.paths),
      commandOptions: opts.commandOptions ?? '',
      snapshotFile: displayPath(
        ledger.paths,
        join(
          ledger.paths.dataDir,
          'snapshots',
          snapshotFileName(
            parseQuarterId(snapshot.quarter, ledger.settings.calendar)?.slug ??
              snapshot.quarter.toLowerCase(),
          ),
        ),
      ),
      snapshotVerified: isVerifiedSnapshot(snapshot),
    });
  }
  return { closed: snapshots.size, restatements };
}
