import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs in parallel and needs nothing built; `site` builds real sites once
// (tests/setup/build-sites.ts) and drives them, one file at a time.
export default defineConfig({
  test: {
    // On CI a JSON summary is written too, for .ci/run's closing "N passed, N failed" line.
    reporters: process.env['CI']
      ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]]
      : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/{domain,ingest,report,cli,charts,repo,site,prometheus,security}/**/*.test.ts'],
          setupFiles: ['tests/setup/fast-check.ts'],
          // Many tests run the CLI in a child process; 5 s is too short on a busy 2-core runner.
          // A bound against hangs, not a speed target (speed is measured by npm run bench).
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/{integration,e2e}/**/*.test.ts'],
          globalSetup: ['tests/setup/build-sites.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
