/**
 * Aggregates of SLI files cached by content (SPEC §5): the key is the sha256 of the file's bytes,
 * the mappings of the SLOs that read it and a version of this reader, so an unchanged file is
 * never parsed twice and any change to the file or to how it is read is a miss.
 *
 * An entry is one binary file: a magic, a JSON header (row counts, diagnostics, bucket counts)
 * and the buckets' typed arrays (runs as doubles, counts in their narrowest array, a threshold
 * SLI's measured values as doubles) in the
 * machine's byte order (little-endian on every platform Node supports), which load without
 * parsing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostic.ts';
import type { CompactBuckets, CountArray } from './columns.ts';

/** Bump when the reader's output for the same bytes and mapping changes. */
export const AGGREGATE_CACHE_VERSION = 'sli-aggregate-9';

const MAGIC = Buffer.from('RLAGG\u0000\u0000\u0006', 'latin1');

export interface CachedConsumer {
  sloId: string;
  buckets: CompactBuckets;
  matched: number;
  rows: number;
  kinds: { iso: number; day: number; epochS: number; epochMs: number };
}

/** What reading one file for a set of SLOs produced. */
export interface FileAggregate {
  /** Data records in the file. */
  records: number;
  diagnostics: Diagnostic[];
  consumers: CachedConsumer[];
}

/** Streams the file through sha256 in large reads; 1 GB takes about a second. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(4 << 20);
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      hash.update(buf.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

/**
 * The reader's own source text is part of the key too, when it can be read (not inside a bundle),
 * so that changing the parser during development never serves an aggregate the old code made.
 */
const READER_MODULES = [
  'aggregate-cache.ts',
  'csv.ts',
  'range.ts',
  'columns.ts',
  'dialect.ts',
  'layout.ts',
  'timestamp.ts',
];
let readerHash: string | null = null;

function readerVersion(): string {
  if (readerHash === null) {
    const hash = createHash('sha256').update(AGGREGATE_CACHE_VERSION);
    for (const name of READER_MODULES) {
      try {
        hash.update(readFileSync(new URL(`./${name}`, import.meta.url)));
      } catch {
        hash.update(`${name}: unreadable`);
      }
    }
    readerHash = hash.digest('hex');
  }
  return readerHash;
}

/**
 * The content hash of a file, remembered with its size, inode and modification and change times:
 * while all four are unchanged the bytes are too (ctime moves on every write and cannot be set
 * back by tools), so a second run does not even re-hash a large export.
 */
export async function contentHash(dir: string | null, path: string): Promise<string> {
  const info = await stat(path);
  const identity = { size: info.size, ino: info.ino, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs };
  const memo =
    dir === null
      ? null
      : join(dir, `hash-${createHash('sha256').update(path).digest('hex').slice(0, 32)}.json`);
  if (memo !== null) {
    try {
      const known = JSON.parse(await readFile(memo, 'utf8')) as typeof identity & { hash: string };
      if (
        known.size === identity.size &&
        known.ino === identity.ino &&
        known.mtimeMs === identity.mtimeMs &&
        known.ctimeMs === identity.ctimeMs
      ) {
        await touch(memo);
        return known.hash;
      }
    } catch {
      // No memo yet, or an unreadable one: hash the file.
    }
  }
  const hash = await hashFile(path);
  if (memo !== null) {
    try {
      await mkdir(dir ?? '', { recursive: true });
      const tmp = `${memo}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(tmp, JSON.stringify({ ...identity, hash }));
      await rename(tmp, memo);
    } catch {
      // The memo only saves time.
    }
  }
  return hash;
}

export function cacheKey(contentHash: string, display: string, readers: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([readerVersion(), contentHash, display, readers]))
    .digest('hex');
}

export async function loadAggregate(dir: string, key: string): Promise<FileAggregate | null> {
  let buf: Buffer;
  const file = join(dir, `${key}.bin`);
  try {
    buf = await readFile(file);
    // Used now: kept by the end-of-build pruning (src/cli/cache-prune.ts).
    await touch(file);
  } catch {
    return null;
  }
  try {
    if (!buf.subarray(0, 8).equals(MAGIC)) return null;
    const headerLength = buf.readUInt32LE(8);
    const header = JSON.parse(buf.toString('utf8', 12, 12 + headerLength)) as {
      records: number;
      diagnostics: Diagnostic[];
      consumers: (Omit<CachedConsumer, 'buckets'> & {
        count: number;
        runs: number;
        good: ArrayKind;
        total: ArrayKind;
        values: boolean;
      })[];
    };
    let at = align8(12 + headerLength);
    const view = <T>(
      make: (buffer: ArrayBuffer, offset: number, length: number) => T,
      bytesPer: number,
      n: number,
    ): T => {
      const bytes = buf.subarray(at, at + n * bytesPer);
      at = align8(at + n * bytesPer);
      if (bytes.length !== n * bytesPer) throw new RangeError('truncated cache entry');
      // A view when aligned (the usual case for a fresh read), else a copy.
      return bytes.byteOffset % bytesPer === 0 && bytes.buffer instanceof ArrayBuffer
        ? make(bytes.buffer, bytes.byteOffset, n)
        : make(new Uint8Array(bytes).buffer, 0, n);
    };
    const counts = (kind: ArrayKind, n: number): CountArray => {
      const k = ARRAY_KINDS[kind];
      return view((b, o, l) => new k.type(b, o, l), k.bytes, n);
    };
    const consumers = header.consumers.map(({ count, runs, good, total, values, ...rest }) => {
      const buckets: CompactBuckets = {
        count,
        runs: view((b, o, l) => new Float64Array(b, o, l), 8, runs * 3),
        good: counts(good, count),
        total: counts(total, count),
      };
      if (values) buckets.values = view((b, o, l) => new Float64Array(b, o, l), 8, count);
      return { ...rest, buckets };
    });
    return { records: header.records, diagnostics: header.diagnostics, consumers };
  } catch {
    return null;
  }
}

/** Written to a temporary name and renamed, so a reader never sees half an entry. */
export async function storeAggregate(dir: string, key: string, value: FileAggregate): Promise<void> {
  await mkdir(dir, { recursive: true });
  const header = Buffer.from(
    JSON.stringify({
      records: value.records,
      diagnostics: value.diagnostics,
      consumers: value.consumers.map(({ buckets, ...rest }) => ({
        ...rest,
        count: buckets.count,
        runs: buckets.runs.length / 3,
        good: kindOf(buckets.good),
        total: kindOf(buckets.total),
        values: buckets.values !== undefined,
      })),
    }),
    'utf8',
  );
  const lead = Buffer.alloc(align8(12 + header.length));
  MAGIC.copy(lead, 0);
  lead.writeUInt32LE(header.length, 8);
  header.copy(lead, 12);
  const tmp = join(dir, `${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(tmp, 'w');
  try {
    await handle.write(lead);
    for (const c of value.consumers) {
      const { runs, good, total, values } = c.buckets;
      for (const array of values ? [runs, good, total, values] : [runs, good, total]) {
        await handle.write(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
        const pad = align8(array.byteLength) - array.byteLength;
        if (pad > 0) await handle.write(Buffer.alloc(pad));
      }
    }
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, join(dir, `${key}.bin`));
  } catch {
    await rm(tmp, { force: true });
  }
}

type ArrayKind = 'u8' | 'u16' | 'u32' | 'f64';
const ARRAY_KINDS = {
  u8: { type: Uint8Array, bytes: 1 },
  u16: { type: Uint16Array, bytes: 2 },
  u32: { type: Uint32Array, bytes: 4 },
  f64: { type: Float64Array, bytes: 8 },
} as const;

function kindOf(a: CountArray): ArrayKind {
  return a instanceof Uint8Array
    ? 'u8'
    : a instanceof Uint16Array
      ? 'u16'
      : a instanceof Uint32Array
        ? 'u32'
        : 'f64';
}

/** Marks a cache file as used now; a failure only lets it be pruned sooner. */
export async function touch(file: string): Promise<void> {
  const now = new Date();
  await utimes(file, now, now).catch(() => undefined);
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
