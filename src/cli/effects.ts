/**
 * The side effects a command may have, passed in so that tests can replace them with silent,
 * recording ones (Observable Framework's `effects`).
 */
export interface Effects {
  /** Normal output (reports, JSON). */
  out(text: string): void;
  /** Progress and diagnostics. */
  err(text: string): void;
  /** Whether err is a terminal (progress may redraw) or a log (one summary line per step). */
  interactive: boolean;
  /** Redraws the one status line of a terminal; an empty text clears it. */
  status(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The wall clock, for scaffolds dated today; never used for anything that reaches dist/. */
  now(): number;
}

export function processEffects(): Effects {
  return {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    interactive: Boolean(process.stderr.isTTY) && !process.env['CI'],
    status: (t) => process.stderr.write(`\r\x1b[2K${t}`),
    cwd: process.cwd(),
    env: process.env,
    // LEDGER_NOW pins the clock (tests, reproducible examples); it only dates scaffolds.
    now: () => (process.env['LEDGER_NOW'] ? Date.parse(process.env['LEDGER_NOW']) : Date.now()),
  };
}
