/** An error a command reports to the user without a stack trace, with the exit code of SPEC §12. */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2 } as const;

export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

export function usageError(message: string): CliError {
  return new CliError(`${message}\nRun \`npm run <command> -- --help\` for usage.`, EXIT.usage);
}
