import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface OrganizationRow {
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
  divisionCode: string;
  isProvider: boolean;
}

export async function insertOrganizations(db: Db, rows: OrganizationRow[], createdAt: Date): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('organization')
    .values(
      rows.map((row) => ({
        code: row.code,
        name: row.name,
        name_en: row.nameEn,
        kind: row.kind,
        division_code: row.divisionCode,
        is_provider: row.isProvider,
        created_at: createdAt,
      })),
    )
    .execute();
}

export async function listProviders(db: Db): Promise<OrganizationRow[]> {
  const rows = await db
    .selectFrom('organization')
    .select(['code', 'name', 'name_en', 'kind', 'division_code', 'is_provider'])
    .where('is_provider', '=', true)
    .orderBy('code')
    .execute();
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    kind: row.kind,
    divisionCode: row.division_code,
    isProvider: row.is_provider,
  }));
}

export async function countProviders(db: Db): Promise<number> {
  const row = await db
    .selectFrom('organization')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('is_provider', '=', true)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function countOrganizations(db: Db): Promise<number> {
  const row = await db
    .selectFrom('organization')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
