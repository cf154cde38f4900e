/**
 * The repository stands on its own: a user's clone has no sibling folder of specifications or
 * samples, so no file may send the reader to one (the README once pointed to such a specification).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('the repository stands on its own', () => {
  it('no tracked file points outside the repository to a shared folder', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter((f) => f !== '' && !/\.(png|jpg|ico|bin|gz)$/.test(f));
    // Spelled in two parts so that this test does not find itself.
    const outside = new RegExp(['\\.\\./sha', 'red\\b|/work/sha', 'red\\b'].join(''));
    const offenders = files.filter((f) => {
      try {
        return outside.test(readFileSync(f, 'utf8'));
      } catch {
        return false;
      }
    });
    expect(offenders).toEqual([]);
  });
});
