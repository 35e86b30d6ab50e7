import { startServer } from '../../src/http/server.ts';
import { seedDemoCityIfEmpty } from '../../src/modules/seed/seed-if-empty.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Platform } from '../../src/platform/context.ts';
import { ensureWebBuild } from '../../src/platform/web-build.ts';
import { createTestDatabase } from './db.ts';

export interface TestServer {
  url: string;
  /** The running instance's database, clock and profile, for tests that look behind the pages. */
  platform: Platform;
  close(): Promise<void>;
}

/**
 * The whole product on a free port, as `npm start` runs it: the built web app, a fresh seeded database
 * (in-memory PGlite, or a temporary PostgreSQL database when TEST_DATABASE_URL is set).
 */
export async function startTestServer(
  options: {
    today?: string;
    subjects?: number;
    /** More environment for the instance: PORT, GONGXIN_REALNAME_*, GONGXIN_SSO_*, … */
    env?: Record<string, string>;
  } = {},
): Promise<TestServer> {
  const { dir } = await ensureWebBuild();
  const database = await createTestDatabase({ migrated: false });
  const config = loadConfig({ GONGXIN_TODAY: options.today, PORT: '0', HOST: '127.0.0.1', ...options.env });
  const server = await startServer({
    config,
    logger: false,
    webDir: dir,
    handle: database,
    prepare: async (platform) => {
      await seedDemoCityIfEmpty(platform, options.subjects ?? 500);
    },
  });
  return {
    url: server.url,
    platform: server.platform,
    async close() {
      await server.stop();
      await database.dispose();
    },
  };
}
