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
  { ok: true; head: CsvHead } | { ok: false; reason: 'empty' | 'header-too-long' | 'json' };

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
  let offset = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let line = 0;
  let delimiter: string | null = null;
  for (;;) {
    const nl = bytes.indexOf(10, offset);
    if (nl === -1 && bytes.length < size) return { ok: false, reason: 'header-too-long' };
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
    return {
      ok: true,
      head: { delimiter: d, header: splitHeader(text, d), headerLine: line, dataStart: offset, size },
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
