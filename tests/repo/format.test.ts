/**
 * The formatter settles layout (STYLE.md rule 20): every source file is as Prettier writes it,
 * so reviews talk about design, not whitespace. Fix with `npm run format`.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('formatting', () => {
  it('every TypeScript, JavaScript and CSS file is formatted by Prettier', () => {
    let output = '';
    try {
      output = execFileSync('npx', ['prettier', '--list-different', '**/*.{ts,mjs,js,css}'], {
        encoding: 'utf8',
      });
    } catch (error) {
      // --list-different exits 1 and lists the files when any differ.
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output.trim().split('\n').filter(Boolean), 'run `npm run format`').toEqual([]);
  });
});
