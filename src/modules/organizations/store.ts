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

/** Under which type and through which channel a provider provides (R18, R19); null before registration. */
export interface ProviderRegistration {
  providerType: string | null;
  collectionChannel: string | null;
}

export type RegisteredOrganization = OrganizationRow & ProviderRegistration;

export async function insertOrganizations(
  db: Db,
  rows: ReadonlyArray<OrganizationRow & Partial<ProviderRegistration>>,
  createdAt: Date,
): Promise<void> {
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
        provider_type: row.providerType ?? null,
        collection_channel: row.collectionChannel ?? null,
        created_at: createdAt,
      })),
    )
    .execute();
}

/** Registers an organization already in the registry as a provider, or changes its registration. */
export async function updateProviderRegistration(
  db: Db,
  code: string,
  registration: {
    providerType: string;
    collectionChannel: string;
    divisionCode: string;
    nameEn: string | null;
  },
): Promise<void> {
  await db
    .updateTable('organization')
    .set({
      is_provider: true,
      provider_type: registration.providerType,
      collection_channel: registration.collectionChannel,
      division_code: registration.divisionCode,
      name_en: registration.nameEn,
    })
    .where('code', '=', code)
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

const REGISTERED_COLUMNS = [...ORGANIZATION_COLUMNS, 'provider_type', 'collection_channel'] as const;

function toRegisteredOrganization(
  row: Parameters<typeof toOrganizationRow>[0] & {
    provider_type: string | null;
    collection_channel: string | null;
  },
): RegisteredOrganization {
  return {
    ...toOrganizationRow(row),
    providerType: row.provider_type,
    collectionChannel: row.collection_channel,
  };
}

export async function listProviders(db: Db): Promise<RegisteredOrganization[]> {
  const rows = await db
    .selectFrom('organization')
    .select(REGISTERED_COLUMNS)
    .where('is_provider', '=', true)
    .orderBy('code')
    .execute();
  return rows.map(toRegisteredOrganization);
}

/** An organization with its provider registration, by its code or by its full name (names are unique). */
export async function findRegisteredOrganization(
  db: Db,
  by: { code: string } | { name: string },
): Promise<RegisteredOrganization | undefined> {
  const query = db.selectFrom('organization').select(REGISTERED_COLUMNS);
  const row = await ('code' in by
    ? query.where('code', '=', by.code)
    : query.where('name', '=', by.name)
  ).executeTakeFirst();
  return row && toRegisteredOrganization(row);
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
