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

/**
 * Exit codes shared by every command: 0 success; 1 a negative answer (an invalid code, a tampered log, a
 * holiday); 2 bad usage, bad configuration or missing data; 3 the instance could not be reached (its data
 * directory is in use, the database is down, a migration failed, the port is taken), so that a script
 * never reads "not a working day" when the truth is "could not ask".
 */
export const EXIT_NEGATIVE = 1;
export const EXIT_USAGE = 2;
export const EXIT_UNAVAILABLE = 3;

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
