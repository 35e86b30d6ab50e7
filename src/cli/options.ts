import type { Command } from 'commander';
import { HttpProblem } from '../http/errors.ts';
import { type Config, ConfigError, loadConfig } from '../platform/config.ts';
import { DataDirLockedError } from '../platform/db/lock.ts';
import { MigrationError } from '../platform/db/migrations.ts';
import { InvalidInputError } from '../platform/errors.ts';
import { CliError, type CliIO, EXIT_NEGATIVE, EXIT_UNAVAILABLE, EXIT_USAGE } from './io.ts';

export interface InstanceOptions {
  today?: string;
  profile?: string;
  dataDir?: string;
}

/** The options every command that opens the instance's database shares. */
export function withInstanceOptions(command: Command): Command {
  return command
    .option(
      '--today <date>',
      '把“今天”设为该日期（YYYY-MM-DD），覆盖 GONGXIN_TODAY / treat this date as today',
    )
    .option('--profile <city>', '城市政策配置 xiamen | weihai | nantong，覆盖 GONGXIN_PROFILE')
    .option('--data-dir <dir>', '内嵌数据库目录，覆盖 GONGXIN_DATA_DIR（设置 DATABASE_URL 时不用）');
}

export function instanceConfig(io: CliIO, options: InstanceOptions & { port?: string }): Config {
  try {
    return loadConfig(io.env, options);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
}

/** Turns the failures a user can act on into a message and an exit code instead of a stack trace. */
export function asCliError(error: unknown): never {
  if (error instanceof DataDirLockedError) throw new CliError(error.message, EXIT_UNAVAILABLE);
  if (error instanceof MigrationError) throw new CliError(error.message, EXIT_UNAVAILABLE);
  if (error instanceof ConfigError) throw new CliError(error.message, EXIT_USAGE);
  // A use case's refusal (an unknown subject, a missing verification) reads the same as over HTTP.
  if (error instanceof HttpProblem) throw new CliError(`${error.code}: ${error.message}`, EXIT_NEGATIVE);
  if (error instanceof InvalidInputError)
    throw new CliError(`${error.field}: ${error.reason} (${error.reasonEn})`, EXIT_USAGE);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '3D000' || code === '28P01') {
    throw new CliError(
      `cannot reach the database named by DATABASE_URL: ${(error as Error).message}`,
      EXIT_UNAVAILABLE,
    );
  }
  if (code === 'EADDRINUSE')
    throw new CliError(`${(error as Error).message}: set PORT to a free port`, EXIT_UNAVAILABLE);
  throw error;
}
