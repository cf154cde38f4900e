#!/usr/bin/env node
/**
 * The one CLI behind the npm scripts. Each command lives in its own module, loaded only when
 * used; all logic is in functions the site also calls.
 */
import { enableCompileCache } from 'node:module';
import { CliError, EXIT } from './cli-error.ts';
import { processEffects, type Effects } from './effects.ts';

// The commands' modules are TypeScript that Node strips on every start: its compile cache (in the
// system's temp folder) keeps the result, a second to a third less start-up for a short command.
enableCompileCache();

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
    summary: "print a quarter's figures (--json for the review JSON)",
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
    if (fx.env['LEDGER_DEBUG']) throw e;
    fx.err(internalError(name, e));
    return EXIT.invalidInput;
  }
}

/**
 * A failure no reader turned into a diagnostic is still one line, not a stack trace: the trace
 * helps nobody reading a CI log, and LEDGER_DEBUG=1 prints it for whoever fixes the bug.
 */
function internalError(command: string, e: unknown): string {
  const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]?.slice(0, 300) ?? '';
  return `${command}: internal error: ${message}\n  hint: this is a bug in the tool, not in your inputs; run again with LEDGER_DEBUG=1 for the stack trace and report it`;
}

if (import.meta.main) {
  const fx = processEffects();
  if (!fx.env['LEDGER_DEBUG']) {
    // An error event nobody listened for (a stream, a worker) ends the process the same way.
    process.on('uncaughtException', (e) => {
      fx.err(internalError(process.argv[2] ?? 'ledger', e));
      process.exit(EXIT.invalidInput);
    });
  }
  const code = await runCli(process.argv.slice(2), fx);
  process.exitCode = code;
}
