/**
 * The dialect of a CSV export, read from its first lines (SPEC §5): a UTF-8 BOM, Excel's `sep=`
 * line, the delimiter (`,` or `;`, whichever the header uses more), and the header's fields.
 * Only the head is read here, with a small splitter of its own; the rows after it are tokenised
 * by csv-parse (range.ts) with the delimiter found here.
 */
import { open } from 'node:fs/promises';

export interface CsvHead {
  delimiter: string;
  header: string[];
  /** 1-based line of the header. */
  headerLine: number;
  /** Byte offset of the first line after the header. */
  dataStart: number;
  size: number;
}

export type CsvHeadResult =
  | { ok: true; head: CsvHead }
  | { ok: false; reason: 'empty' | 'header-too-long' | 'json' }
  | { ok: false; reason: 'encoding'; encoding: string }
  | { ok: false; reason: 'too-many-columns'; columns: number };

/** Past this many columns a header is not an SLI export (a wide Grafana one has dozens). */
export const MAX_COLUMNS = 10_000;

/**
 * What the first bytes say the file is, when it is not UTF-8 text: a UTF-16 or UTF-32 byte order
 * mark, gzip's magic number, or NUL bytes (binary). Without this a UTF-16 export would be read as
 * a header of control characters.
 */
export function sniffEncoding(bytes: Uint8Array): string | null {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return 'UTF-32 (little-endian byte order mark)';
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'UTF-32 (big-endian byte order mark)';
  if (a === 0xff && b === 0xfe) return 'UTF-16 (little-endian byte order mark)';
  if (a === 0xfe && b === 0xff) return 'UTF-16 (big-endian byte order mark)';
  if (a === 0x1f && b === 0x8b) return 'gzip-compressed';
  if (a === 0x50 && b === 0x4b && c === 3 && d === 4) return 'a zip archive (an Excel .xlsx file?)';
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return 'binary (it holds NUL bytes; UTF-16 without a byte order mark?)';
  return null;
}

const HEAD_BYTES = 64 * 1024;

export async function readCsvHead(path: string): Promise<CsvHeadResult> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const buf = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return findHead(buf.subarray(0, bytesRead), size);
  } finally {
    await handle.close();
  }
}

export function findHead(bytes: Buffer, size: number): CsvHeadResult {
  const encoding = sniffEncoding(bytes);
  if (encoding !== null) return { ok: false, reason: 'encoding', encoding };
  let offset = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let line = 0;
  let delimiter: string | null = null;
  for (;;) {
    const nl = bytes.indexOf(10, offset);
    if (nl === -1 && bytes.length < size) {
      let columns = 1;
      for (let i = offset; i < bytes.length; i++) if (bytes[i] === 44 || bytes[i] === 59) columns++;
      return columns > MAX_COLUMNS
        ? { ok: false, reason: 'too-many-columns', columns }
        : { ok: false, reason: 'header-too-long' };
    }
    const end = nl === -1 ? bytes.length : nl;
    const text = bytes.toString('utf8', offset, end).replace(/\r$/, '');
    line++;
    offset = nl === -1 ? bytes.length : nl + 1;
    if (text.trim() === '') {
      if (nl === -1) return { ok: false, reason: 'empty' };
      continue;
    }
    if (delimiter === null && /^\s*[{[]/.test(text)) return { ok: false, reason: 'json' };
    const sep = /^"?sep=(.)"?\s*$/i.exec(text);
    if (sep?.[1] !== undefined && delimiter === null) {
      delimiter = sep[1];
      continue;
    }
    const d = delimiter ?? detectDelimiter(text);
    const header = splitHeader(text, d);
    if (header.length > MAX_COLUMNS) return { ok: false, reason: 'too-many-columns', columns: header.length };
    return {
      ok: true,
      head: { delimiter: d, header, headerLine: line, dataStart: offset, size },
    };
  }
}

/** The more frequent of `,` and `;` outside quotes; `,` on a tie (a one-column header). */
function detectDelimiter(header: string): string {
  let commas = 0;
  let semis = 0;
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semis++;
  }
  return semis > commas ? ';' : ',';
}

/**
 * The fields of the header line: `""` is an escaped quote, unquoted names are trimmed, quoted
 * ones kept as written.
 */
function splitHeader(line: string, delimiter: string): string[] {
  if (line.indexOf('"') === -1) return line.split(delimiter);
  const out: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? '';
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      wasQuoted = true;
      field = '';
    } else if (ch === delimiter) {
      out.push(wasQuoted ? field : field.trim());
      field = '';
      wasQuoted = false;
    } else if (!(wasQuoted && (ch === ' ' || ch === '\t'))) field += ch;
  }
  out.push(wasQuoted ? field : field.trim());
  return out;
}
