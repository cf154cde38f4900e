/**
 * Builds the fixture ledger and the demo organisation once, with the real CLI, into a temporary
 * directory; the integration and end-to-end tests read what was built.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { runCliProcess } from '../support/run-cli.ts';
import '../support/sites.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/ledgers/small/', import.meta.url));

async function buildSite(args: string[], out: string, cache: string): Promise<void> {
  const run = await runCliProcess(['build', ...args, '--out', out, '--cache-dir', cache]);
  if (run.code !== 0)
    throw new Error(`build ${args.join(' ')} failed (exit ${run.code}):\n${run.stderr}\n${run.stdout}`);
}

export default async function setup(project: TestProject) {
  const root = await mkdtemp(join(tmpdir(), 'ledger-sites-'));
  const fixtureSite = join(root, 'fixture');
  const fixtureInternalSite = join(root, 'fixture-internal');
  const demoSite = join(root, 'demo');
  const fixtureInputs = ['--data', join(FIXTURE, 'data'), '--content', join(FIXTURE, 'content')];
  await buildSite(fixtureInputs, fixtureSite, join(root, 'cache-fixture'));
  await buildSite(
    [...fixtureInputs, '--audience', 'internal'],
    fixtureInternalSite,
    join(root, 'cache-fixture-internal'),
  );
  await buildSite([], demoSite, join(root, 'cache-demo'));
  project.provide('fixtureSite', fixtureSite);
  project.provide('fixtureInternalSite', fixtureInternalSite);
  project.provide('demoSite', demoSite);
  return async () => {
    await rm(root, { recursive: true, force: true });
  };
}
