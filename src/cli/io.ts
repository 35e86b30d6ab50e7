import type { Command } from 'commander';

/** What a command may touch of the outside world; tests pass their own to capture output. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  /** The process exit code the command asks for; the highest code requested wins. */
  setExitCode(code: number): void;
}

export type CommandRegistrar = (program: Command, io: CliIO) => void;

/** Exit codes shared by every command: 0 success, 1 a negative answer (e.g. an invalid code), 2 bad usage or missing data. */
export const EXIT_OK = 0;
export const EXIT_NEGATIVE = 1;
export const EXIT_USAGE = 2;

/** A failure the user can fix, printed without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
