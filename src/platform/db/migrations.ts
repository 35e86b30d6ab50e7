import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { DatabaseHandle } from './database.ts';

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);

const MIGRATION_FILE = /^(\d{14})_([a-z0-9_]+)\.sql$/;
/** Serialises migrators on one PostgreSQL server (two instances starting at once). */
const MIGRATION_LOCK_KEY = 7_271_101;

export interface Migration {
  version: string;
  name: string;
  checksum: string;
  script: string;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const files = fs.readdirSync(dir).filter((file) => file.endsWith('.sql'));
  return files.sort().map((file) => {
    const match = MIGRATION_FILE.exec(file);
    if (!match?.[1] || !match[2]) {
      throw new MigrationError(`migration file ${file} is not named YYYYMMDDHHMMSS_name.sql`);
    }
    const script = fs.readFileSync(path.join(dir, file), 'utf8');
    const checksum = createHash('sha256').update(script).digest('hex');
    return { version: match[1], name: match[2], checksum, script };
  });
}

async function ensureMigrationTable(handle: DatabaseHandle): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migration (
    version text PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL
  )`.execute(handle.db);
}

async function appliedMigrations(handle: DatabaseHandle): Promise<Map<string, string>> {
  const rows = await handle.db.selectFrom('schema_migration').select(['version', 'checksum']).execute();
  return new Map(rows.map((row) => [row.version, row.checksum]));
}

/** Which migrations ran and which wait; an applied migration whose file changed since is an error. */
export async function migrationStatus(
  handle: DatabaseHandle,
  migrations: Migration[] = loadMigrations(),
): Promise<MigrationStatus> {
  await ensureMigrationTable(handle);
  const applied = await appliedMigrations(handle);
  for (const migration of migrations) {
    const checksum = applied.get(migration.version);
    if (checksum !== undefined && checksum !== migration.checksum) {
      throw new MigrationError(
        `migration ${migration.version}_${migration.name} was changed after it was applied; add a new migration instead`,
      );
    }
  }
  return {
    applied: migrations.filter((m) => applied.has(m.version)).map((m) => m.version),
    pending: migrations.filter((m) => !applied.has(m.version)).map((m) => `${m.version}_${m.name}`),
  };
}

/** Applies every pending migration, each in its own transaction together with its bookkeeping row. */
export async function migrate(
  handle: DatabaseHandle,
  now: Date,
  migrations: Migration[] = loadMigrations(),
): Promise<string[]> {
  const status = await migrationStatus(handle, migrations);
  const appliedNow: string[] = [];
  for (const migration of migrations) {
    if (status.applied.includes(migration.version)) continue;
    const label = `${migration.version}_${migration.name}`;
    try {
      await handle.runScriptInTransaction(
        `SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY});\n${migration.script}`,
        [
          {
            sql: 'INSERT INTO schema_migration (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)',
            params: [migration.version, migration.name, migration.checksum, now],
          },
        ],
      );
    } catch (error) {
      // Another instance may have applied it while we waited for the lock.
      if ((await appliedMigrations(handle)).has(migration.version)) continue;
      throw new MigrationError(`migration ${label} failed and was rolled back: ${(error as Error).message}`);
    }
    appliedNow.push(label);
  }
  return appliedNow;
}
