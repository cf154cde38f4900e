/**
 * A short name for a set of inputs, for the footer of every page ("inputs 3f9a2c", SPEC §9.4):
 * the first 6 hex characters of a sha256 over the sorted `path hash` lines. The same files give
 * the same digest on any machine and in any folder; any changed byte gives another.
 */
import { createHash } from 'node:crypto';

export const INPUT_DIGEST_LENGTH = 6;

export function inputDigest(hashes: Readonly<Record<string, string>>): string {
  const lines = Object.keys(hashes)
    .sort()
    .map((path) => `${path} ${hashes[path]}\n`);
  return createHash('sha256').update(lines.join('')).digest('hex').slice(0, INPUT_DIGEST_LENGTH);
}
