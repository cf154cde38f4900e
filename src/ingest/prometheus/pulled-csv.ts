/**
 * The CSV file `npm run pull` writes and extends: read whole (the rows are few: a quarter of 5m
 * steps is about 26,000), merged by series and timestamp, written to a temporary file beside it
 * and renamed over it, so that a reader never sees half a file.
 */
import { rename, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';

export interface CsvTable {
  header: string[];
  rows: string[][];
}

export type TableResult = { ok: true; table: CsvTable | null } | { ok: false; message: string };

/** The file's rows as text; null when it does not exist yet. */
export async function readCsvTable(path: string): Promise<TableResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, table: null };
    return { ok: false, message: `cannot read it: ${(e as Error).message}` };
  }
  return parseCsvTable(text);
}

export function parseCsvTable(text: string): TableResult {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: true, table: null };
  const firstLine = body.slice(0, body.indexOf('\n') === -1 ? undefined : body.indexOf('\n'));
  if (!firstLine.includes(',') && firstLine.includes(';'))
    return {
      ok: false,
      message: 'it is separated by ";"; pull writes comma-separated files: point sli.source at a new file',
    };
  try {
    const records = parse(body, { relaxColumnCount: true, skipEmptyLines: true }) as string[][];
    const [header, ...rows] = records;
    return { ok: true, table: { header: header ?? [], rows } };
  } catch (e) {
    return { ok: false, message: `it is not a readable CSV: ${(e as Error).message}` };
  }
}

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCsvTable(table: CsvTable): string {
  return [table.header, ...table.rows].map((r) => r.map(field).join(',')).join('\n') + '\n';
}

/** Writes beside the target and renames over it: the old file stays whole until the new one is. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, text);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
