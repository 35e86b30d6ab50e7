import { type DatabaseHandle, openPostgres } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrations.ts';
import { createScratchDatabase, withAdminClient } from '../../test/support/db.ts';

/*
 * Where a benchmark's data lives. By default a scratch database, dropped at the end. With `--database NAME`
 * (PostgreSQL only) a named database that is kept: loading 10 M records takes a quarter of an hour, so a
 * later run with the same load reuses it and measures at once, on a machine as quiet as the first run's.
 */

export interface BenchDatabase extends DatabaseHandle {
  /** True when the named database already held this exact load: the benchmark skips loading it. */
  loaded: boolean;
  /** Records that the load is complete, so a later run can reuse it. */
  markLoaded(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * `load` names what the benchmark puts in (its options); a kept database remembers it as the database's
 * comment once loading ends, so a database whose load died half-way, or differs, is never measured.
 */
export async function openBenchDatabase(
  serverUrl: string | undefined,
  name: string | undefined,
  load: Record<string, unknown>,
): Promise<BenchDatabase> {
  if (!name) {
    const scratch = await createScratchDatabase(serverUrl);
    return { ...scratch, loaded: false, markLoaded: async () => {} };
  }
  if (!serverUrl) throw new Error('--database needs --postgres: PGlite keeps nothing between runs');
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`--database ${name}: use lower-case letters, digits and _`);
  const wanted = JSON.stringify(load);
  const existing = await withAdminClient(serverUrl, async (client) => {
    const found = await client.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [name],
    );
    return found.rows[0];
  });
  if (existing && existing.comment !== wanted) {
    throw new Error(
      `database ${name} holds ${existing.comment ?? 'an unfinished load'}, not ${wanted}: drop it (DROP DATABASE ${name}) or name another`,
    );
  }
  if (!existing) await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString());
  await migrate(handle, new Date());
  return {
    ...handle,
    loaded: existing !== undefined,
    async markLoaded() {
      await withAdminClient(serverUrl, (client) =>
        client.query(`COMMENT ON DATABASE ${name} IS ${client.escapeLiteral(wanted)}`),
      );
    },
    dispose: () => handle.close(),
  };
}
