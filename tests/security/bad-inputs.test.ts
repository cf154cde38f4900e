/**
 * Issue 11: one hostile or careless input per defect class, run through the real CLI. Each case
 * asserts the exit code, a message naming the file and line (or the option), no stack trace, no
 * echo of a file outside the ledger, nothing written or deleted anywhere in the surrounding tree,
 * no staging folder left behind, and bounded time and memory (measured with /usr/bin/time; the
 * bounds are recorded in docs/security.md).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/run-cli.ts';
import {
  BAD,
  SECRET,
  hashTree,
  makeWorkFolder,
  removeWorkFolder,
  runMeasured,
  type MeasuredRun,
  type WorkFolder,
} from './work-folder.ts';

/** Generous for a machine shared by many jobs; a hang or a blow-up exceeds them by far. */
const TIME_BOUND_MS = 120_000;
const MEMORY_BOUND_MB = 600;

interface Case {
  /** Also the fixture folder under tests/fixtures/bad/, when there is one. */
  name: string;
  /** Builds what git cannot hold (links, FIFOs, binary or huge files). */
  make?: (f: WorkFolder) => Promise<unknown>;
  /** Command and options after the defaults (`check --data data --content content`). */
  args?: (f: WorkFolder) => string[];
  env?: (f: WorkFolder) => NodeJS.ProcessEnv;
  code: number;
  /** The file and line (`data/slos/shop.yaml:18:`) or the option the message names. */
  place: RegExp;
  message: RegExp;
}

const CSV = (f: WorkFolder, name: string) => join(f.work, 'data/sli', name);
const SHOP_YAML = (f: WorkFolder) => join(f.work, 'data/slos/shop.yaml');
const PM = (f: WorkFolder, name: string) => join(f.work, 'content/postmortems', name);
const editSlo = async (f: WorkFolder, from: string, to: string) =>
  writeFile(SHOP_YAML(f), (await readFile(SHOP_YAML(f), 'utf8')).replace(from, to));
const checkoutCsv = async (f: WorkFolder) => readFile(CSV(f, 'checkout.csv'));
const build = (out: string) => (f: WorkFolder) => ['build', '--out', out.replace('{root}', f.root)];

const CASES: Case[] = [
  // 1. Code from content: only YAML front matter, in check and in import.
  {
    name: 'front-matter-js-engine',
    code: 1,
    place: /content\/postmortems\/2026-07-01-js-engine\.md:1:4: error/,
    message: /front matter opens with "---js": only YAML front matter is read/,
  },
  {
    name: 'front-matter-coffee-engine',
    code: 1,
    place: /2026-07-01-coffee\.md:1:4: error/,
    message: /"---coffee"/,
  },
  {
    name: 'front-matter-javascript-engine',
    code: 1,
    place: /2026-07-01-javascript\.md:1:4: error/,
    message: /only YAML front matter/,
  },
  {
    name: 'front-matter-unclosed',
    code: 1,
    place: /2026-07-01-unclosed\.md:1:1: error/,
    message: /never closed/,
  },
  {
    name: 'import-cstate-js-engine',
    make: async (f) => {
      await mkdir(join(f.work, 'cstate'));
      await writeFile(
        join(f.work, 'cstate/evil.md'),
        '---js\n{ title: require("fs").writeFileSync("PWNED", "x") || "t" }\n---\nbody\n',
      );
    },
    args: () => ['import', 'cstate', 'cstate', '--timezone', 'UTC'],
    code: 0,
    place: /evil\.md/,
    message: /---js/,
  },
  // YAML limits.
  {
    name: 'yaml-alias-bomb-in-slo-file',
    code: 1,
    place: /data\/slos\/bomb\.yaml:1:1: error/,
    message: /aliases expand too many times/,
  },
  {
    name: 'yaml-alias-bomb-in-settings',
    code: 1,
    place: /data\/ledger\.yaml:1:1: error/,
    message: /aliases expand too many times/,
  },
  {
    name: 'yaml-alias-bomb-in-front-matter',
    code: 1,
    place: /2026-07-01-bomb\.md:1:1: error/,
    message: /aliases expand too many times/,
  },
  {
    name: 'yaml-flow-nesting-20000-deep',
    make: (f) =>
      writeFile(join(f.work, 'data/slos/deep.yaml'), `x: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`),
    code: 1,
    place: /data\/slos\/deep\.yaml:1:\d+: error/,
    message: /nested more than 64 deep/,
  },
  {
    // 2,000 levels: at one space per level the file is already 2 MB of indentation.
    name: 'yaml-block-nesting-2000-deep',
    make: (f) =>
      writeFile(
        join(f.work, 'data/slos/deep.yaml'),
        Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'),
      ),
    code: 1,
    place: /data\/slos\/deep\.yaml:65:1: error/,
    message: /nested more than 64 deep/,
  },
  {
    name: 'yaml-compact-sequence-nesting-20000-deep',
    make: (f) => writeFile(join(f.work, 'data/slos/deep.yaml'), `a:\n${'- '.repeat(20_000)}x\n`),
    code: 1,
    place: /data\/slos\/deep\.yaml:2:1: error/,
    message: /nested more than 64 deep/,
  },
  {
    name: 'yaml-nesting-in-front-matter',
    make: (f) =>
      writeFile(
        PM(f, '2026-07-02-deep.md'),
        `---\ntitle: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n---\n## Summary\n`,
      ),
    code: 1,
    place: /2026-07-02-deep\.md:2:\d+: error/,
    message: /nested more than 64 deep/,
  },
  // 3. One path policy for every input reference.
  {
    name: 'sli-source-climbs-out',
    code: 1,
    place: /data\/slos\/shop\.yaml:14:1: error/,
    message: /sli\.source "\.\.\/\.\.\/outside\/secret\.csv", which climbs out/,
  },
  {
    name: 'sli-source-absolute-path',
    code: 1,
    place: /data\/slos\/shop\.yaml:14:1: error/,
    message: /"\/etc\/passwd", which is an absolute path/,
  },
  {
    name: 'sli-source-glob-climbs-out',
    code: 1,
    place: /data\/slos\/shop\.yaml:14:1: error/,
    message: /climbs out/,
  },
  {
    name: 'sli-source-symlink-out',
    make: async (f) => {
      await rm(CSV(f, 'checkout.csv'));
      await symlink(join(f.outside, 'secret.csv'), CSV(f, 'checkout.csv'));
    },
    code: 1,
    place: /data\/slos\/shop\.yaml:14:1: error/,
    message: /symbolic link to a file outside the folder; it was not read/,
  },
  {
    name: 'sli-source-symlink-to-etc-passwd',
    make: async (f) => {
      await symlink('/etc/passwd', CSV(f, 'passwd.csv'));
      await editSlo(f, 'source: sli/checkout.csv', 'source: sli/passwd.csv');
    },
    code: 1,
    place: /data\/slos\/shop\.yaml:14:1: error/,
    message: /symbolic link to a file outside/,
  },
  {
    name: 'sli-glob-matches-symlink-out',
    make: async (f) => {
      await mkdir(CSV(f, 'parts'));
      await symlink(join(f.outside, 'secret.csv'), CSV(f, 'parts/a.csv'));
      await editSlo(f, 'source: sli/checkout.csv', "source: 'sli/parts/*.csv'");
    },
    code: 1,
    place: /data\/slos\/shop\.yaml:14:1: error/,
    message: /matches sli\/parts\/a\.csv, which is a symbolic link/,
  },
  {
    name: 'sli-folder-symlink-out',
    make: async (f) => {
      await symlink(f.outside, CSV(f, 'elsewhere'));
      await editSlo(f, 'source: sli/checkout.csv', 'source: sli/elsewhere/secret.csv');
    },
    code: 1,
    place: /data\/slos\/shop\.yaml:14:1: error/,
    message: /outside the folder/,
  },
  {
    name: 'openslo-metric-source-climbs-out',
    code: 1,
    place: /data\/slos\/web\.yaml:\d+:\d+: error/,
    message: /climbs out/,
  },
  {
    name: 'slo-file-symlink-out',
    make: (f) => symlink(join(f.outside, 'secret.yaml'), join(f.work, 'data/slos/stolen.yaml')),
    code: 1,
    place: /data\/slos\/stolen\.yaml: error/,
    message: /symbolic link to a file outside/,
  },
  {
    name: 'settings-symlink-out',
    make: async (f) => {
      await rm(join(f.work, 'data/ledger.yaml'));
      await symlink(join(f.outside, 'secret.yaml'), join(f.work, 'data/ledger.yaml'));
    },
    code: 1,
    place: /data\/ledger\.yaml: error/,
    message: /symbolic link to a file outside/,
  },
  {
    name: 'exclusions-symlink-out',
    make: (f) => symlink(join(f.outside, 'secret.yaml'), join(f.work, 'data/exclusions.yaml')),
    code: 1,
    place: /data\/exclusions\.yaml: error/,
    message: /symbolic link to a file outside/,
  },
  {
    name: 'deployment-log-symlink-out',
    make: async (f) => {
      await mkdir(join(f.work, 'data/deployments'));
      await symlink(join(f.outside, 'secret.csv'), join(f.work, 'data/deployments/log.csv'));
    },
    code: 1,
    place: /data\/deployments\/log\.csv: error/,
    message: /symbolic link to a file outside/,
  },
  {
    name: 'postmortem-symlink-out',
    make: (f) => symlink(join(f.outside, 'secret.md'), PM(f, '2026-07-03-stolen.md')),
    code: 1,
    place: /content\/postmortems\/2026-07-03-stolen\.md: error/,
    message: /symbolic link to a file outside/,
  },
  {
    name: 'snapshot-symlink-out',
    make: async (f) => {
      await mkdir(join(f.work, 'data/snapshots'));
      await symlink(join(f.outside, 'secret.csv'), join(f.work, 'data/snapshots/2026-q2.json'));
    },
    args: () => ['report', '2026-Q2'],
    code: 1,
    place: /data\/snapshots\/2026-q2\.json: error/,
    message: /symbolic link to a file outside/,
  },
  {
    name: 'data-option-names-no-folder',
    args: (f) => ['--data', join(f.root, 'nonexistent')],
    code: 2,
    place: /--data /,
    message: /no such folder/,
  },
  {
    name: 'data-option-names-an-empty-folder',
    make: (f) => mkdir(join(f.root, 'empty')),
    args: (f) => ['--data', join(f.root, 'empty')],
    code: 1,
    place: /empty\/slos: error/,
    message: /no SLO is defined/,
  },
  {
    name: 'data-option-names-a-file',
    args: () => ['--data', 'data/ledger.yaml'],
    code: 2,
    place: /--data /,
    message: /not a folder/,
  },
  {
    name: 'content-option-with-percent-2e',
    make: (f) => mkdir(join(f.work, 'a%2e%2e')),
    args: () => ['--content', 'a%2e%2e'],
    code: 2,
    place: /--content /,
    message: /%, # or \? are not supported/,
  },
  {
    name: 'no-slo-defined',
    make: (f) => rm(SHOP_YAML(f)),
    code: 1,
    place: /data\/slos: error/,
    message: /no SLO is defined/,
  },
  // 4. GitHub workflow commands.
  {
    name: 'github-annotation-injection-in-a-file-name',
    make: (f) =>
      writeFile(PM(f, '2026-07-04-x\n::error file=injected.md,line=1::pwned.md'), '---\ntitle: t\n---\n'),
    args: () => ['--format', 'github'],
    code: 1,
    place:
      /^::error file=content\/postmortems\/2026-07-04-x\\n%3A%3Aerror file=injected\.md%2Cline=1%3A%3Apwned\.md,line=1/m,
    message: /cannot be a page address/,
  },
  {
    name: 'github-property-with-comma-and-colon',
    make: (f) => writeFile(PM(f, '2026-07-05-a,b:c.md'), '---\ntitle: t\n---\n'),
    args: () => ['--format', 'github'],
    code: 1,
    place: /^::error file=content\/postmortems\/2026-07-05-a%2Cb%3Ac\.md,line=1,col=1,title=page-slug::/m,
    message: /cannot be a page address/,
  },
  // 5. Crashes become diagnostics.
  {
    name: 'deployment-folder-named-x-csv',
    make: (f) => mkdir(join(f.work, 'data/deployments/x.csv'), { recursive: true }),
    code: 1,
    place: /data\/deployments\/x\.csv: error/,
    message: /is a folder, so it cannot be read/,
  },
  {
    name: 'sli-source-is-a-folder',
    code: 1,
    place: /data\/sli\/folder\.csv: error/,
    message: /is a folder/,
  },
  {
    name: 'slo-file-is-a-folder',
    make: (f) => mkdir(join(f.work, 'data/slos/folder.yaml')),
    code: 1,
    place: /data\/slos\/folder\.yaml: error/,
    message: /is a folder/,
  },
  {
    name: 'sli-source-is-a-fifo',
    make: async (f) => {
      execFileSync('mkfifo', [CSV(f, 'pipe.csv')]);
      await editSlo(f, 'source: sli/checkout.csv', 'source: sli/pipe.csv');
    },
    code: 1,
    place: /data\/sli\/pipe\.csv: error/,
    message: /not a regular file/,
  },
  {
    name: 'sli-source-step-99999999w',
    code: 1,
    place: /data\/slos\/shop\.yaml:19:13: error/,
    message: /at most 92d/,
  },
  {
    name: 'review-num-unknown-figure',
    code: 1,
    place: /content\/reviews\/2026-q2\.md:3:16: error/,
    message: /<Num>: unknown metric "shop-availabilty\.consumed"/,
  },
  {
    name: 'review-num-unknown-figure-stops-the-build',
    make: async (f) => {
      await writeFile(
        join(f.work, 'content/reviews/2026-q2.md'),
        'Spent <Delta metric="nope.attainment" quarter="2026-Q2" />.\n',
      );
    },
    args: build('{root}/site'),
    code: 1,
    place: /content\/reviews\/2026-q2\.md:1:7: error/,
    message: /build: stopped, 1 error, 0 warnings in the review narratives; site\/ was left as it was/,
  },
  {
    name: 'review-num-unknown-quarter',
    code: 1,
    place: /content\/reviews\/2026-q2\.md:3:12: error/,
    message: /no quarter "2026-Q9"/,
  },
  {
    name: 'postmortem-name-percent-2e',
    code: 1,
    place: /content\/postmortems\/%2e%2e\.md:1:1: error/,
    message: /cannot be a page address/,
  },
  {
    name: 'postmortem-name-dot-dot',
    code: 1,
    place: /content\/postmortems\/\.\.md:1:1: error/,
    message: /cannot be a page address/,
  },
  {
    name: 'postmortem-name-hash',
    code: 1,
    place: /content\/postmortems\/2026-05-11-a#b\.md:1:1: error/,
    message: /cannot be a page address/,
  },
  {
    name: 'postmortem-name-question-mark',
    code: 1,
    place: /content\/postmortems\/2026-05-11-a\?b\.md:1:1: error/,
    message: /cannot be a page address/,
  },
  {
    name: 'postmortem-name-space',
    code: 1,
    place: /content\/postmortems\/2026-05-11 outage\.md:1:1: error/,
    message: /cannot be a page address/,
  },
  // 6. The plausible-time window.
  {
    name: 'sli-row-dated-1900',
    code: 1,
    place: /data\/sli\/shop\.csv:107:1: error/,
    message: /dated 1900-04-01 .*outside the plausible window 2000-01-01 to 2100-01-01/,
  },
  {
    name: 'sli-row-dated-9999',
    code: 1,
    place: /data\/sli\/shop\.csv:107:1: error/,
    message: /dated 9999-12-31/,
  },
  {
    name: 'as-of-1970',
    args: () => ['--as-of', '1970-01-01'],
    code: 1,
    place: /^--as-of: error/m,
    message: /--as-of 1970-01-01 is outside the plausible window/,
  },
  {
    name: 'as-of-9999-in-report',
    args: () => ['report', '2026-Q2', '--as-of', '9999-12-31'],
    code: 1,
    place: /^--as-of: error/m,
    message: /9999-12-31 is outside the plausible window/,
  },
  {
    name: 'postmortem-started-1900',
    code: 1,
    place: /2026-05-10-shop-outage\.md:7:1: error/,
    message: /started 1900-05-10 is outside the plausible window/,
  },
  {
    name: 'plausible-years-inverted',
    code: 1,
    place: /data\/ledger\.yaml:\d+:\d+: error/,
    message: /from must be before to/,
  },
  // 7. Silently lost or wrong.
  {
    name: 'count-above-2-to-the-53',
    code: 1,
    place: /data\/sli\/shop\.csv:107:3: error/,
    message: /more than 2\^53/,
  },
  {
    name: 'count-infinite',
    code: 1,
    place: /data\/sli\/shop\.csv:107:3: error/,
    message: /good is "1e400", not a number/,
  },
  {
    name: 'count-hexadecimal',
    code: 1,
    place: /data\/sli\/shop\.csv:107:3: error/,
    message: /good is "0x10", not a number/,
  },
  {
    name: 'duplicate-header-name',
    code: 1,
    place: /data\/sli\/checkout\.csv:1:4: error/,
    message: /column 4 is named "errors", like column 2/,
  },
  {
    name: 'duplicate-header-name-other-case',
    code: 1,
    place: /data\/sli\/checkout\.csv:1:4: error/,
    message: /column 4 is named "Requests", like column 3/,
  },
  {
    name: 'utf16le-export',
    make: async (f) => {
      const text = (await checkoutCsv(f)).toString('utf8');
      await writeFile(
        CSV(f, 'checkout.csv'),
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      );
    },
    code: 1,
    place: /data\/sli\/checkout\.csv:1:1: error/,
    message: /is UTF-16 \(little-endian byte order mark\), not UTF-8 text/,
  },
  {
    name: 'utf16be-export',
    make: async (f) =>
      writeFile(CSV(f, 'checkout.csv'), Buffer.concat([Buffer.from([0xfe, 0xff]), await checkoutCsv(f)])),
    code: 1,
    place: /data\/sli\/checkout\.csv:1:1: error/,
    message: /UTF-16 \(big-endian/,
  },
  {
    name: 'utf32le-export',
    make: async (f) =>
      writeFile(
        CSV(f, 'checkout.csv'),
        Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), await checkoutCsv(f)]),
      ),
    code: 1,
    place: /data\/sli\/checkout\.csv:1:1: error/,
    message: /UTF-32/,
  },
  {
    name: 'gzip-export',
    make: async (f) => writeFile(CSV(f, 'checkout.csv'), gzipSync(await checkoutCsv(f))),
    code: 1,
    place: /data\/sli\/checkout\.csv:1:1: error/,
    message: /is gzip-compressed, not UTF-8 text[\s\S]*decompress it first/,
  },
  {
    name: 'xlsx-saved-as-csv',
    make: (f) => writeFile(CSV(f, 'checkout.csv'), Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 6, 0])),
    code: 1,
    place: /data\/sli\/checkout\.csv:1:1: error/,
    message: /zip archive/,
  },
  {
    name: 'binary-export',
    make: (f) => writeFile(CSV(f, 'checkout.csv'), Buffer.from('time\0stamp,errors\0\0,requests\n')),
    code: 1,
    place: /data\/sli\/checkout\.csv:1:1: error/,
    message: /NUL bytes/,
  },
  {
    name: 'header-with-100000-columns',
    make: (f) =>
      writeFile(
        CSV(f, 'checkout.csv'),
        `timestamp,errors,requests,${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\n`,
      ),
    code: 1,
    place: /data\/sli\/checkout\.csv:1:1: error/,
    message: /the header has [\d,]+ or more columns; an SLI export has a handful/,
  },
  {
    name: 'field-of-50-mb',
    make: async (f) => {
      const csv = await readFile(CSV(f, 'shop.csv'), 'utf8');
      await writeFile(
        CSV(f, 'shop.csv'),
        `${csv}2026-06-30T00:00:00Z,availability,${'9'.repeat(50_000_000)}x,1\n`,
      );
    },
    code: 1,
    place: /data\/sli\/shop\.csv:107:3: error/,
    message: /good is "9{70,80}… \(50,000,001 characters\)", not a number/,
  },
  {
    name: 'timestamp-long-value',
    code: 1,
    place: /data\/sli\/shop\.csv:107:1: error/,
    message: /timestamp "2026-06-30Txxxx[x]*… \(5,011 characters\)" is not ISO 8601/,
  },
  {
    name: 'unknown-settings-key',
    code: 1,
    place: /data\/ledger\.yaml:\d+:1: error/,
    message: /unknown key "allowJavascript"/,
  },
  // 2 and 9. --out: never a folder the build does not own; a lock against a second build.
  {
    name: 'out-is-the-data-folder',
    args: build('data'),
    code: 2,
    place: /--out \S+\/work\/data refused/,
    message: /it is the data folder \(--data\)/,
  },
  {
    name: 'out-holds-the-inputs',
    args: build('.'),
    code: 2,
    place: /--out \S+\/work refused/,
    message: /it holds the data folder/,
  },
  {
    name: 'out-inside-the-content-folder',
    args: build('content/site'),
    code: 2,
    place: /--out \S+\/content\/site refused/,
    message: /inside the content folder/,
  },
  {
    name: 'out-is-the-file-system-root',
    args: build('/'),
    code: 2,
    place: /--out \/ refused/,
    message: /root of the file system/,
  },
  {
    name: 'out-is-the-home-folder',
    make: (f) => mkdir(join(f.root, 'home')),
    env: (f) => ({ HOME: join(f.root, 'home') }),
    args: build('{root}/home'),
    code: 2,
    place: /--out \S+\/home refused/,
    message: /it is the home folder/,
  },
  {
    name: 'out-is-the-tool-checkout',
    args: () => ['build', '--out', REPO_ROOT],
    code: 2,
    place: /--out \S+ refused/,
    message: /it is the tool's own folder|it holds the repository|it is the repository/,
  },
  {
    name: 'out-is-a-folder-the-tool-did-not-write',
    make: async (f) => {
      await mkdir(join(f.root, 'mine'));
      await writeFile(join(f.root, 'mine/thesis.tex'), 'years of work\n');
    },
    args: build('{root}/mine'),
    code: 2,
    place: /--out \S+\/mine refused/,
    message: /already holds files that no build of this tool wrote \(thesis\.tex\)/,
  },
  {
    name: 'out-locked-by-another-build',
    make: (f) => writeFile(join(f.root, '.site.build-lock'), `${process.pid}\n`),
    args: build('{root}/site'),
    code: 1,
    place: /site\/ is being built by process \d+/,
    message: /wait for that build to end, or delete the lock/,
  },
  // The CLI option parser.
  {
    name: 'unknown-option',
    args: () => ['--frobnicate'],
    code: 2,
    place: /--frobnicate/,
    message: /Unknown option/,
  },
  {
    name: 'as-of-not-a-time',
    args: () => ['--as-of', 'yesterday'],
    code: 2,
    place: /--as-of "yesterday"/,
    message: /is not an ISO 8601 instant/,
  },
];

const measured: { name: string; ms: number; peakMb: number }[] = [];

afterAll(() => {
  const slowest = [...measured].sort((a, b) => b.ms - a.ms)[0];
  const largest = [...measured].sort((a, b) => b.peakMb - a.peakMb)[0];
  console.log(
    `security cases: ${measured.length}; slowest ${slowest?.name} ${slowest?.ms} ms; largest ${largest?.name} ${largest?.peakMb} MB`,
  );
});

describe.concurrent('a hostile or careless input', () => {
  it.each(CASES)(
    '$name',
    async (c) => {
      const f = await makeWorkFolder(existsSync(join(BAD, c.name)) ? c.name : undefined);
      try {
        await c.make?.(f);
        const before = await hashTree(f.root);
        const extra = c.args?.(f) ?? [];
        const command = ['build', 'report', 'import', 'close'].includes(extra[0] ?? '') ? [] : ['check'];
        const run: MeasuredRun = await runMeasured(
          [
            ...command,
            ...extra,
            ...(extra.includes('--data') ? [] : ['--data', 'data']),
            ...(extra.includes('--content') ? [] : ['--content', 'content']),
          ],
          { cwd: f.work, env: c.env?.(f) ?? {} },
        );
        measured.push({ name: c.name, ms: run.ms, peakMb: run.peakMb });
        const output = `${run.stdout}\n${run.stderr}`;
        expect(run.code, output).toBe(c.code);
        expect(output).toMatch(c.place);
        expect(output).toMatch(c.message);
        expect(output, 'no stack trace').not.toMatch(/^\s+at /m);
        expect(output, 'nothing of a foreign file').not.toContain('SECRET-OUTSIDE');
        expect(output, 'no injected annotation').not.toMatch(/^::\w+ file=injected/m);
        expect(output.length, 'a short message').toBeLessThan(20_000);
        expect(await hashTree(f.root), 'nothing written or deleted').toEqual(before);
        expect(existsSync(join(f.work, 'PWNED')), 'no code ran').toBe(false);
        expect(run.ms).toBeLessThan(TIME_BOUND_MS);
        expect(run.peakMb).toBeLessThan(MEMORY_BOUND_MB);
      } finally {
        await removeWorkFolder(f);
      }
    },
    180_000,
  );
});

describe('the tool checkout after the --out cases', () => {
  it('still has its sources and its git metadata', () => {
    expect(existsSync(join(REPO_ROOT, 'package.json'))).toBe(true);
    expect(existsSync(join(REPO_ROOT, '.git'))).toBe(true);
    expect(existsSync(join(REPO_ROOT, 'data/ledger.yaml'))).toBe(true);
  });
});

export { SECRET };
