import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, migrationStatus } from '../../src/platform/db/migrations.ts';
import { createTestDatabase, type TestDatabase, testEngine } from '../support/db.ts';

describe(`migrations on ${testEngine}`, () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  it('apply every migration once, then report nothing pending', async () => {
    database = await createTestDatabase({ migrated: false });
    const all = loadMigrations();
    expect(all.length).toBeGreaterThan(0);
    const applied = await migrate(database, new Date());
    expect(applied).toEqual(all.map((m) => `${m.version}_${m.name}`));
    expect(await migrate(database, new Date())).toEqual([]);
    expect((await migrationStatus(database)).pending).toEqual([]);
  });

  it('refuse to run when an applied migration was edited afterwards', async () => {
    database = await createTestDatabase();
    const edited = loadMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrationStatus(database, edited)).rejects.toThrow(/was changed after it was applied/);
  });

  it('roll a failing migration back whole, leaving nothing half-written', async () => {
    database = await createTestDatabase();
    const broken = {
      version: '29991231235959',
      name: 'broken',
      checksum: 'x',
      script: 'CREATE TABLE half_written (id int); SELECT no_such_function();',
    };
    await expect(migrate(database, new Date(), [...loadMigrations(), broken])).rejects.toThrow(
      /29991231235959_broken failed and was rolled back/,
    );
    const tables = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'half_written'`.execute(
      database.db,
    );
    expect(tables.rows[0]?.n).toBe(0);
    expect((await migrationStatus(database, [...loadMigrations(), broken])).pending).toEqual([
      '29991231235959_broken',
    ]);
  });

  it('read dates as ISO strings and int8 as numbers on both engines', async () => {
    database = await createTestDatabase();
    const result = await sql<{
      d: string;
      n: number;
    }>`SELECT DATE '2024-02-29' AS d, count(*) AS n FROM organization`.execute(database.db);
    expect(result.rows[0]).toEqual({ d: '2024-02-29', n: 0 });
  });
});
