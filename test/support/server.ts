import { startServer } from '../../src/http/server.ts';
import { seedDemoCityIfEmpty } from '../../src/modules/seed/seed-if-empty.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { ensureWebBuild } from '../../src/platform/web-build.ts';
import { createTestDatabase } from './db.ts';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The whole product on a free port, as `npm start` runs it: the built web app, a fresh seeded database
 * (in-memory PGlite, or a temporary PostgreSQL database when TEST_DATABASE_URL is set).
 */
export async function startTestServer(
  options: { today?: string; subjects?: number } = {},
): Promise<TestServer> {
  const { dir } = await ensureWebBuild();
  const database = await createTestDatabase({ migrated: false });
  const config = loadConfig({ GONGXIN_TODAY: options.today, PORT: '0', HOST: '127.0.0.1' });
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
    async close() {
      await server.stop();
      await database.dispose();
    },
  };
}
