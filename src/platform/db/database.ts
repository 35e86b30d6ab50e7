import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './lock.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives, without credentials: a directory, `memory`, or host/database. */
  location: string;
  /**
   * Runs a multi-statement SQL script and then parameterised statements, all in one transaction. Kysely
   * sends one statement per query, so scripts (migrations) go through the driver's own simple protocol.
   */
  runScriptInTransaction(script: string, then: Statement[]): Promise<void>;
  close(): Promise<void>;
}

export interface Statement {
  sql: string;
  params: unknown[];
}

const INT8 = 20;
const DATE = 1082;

/**
 * One reading of values on both engines: a `date` stays an ISO string (a JS Date would move it across
 * midnight in a time zone), and an int8 becomes a number when it is a safe integer (counts, sequence
 * numbers), never a silently rounded one.
 */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${text} exceeds the safe integer range`);
  return value;
}
const parseDate = (text: string): string => text;

export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'postgres';
  }
}

export async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 20,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8) return parseInt8;
        if (oid === DATE) return parseDate;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection that breaks (PostgreSQL restarts) is dropped by the pool and replaced on next use;
  // without a listener its 'error' event would end the process.
  pool.on('error', () => {});
  // Fail at once with the server's reason instead of on the first request.
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    location: describePostgresUrl(url),
    async runScriptInTransaction(script, then) {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        await connection.query(script);
        for (const statement of then) await connection.query(statement.sql, statement.params);
        await connection.query('COMMIT');
      } catch (error) {
        await connection.query('ROLLBACK');
        throw error;
      } finally {
        connection.release();
      }
    },
    close: closeOnce(() => db.destroy()),
  };
}

/** Opens the embedded database: in `dataDir` (guarded by a lock file) or, without a directory, in memory. */
export async function openPGlite(dataDir: string | undefined, now: Date): Promise<DatabaseHandle> {
  let lock: DataDirLock | undefined;
  if (dataDir) lock = acquireDataDirLock(dataDir, now);
  try {
    const client = await PGlite.create({
      dataDir: dataDir ? path.join(dataDir, 'pgdata') : undefined,
      extensions: { pg_trgm },
      parsers: { [INT8]: parseInt8, [DATE]: parseDate },
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
    return {
      db,
      kind: 'pglite',
      location: dataDir ?? 'memory',
      async runScriptInTransaction(script, then) {
        await client.transaction(async (transaction) => {
          await transaction.exec(script);
          for (const statement of then) await transaction.query(statement.sql, statement.params);
        });
      },
      close: closeOnce(async () => {
        try {
          await db.destroy();
        } finally {
          lock?.release();
        }
      }),
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Closing twice (a signal during shutdown, a test's cleanup after a server's) closes once. */
function closeOnce(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= close();
    return closing;
  };
}

export async function openDatabase(
  config: { databaseUrl: string | undefined; dataDir: string },
  now: Date,
): Promise<DatabaseHandle> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPGlite(config.dataDir, now);
}
