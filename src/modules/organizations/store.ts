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

const ORGANIZATION_COLUMNS = ['code', 'name', 'name_en', 'kind', 'division_code', 'is_provider'] as const;

function toOrganizationRow(row: {
  code: string;
  name: string;
  name_en: string | null;
  kind: string;
  division_code: string;
  is_provider: boolean;
}): OrganizationRow {
  return {
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    kind: row.kind,
    divisionCode: row.division_code,
    isProvider: row.is_provider,
  };
}

export async function listProviders(db: Db): Promise<OrganizationRow[]> {
  const rows = await db
    .selectFrom('organization')
    .select(ORGANIZATION_COLUMNS)
    .where('is_provider', '=', true)
    .orderBy('code')
    .execute();
  return rows.map(toOrganizationRow);
}

export async function findOrganization(db: Db, code: string): Promise<OrganizationRow | undefined> {
  const row = await db
    .selectFrom('organization')
    .select(ORGANIZATION_COLUMNS)
    .where('code', '=', code)
    .executeTakeFirst();
  return row && toOrganizationRow(row);
}

/** The city's credit center (信用中心), the issuing institution of its reports; undefined before set-up. */
export async function findCreditCenter(db: Db): Promise<OrganizationRow | undefined> {
  const row = await db
    .selectFrom('organization')
    .select(ORGANIZATION_COLUMNS)
    .where('kind', '=', 'credit_center')
    .orderBy('code')
    .executeTakeFirst();
  return row && toOrganizationRow(row);
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
