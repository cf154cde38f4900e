/**
 * Property-based fuzzing of the readers that take untrusted text (issue 11): the CSV reader, the
 * front matter reader, the SLO catalog readers, the settings reader and the CLI option parser.
 * Arbitrary input may only ever give the project's own diagnostics (or, for options, a CliError):
 * never another exception, never a hang. Valid exports give the same aggregates whatever the row
 * order, line endings, BOM or the number of threads reading them.
 *
 * Seeded by tests/setup/fast-check.ts. `npm run fuzz` runs many more cases (FUZZ_RUNS, default
 * 5,000) with a fresh seed it prints; FC_SEED replays one.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/cli-error.ts';
import { asOfFrom, parseCommandArgs } from '../../src/cli/options.ts';
import { DIAGNOSTIC_CODES } from '../../src/ingest/diagnostic-codes.ts';
import type { Diagnostic } from '../../src/ingest/diagnostic.ts';
import { parseExclusions } from '../../src/ingest/exclusions.ts';
import { splitFrontMatter } from '../../src/ingest/front-matter.ts';
import { parsePostmortem } from '../../src/ingest/postmortem-files.ts';
import { parseSettings } from '../../src/ingest/settings.ts';
import { createSliAccumulator, finishSliAccumulator, readSliCsv } from '../../src/ingest/sli/csv.ts';
import { parseSloCatalog } from '../../src/ingest/catalog/read.ts';
import { sliMapping } from '../support/sli-mapping.ts';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 0) || undefined;
const runs = (n: number) => ({ numRuns: RUNS ?? n });
/** A long run (`npm run fuzz`) takes as long as it takes. */
const timeout = (ms: number) => (RUNS ? 24 * 3_600_000 : ms);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ledger-fuzz-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Every diagnostic is one of the catalogue's, with a place and a short message. */
function expectDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    expect(Object.keys(DIAGNOSTIC_CODES)).toContain(d.code);
    expect(d.file.length).toBeGreaterThan(0);
    expect(d.message.length).toBeLessThanOrEqual(2000);
  }
}

/** Text that looks enough like the real thing to reach deep into the readers. */
const yamlish = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.anything({ maxDepth: 4 }).map((v) => stringify(v ?? null)),
  fc
    .array(
      fc.constantFrom(
        'slos:',
        '  - id: a',
        '    objective: 99.9%',
        '    sli:',
        '      source: sli/a.csv',
        '      step: 99999999w',
        'apiVersion: openslo/v1',
        'kind: SLO',
        '&a [x, *a]',
        '*b',
        '[[[[',
        '---',
        'service: x',
        '  : :',
        '"\\u0000"',
        "timezone: 'Mars/Base'",
      ),
      { maxLength: 20 },
    )
    .map((lines) => lines.join('\n')),
);

describe('the YAML readers, given arbitrary text', () => {
  it('the SLO catalog gives diagnostics, never another exception', () => {
    fc.assert(
      fc.property(yamlish, yamlish, (a, b) => {
        const { diagnostics } = parseSloCatalog([
          { file: 'data/slos/a.yaml', text: a },
          { file: 'data/slos/b.yaml', text: b },
        ]);
        expectDiagnostics(diagnostics);
      }),
      runs(300),
    );
  });

  it('the settings and exclusions give diagnostics, never another exception', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        expectDiagnostics(parseSettings('data/ledger.yaml', text).diagnostics);
        expectDiagnostics(parseExclusions('data/exclusions.yaml', text).diagnostics);
      }),
      runs(300),
    );
  });
});

describe('the front matter reader, given arbitrary text', () => {
  const fence = fc.constantFrom('---', '---js', '---coffee', '--- ', '---\r', '', '----', '+++');
  it('splits or refuses, and never evaluates a language tag', () => {
    fc.assert(
      fc.property(fence, yamlish, fence, fc.string({ maxLength: 200 }), (open, matter, close, body) => {
        const text = `${open}\n${matter}\n${close}\n${body}`;
        const split = splitFrontMatter('x.md', text);
        expectDiagnostics(split.diagnostics);
        if (/^---\S/.test(open) && open.trim() !== '---' && !/^---[ \t\r]*$/.test(open)) {
          expect(split.frontMatter).toBeNull();
        }
        const parsed = parsePostmortem({ file: 'content/postmortems/x.md', slug: 'x', text });
        expectDiagnostics(parsed.diagnostics);
      }),
      runs(400),
    );
  });
});

describe('the CLI option parser, given arbitrary arguments', () => {
  const arg = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom('--data', '--content', '--as-of', '--audience', '--format', '-h', '--', '--out', '--x'),
  );
  it('accepts or throws a CliError, nothing else', () => {
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 8 }), (args) => {
        try {
          const { values } = parseCommandArgs(args, { format: { type: 'string' } });
          asOfFrom(values['as-of']);
        } catch (e) {
          expect(e).toBeInstanceOf(CliError);
        }
      }),
      runs(500),
    );
  });
});

let fileNo = 0;
async function readCsv(bytes: Buffer | string, parallelAbove = Infinity) {
  const path = join(dir, `f${fileNo++}.csv`);
  await writeFile(path, bytes);
  const acc = createSliAccumulator({ sloId: 'fuzz', mapping: sliMapping({ series: null }) });
  const result = await readSliCsv(path, 'data/sli/fuzz.csv', [acc], { parallelAbove });
  return { result, aggregate: finishSliAccumulator(acc) };
}

describe('the CSV reader', () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('"', '""', '"a,b"', '1e400', '9007199254740993', '-1', 'NaN', '0x10', '\u0000', '\ufeff'),
    fc.integer().map(String),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  );
  const csvText = fc
    .array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 12 })
    .map((rows) => ['timestamp,good,total', ...rows.map((r) => r.join(','))].join('\n'));

  it(
    'gives diagnostics for arbitrary text and bytes, never another exception',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            csvText,
            fc.string({ maxLength: 300 }),
            fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
          ),
          async (input) => {
            const { result } = await readCsv(input);
            expectDiagnostics(result.diagnostics);
          },
        ),
        runs(150),
      );
    },
    timeout(120_000),
  );

  /** Valid rows: one per hour from 2026-07-01, good ≤ total. */
  const rows = fc
    .uniqueArray(fc.integer({ min: 0, max: 2000 }), { minLength: 2, maxLength: 40 })
    .chain((hours) =>
      fc.tuple(
        ...hours.map((h) =>
          fc.tuple(fc.nat(1_000_000), fc.nat(1_000_000)).map(([a, b]) => ({
            ms: Date.UTC(2026, 6, 1) + h * 3_600_000,
            good: Math.min(a, b),
            total: Math.max(a, b),
          })),
        ),
      ),
    );

  it(
    'gives the same aggregates whatever the row order, line endings, BOM and threads',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          rows,
          fc.boolean(),
          fc.boolean(),
          fc.boolean(),
          fc.integer(),
          async (list, crlf, bom, twoThreads, seed) => {
            const line = (r: { ms: number; good: number; total: number }) =>
              `${new Date(r.ms).toISOString()},${r.good},${r.total}`;
            const plain = ['timestamp,good,total', ...list.map(line)].join('\n');
            const shuffled = [...list].sort((a, b) => ((a.ms * 31 + seed) % 97) - ((b.ms * 31 + seed) % 97));
            const eol = crlf ? '\r\n' : '\n';
            const varied = `${bom ? '\ufeff' : ''}${['timestamp,good,total', ...shuffled.map(line)].join(eol)}${eol}`;
            const a = await readCsv(plain);
            const b = await readCsv(varied, twoThreads ? 0 : Infinity);
            expect(a.result.diagnostics).toEqual([]);
            expect(b.result.diagnostics).toEqual([]);
            expect(b.aggregate.buckets).toEqual(a.aggregate.buckets);
            expect(b.aggregate.stepMs).toBe(a.aggregate.stepMs);
          },
        ),
        runs(25),
      );
    },
    timeout(300_000),
  );
});
