// Closes the demo organisation's quarters (SPEC §2: "a closed and an amended quarter") with the
// real `close` command, so that data/snapshots/ is reproducible rather than hand-made.
// Run after `npm run demo`:  npx node scripts/close-demo.ts
//
//   2026-Q1  closed once (revision 1).
//   2026-Q2  revision 1 closed from the first, faulty checkout export — the same data with
//            health-check failures counted as failed requests on 3 June, 10:00–14:00 UTC — and
//            revision 2 amended from the corrected export that data/ holds.
//
// Deterministic: a snapshot records the data's as-of time, never the wall clock, so running this
// twice writes the same files. It deletes and rewrites only data/snapshots/.
import { copyFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli/main.ts';
import { processEffects } from '../src/cli/effects.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = join(ROOT, 'data');

const NOTE_CLOSED = 'Closed after the quarterly review with the service owners.';
const NOTE_AMENDED =
  "Corrected checkout-api export: the first one counted the load balancer's health-check failures " +
  'on 3 June, 10:00–14:00 UTC, as failed checkout requests. Checkout availability for the quarter rises accordingly.';

/** The faulty first export: 2% of the requests of those four hours marked failed. */
const FAULTY_HOURS = [
  '2026-06-03T10:00:00Z',
  '2026-06-03T11:00:00Z',
  '2026-06-03T12:00:00Z',
  '2026-06-03T13:00:00Z',
];

function faultyExport(csv: string): string {
  let changed = 0;
  const out = csv.replace(
    /^(\S+?),checkout,(\d+),(\d+)$/gm,
    (line, ts: string, good: string, total: string) => {
      if (!FAULTY_HOURS.includes(ts)) return line;
      changed++;
      return `${ts},checkout,${Number(good) - Math.round(Number(total) * 0.02)},${total}`;
    },
  );
  if (changed !== FAULTY_HOURS.length)
    throw new Error(
      `expected ${FAULTY_HOURS.length} checkout rows on 3 June in data/sli/checkout.csv, found ${changed}`,
    );
  return out;
}

async function close(args: string[]): Promise<void> {
  const code = await runCli(['close', ...args], { ...processEffects(), cwd: ROOT });
  if (code !== 0) throw new Error(`npm run close -- ${args.join(' ')} failed (exit ${code})`);
}

await rm(join(DATA, 'snapshots'), { recursive: true, force: true });
await close(['2026-Q1', '--note', NOTE_CLOSED]);

const faulty = await mkdtemp(join(tmpdir(), 'ledger-demo-first-export-'));
try {
  await cp(DATA, join(faulty, 'data'), { recursive: true });
  const csv = join(faulty, 'data', 'sli', 'checkout.csv');
  await writeFile(csv, faultyExport(await readFile(csv, 'utf8')));
  await close(['2026-Q2', '--data', join(faulty, 'data'), '--note', NOTE_CLOSED]);
  await copyFile(join(faulty, 'data', 'snapshots', '2026-q2.json'), join(DATA, 'snapshots', '2026-q2.json'));
} finally {
  await rm(faulty, { recursive: true, force: true });
}

await close(['2026-Q2', '--amend', '--note', NOTE_AMENDED]);
