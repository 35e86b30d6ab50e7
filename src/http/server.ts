import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { startAuditWorker } from '../modules/audit/worker.ts';
import { loadReportSettings } from '../modules/reports/settings.ts';
import type { Config } from '../platform/config.ts';
import { clockFor, profileFor } from '../platform/config.ts';
import type { Platform } from '../platform/context.ts';
import { type DatabaseHandle, openDatabase } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrations.ts';
import { assertServableInProduction } from '../platform/security/config.ts';
import { buildApp } from './app.ts';

export interface RunningServer {
  app: FastifyInstance;
  handle: DatabaseHandle;
  platform: Platform;
  url: string;
  /** Stops accepting requests, lets running ones finish, then closes the database (and its lock). */
  stop(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  logger: Logger | false;
  webDir: string | null;
  /** Runs after migrations and before the server listens, e.g. seeding an empty database. */
  prepare?: (platform: Platform, handle: DatabaseHandle) => Promise<void>;
  /** An already-open database (tests); otherwise the one the configuration names is opened. */
  handle?: DatabaseHandle;
  /**
   * The environment the background jobs read their settings from (audit hash, checkpoint signing key and
   * export); without it no background job runs (tests that do not exercise them).
   */
  jobsEnv?: Record<string, string | undefined>;
}

/** Opens the database, migrates it, builds the app and listens: the one start-up path of `serve` and the tests. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  assertServableInProduction(config.security);
  const clock = clockFor(config);
  const handle = options.handle ?? (await openDatabase(config, clock.now()));
  let auditWorker: ReturnType<typeof startAuditWorker> | undefined;
  try {
    const applied = await migrate(handle, clock.now());
    if (options.logger && applied.length > 0) options.logger.info({ applied }, 'migrations applied');
    const platform: Platform = { db: handle.db, clock, profile: profileFor(config) };
    // Bad audit configuration (no signing key in production, a malformed key) stops start-up here.
    if (options.jobsEnv) {
      auditWorker = startAuditWorker(platform, {
        env: options.jobsEnv,
        dataDir: config.dataDir,
        production: config.production,
        logger: options.logger,
      });
    }
    await options.prepare?.(platform, handle);
    const app = await buildApp({
      platform,
      handle,
      logger: options.logger,
      webDir: options.webDir,
      security: config.security,
      reports: loadReportSettings({
        env: options.jobsEnv ?? {},
        dataDir: config.dataDir,
        production: config.production,
        warn: (message) => (options.logger ? options.logger.warn(message) : undefined),
        port: config.port,
      }),
    });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    let stopping: Promise<void> | undefined;
    return {
      app,
      handle,
      platform,
      url: `http://localhost:${port}`,
      stop() {
        stopping ??= (async () => {
          try {
            await app.close();
            await auditWorker?.stop();
          } finally {
            await handle.close();
          }
        })();
        return stopping;
      },
    };
  } catch (error) {
    await auditWorker?.stop();
    await handle.close();
    throw error;
  }
}
