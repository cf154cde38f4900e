/**
 * SLO-quarter results remembered by everything they are computed from (issue 10: only what
 * changed is recomputed). `evaluateSloQuarter` is a pure function of its input; its rows are
 * named by a digest of the aggregate-cache keys of the files they came from (each key covers the
 * file's bytes, the mappings and the reader's source), so the key of a result is a hash of that
 * digest, the rest of the input and the domain's own source. A build computes the report three
 * times (review narratives, closed quarters, pages) and a rebuild with unchanged inputs computes
 * none: the results come from memory, then from `<SLI cache>/quarters/`.
 *
 * Results are kept serialised (v8's structured clone: every double, -0, NaN and ±Infinity as it
 * was), so no caller ever shares or mutates another's copy.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { SloQuarterInput, SloQuarterResult } from '../domain/slo-quarter.ts';

export interface QuarterMemo {
  /** The remembered result of `compute(input)`, or a new one computed and remembered. */
  remember(
    input: SloQuarterInput,
    rowsDigest: string,
    compute: (input: SloQuarterInput) => SloQuarterResult,
  ): SloQuarterResult;
  /** SLO-quarters computed, and those taken from memory or the disk, since it was opened. */
  readonly counts: { computed: number; reused: number };
}

let domainHash: string | null | undefined;

/** The domain's source, so that a change to a formula never serves an old figure; null in a bundle. */
function domainVersion(): string | null {
  if (domainHash === undefined) {
    try {
      const dir = new URL('../domain/', import.meta.url);
      const hash = createHash('sha256').update(readFileSync(new URL(import.meta.url)));
      for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(new URL(name, dir)));
      domainHash = hash.digest('hex');
    } catch {
      domainHash = null;
    }
  }
  return domainHash;
}

/** Used now: kept by the end-of-build pruning (src/cli/cache-prune.ts); a failure costs nothing. */
function markUsed(file: string): void {
  const now = new Date();
  try {
    utimesSync(file, now, now);
  } catch {
    // Pruned sooner, at worst.
  }
}

/** A memo in memory, and on disk under `dir` when it is given. */
export function openQuarterMemo(dir: string | null): QuarterMemo {
  const version = domainVersion();
  const folder = dir === null || version === null ? null : join(dir, 'quarters');
  const known = new Map<string, Buffer>();
  const counts = { computed: 0, reused: 0 };
  // Rows named for this process only (read without a cache) are never written to disk.
  const onDisk = (digest: string) => folder !== null && !digest.startsWith('process:');
  const read = (key: string, disk: boolean): Buffer | undefined => {
    const inMemory = known.get(key);
    if (inMemory !== undefined || !disk || folder === null) return inMemory;
    try {
      const file = join(folder, `${key}.bin`);
      const bytes = readFileSync(file);
      known.set(key, bytes);
      markUsed(file);
      return bytes;
    } catch {
      return undefined;
    }
  };
  const write = (key: string, bytes: Buffer, disk: boolean) => {
    known.set(key, bytes);
    if (!disk || folder === null) return;
    const tmp = join(folder, `${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      mkdirSync(folder, { recursive: true });
      writeFileSync(tmp, bytes);
      renameSync(tmp, join(folder, `${key}.bin`));
    } catch {
      // The memo only saves time.
      rmSync(tmp, { force: true });
    }
  };
  return {
    counts,
    remember(input, rowsDigest, compute) {
      const disk = onDisk(rowsDigest);
      const key = resultKey(input, rowsDigest, version);
      const bytes = read(key, disk);
      if (bytes !== undefined) {
        try {
          const result = deserialize(bytes) as SloQuarterResult;
          counts.reused++;
          return result;
        } catch {
          // An unreadable entry is computed again.
        }
      }
      const result = compute(input);
      counts.computed++;
      write(key, serialize(result), disk);
      return result;
    },
  };
}

function resultKey(input: SloQuarterInput, rowsDigest: string, version: string | null): string {
  const { buckets: _rows, asOfMs, quarter, ...rest } = input;
  // Only how far into the quarter as-of falls changes a figure (evaluateSloQuarter).
  const within = Math.min(quarter.endMs, Math.max(quarter.startMs, asOfMs));
  return createHash('sha256')
    .update(JSON.stringify([version, rowsDigest, quarter, within, rest]))
    .digest('hex');
}

/** One line for logs: "quarters: 40 SLO-quarters computed, 1,160 unchanged from the cache". */
export function describeQuarterCounts(counts: QuarterMemo['counts']): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `quarters: ${n(counts.computed)} SLO-quarter${counts.computed === 1 ? '' : 's'} computed, ${n(counts.reused)} unchanged from the cache`;
}
