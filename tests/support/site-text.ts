/**
 * A built file's text as a privacy scan must read it: Pagefind's index and fragments
 * (`pagefind/**\/*.pf_*`) are gzip-compressed, so a plain read would never find a secret in them.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';

export async function readSiteText(file: string): Promise<string> {
  const bytes = await readFile(file);
  if (/\.pf_(fragment|index|meta|filter)$/.test(file)) return gunzipSync(bytes).toString('utf8');
  return bytes.toString('utf8');
}
