/**
 * Aggregates of SLI files cached by content (SPEC §5): the key is the sha256 of the file's bytes,
 * the mappings of the SLOs that read it and a version of this reader, so an unchanged file is
 * never parsed twice and any change to the file or to how it is read is a miss.
 *
 * An entry is one binary file: a magic, a JSON header (row counts, diagnostics, bucket counts)
 * and the buckets as raw little-endian doubles, which load without parsing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from './diagnostic.ts';
import type { BucketColumns } from './sli-columns.ts';

/** Bump when the reader's output for the same bytes and mapping changes. */
export const AGGREGATE_CACHE_VERSION = 'sli-aggregate-3';

const MAGIC = Buffer.from('RLAGG\u0000\u0000\u0003', 'latin1');

export interface CachedConsumer {
  sloId: string;
  columns: BucketColumns;
  matched: number;
  rows: number;
  kinds: { iso: number; epochS: number; epochMs: number };
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

export function cacheKey(contentHash: string, display: string, readers: unknown): string {
  return createHash('sha256').update(JSON.stringify([AGGREGATE_CACHE_VERSION, contentHash, display, readers])).digest('hex');
}

export async function loadAggregate(dir: string, key: string): Promise<FileAggregate | null> {
  let buf: Buffer;
  try {
    buf = await readFile(join(dir, `${key}.bin`));
  } catch {
    return null;
  }
  try {
    if (!buf.subarray(0, 8).equals(MAGIC)) return null;
    const headerLength = buf.readUInt32LE(8);
    const header = JSON.parse(buf.toString('utf8', 12, 12 + headerLength)) as {
      records: number;
      diagnostics: Diagnostic[];
      consumers: (Omit<CachedConsumer, 'columns'> & { count: number })[];
    };
    let at = align8(12 + headerLength);
    const column = (n: number): Float64Array => {
      const bytes = buf.subarray(at, at + n * 8);
      at += n * 8;
      if (bytes.length !== n * 8) throw new RangeError('truncated cache entry');
      // A view when aligned (the usual case for a fresh read), else a copy.
      return bytes.byteOffset % 8 === 0 ? new Float64Array(bytes.buffer, bytes.byteOffset, n) : new Float64Array(new Uint8Array(bytes).buffer);
    };
    const consumers = header.consumers.map(({ count, ...rest }) => ({
      ...rest,
      columns: { startMs: column(count), good: column(count), total: column(count) },
    }));
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
      consumers: value.consumers.map(({ columns, ...rest }) => ({ ...rest, count: columns.startMs.length })),
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
      for (const col of [c.columns.startMs, c.columns.good, c.columns.total]) {
        await handle.write(new Uint8Array(col.buffer, col.byteOffset, col.byteLength));
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

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
