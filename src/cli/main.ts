#!/usr/bin/env node
/**
 * The one CLI behind the npm scripts. Each command lives in its own module, loaded only when
 * used; all logic is in functions the site also calls.
 */
import { CliError, EXIT } from './cli-error.ts';
import { processEffects, type Effects } from './effects.ts';

type Command = (args: string[], fx: Effects) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  check: {
    summary: 'validate every input without building',
    load: async () => (await import('./check.ts')).runCheck,
  },
  build: {
    summary: 'check, compute and build the site into dist/',
    load: async () => (await import('./build.ts')).runBuild,
  },
  dev: { summary: 'serve the site with live reload', load: async () => (await import('./dev.ts')).runDev },
  new: {
    summary: 'scaffold a postmortem or a review narrative',
    load: async () => (await import('./new.ts')).runNew,
  },
  import: {
    summary: 'convert cState, Sloth, Pyrra or Markdown files into SLO files or postmortem drafts',
    load: async () => (await import('./import.ts')).runImport,
  },
  pull: {
    summary: 'fetch SLIs that name a Prometheus query and append them to their CSV',
    load: async () => (await import('./pull.ts')).runPull,
  },
  report: {
    summary: "print a quarter's figures (--json for SPEC §11)",
    load: async () => (await import('./report.ts')).runReport,
  },
  close: {
    summary: 'freeze a complete quarter (--amend publishes a new revision)',
    load: async () => (await import('./close.ts')).runClose,
  },
};

const USAGE = `Reliability Ledger

Usage: npm run <command> -- [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  .join('\n')}

Options for every command: --data DIR, --content DIR, --as-of TIME, --audience public|internal, --help`;

export async function runCli(argv: string[], fx: Effects): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    fx.out(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    fx.err(`unknown command "${name}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await (
      await command.load()
    )(args, fx);
  } catch (e) {
    if (e instanceof CliError) {
      fx.err(`${name}: ${e.message}`);
      return e.exitCode;
    }
    throw e;
  }
}

if (import.meta.main) {
  const code = await runCli(process.argv.slice(2), processEffects());
  process.exitCode = code;
}
