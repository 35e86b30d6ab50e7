import { type Config, clockFor, profileFor } from '../platform/config.ts';
import type { Platform } from '../platform/context.ts';
import { type DatabaseHandle, openDatabase } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrations.ts';
import type { CliIO } from './io.ts';
import { asCliError, type InstanceOptions, instanceConfig } from './options.ts';

/**
 * Opens the instance's database (migrating it, as `serve` does), runs `work`, and always closes it, so a
 * command never leaves the embedded database's lock behind.
 */
export async function withInstance<T>(
  io: CliIO,
  options: InstanceOptions,
  work: (platform: Platform, handle: DatabaseHandle, config: Config) => Promise<T>,
): Promise<T> {
  const config = instanceConfig(io, options);
  const clock = clockFor(config);
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase(config, clock.now());
  } catch (error) {
    asCliError(error);
  }
  try {
    await migrate(handle, clock.now());
    return await work({ db: handle.db, clock, profile: profileFor(config) }, handle, config);
  } catch (error) {
    asCliError(error);
  } finally {
    await handle.close();
  }
}
