/**
 * The whole project type-checks under astro's strictest settings, .astro files included: a type
 * error is a failing test, not a surprise for the next person.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, REPO_ROOT } from '../support/run-cli.ts';

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('types', () => {
  it('astro check reports no error, warning or hint', { timeout: 180_000 }, async () => {
    const { code, output } = await run([join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs'), 'check']);
    expect(output).toMatch(/- 0 errors\s+- 0 warnings/);
    expect(code).toBe(0);
  });
});
