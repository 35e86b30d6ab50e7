import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openPGlite, openPostgres } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrations.ts';

export interface TestDatabase extends DatabaseHandle {
  /** Closes the database and, on PostgreSQL, drops the temporary database. */
  dispose(): Promise<void>;
}

/** The PostgreSQL server the suites also run on when set (CI sets it); PGlite otherwise. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;
export const testEngine = testDatabaseUrl ? 'postgres' : 'pglite';

export async function withAdminClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for one test file: an in-memory PGlite, or a temporary database created on the
 * TEST_DATABASE_URL server and dropped afterwards. Migrated unless `migrated: false`.
 */
export function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  return createScratchDatabase(testDatabaseUrl, options);
}

/** A throw-away database: in-memory PGlite, or a temporary database on the PostgreSQL server at `serverUrl`. */
export async function createScratchDatabase(
  serverUrl: string | undefined,
  options: { migrated?: boolean } = {},
): Promise<TestDatabase> {
  let handle: DatabaseHandle;
  let drop: () => Promise<void> = async () => {};
  if (serverUrl) {
    const name = `gongxin_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    handle = await openPostgres(url.toString());
    drop = async () => {
      await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE ${name} WITH (FORCE)`));
    };
  } else {
    handle = await openPGlite(undefined, new Date());
  }
  if (options.migrated !== false) await migrate(handle, new Date());
  return {
    ...handle,
    async dispose() {
      await handle.close();
      await drop();
    },
  };
}
