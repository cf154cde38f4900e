/**
 * Runs the real CLI in a child process on Node 24, as `npm run` would, and captures its output.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment a user's shell would give the CLI: vitest's own variables (NODE_ENV=test, MODE,
 * BASE_URL, DEV, PROD, SSR, VITEST…) are removed, since Astro and Vite read several of them.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(NODE_ENV|MODE|BASE_URL|DEV|PROD|SSR|ASSETS_PREFIX|VITEST.*|TEST|__VITEST.*)$/.test(k)) continue;
    env[k] = v;
  }
  // The SLI aggregate cache is off unless a test asks for it, so output never depends on what an
  // earlier run left in node_modules/.cache.
  return { ...env, CI: 'true', LEDGER_CACHE_DIR: 'off', ...extra };
}

export function runCliProcess(
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      cwd: opts.cwd ?? REPO_ROOT,
      env: cleanEnv(opts.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
