import type { Kysely, Transaction } from 'kysely';
import type { CatalogItemDefinition } from '../../core/catalog/item.ts';
import type { CatalogItemStatus, Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface ItemRow {
  code: string;
  /** R12 (NT 004 第六条): the organization that owns the item's metadata; null where the city names none. */
  ownerOrganizationCode: string | null;
  ownerOrganizationName: string | null;
  levelDivisionCode: string | null;
  createdAt: Date;
  createdBy: string;
}

export interface VersionRow {
  itemCode: string;
  version: number;
  status: CatalogItemStatus;
  definition: CatalogItemDefinition;
  consultationOpenedOn: string | null;
  consultationClosesOn: string | null;
  approvedOn: string | null;
  publishedOn: string | null;
  updatedAt: Date;
  updatedBy: string;
}

export interface OrganizationRef {
  code: string;
  name: string;
  divisionCode: string;
  isProvider: boolean;
}

/** Only this module writes definitions, each checked by definitionProblems first; the column holds one. */
function asDefinition(stored: unknown): CatalogItemDefinition {
  return stored as CatalogItemDefinition;
}

const VERSION_COLUMNS = [
  'v.item_code',
  'v.version',
  'v.status',
  'v.definition',
  'v.consultation_opened_on',
  'v.consultation_closes_on',
  'v.approved_on',
  'v.published_on',
  'v.updated_at',
  'v.updated_by',
] as const;

function toVersionRow(row: {
  item_code: string;
  version: number;
  status: CatalogItemStatus;
  definition: unknown;
  consultation_opened_on: string | null;
  consultation_closes_on: string | null;
  approved_on: string | null;
  published_on: string | null;
  updated_at: Date;
  updated_by: string;
}): VersionRow {
  return {
    itemCode: row.item_code,
    version: row.version,
    status: row.status,
    definition: asDefinition(row.definition),
    consultationOpenedOn: row.consultation_opened_on,
    consultationClosesOn: row.consultation_closes_on,
    approvedOn: row.approved_on,
    publishedOn: row.published_on,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export async function catalogIsEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('catalog_item').select('code').limit(1).executeTakeFirst();
  return row === undefined;
}

function itemQuery(db: Db) {
  return db
    .selectFrom('catalog_item as i')
    .leftJoin('organization as o', 'o.code', 'i.owner_role')
    .select(['i.code', 'i.owner_role', 'o.name', 'i.level_division_code', 'i.created_at', 'i.created_by']);
}

function toItemRow(row: {
  code: string;
  owner_role: string | null;
  name: string | null;
  level_division_code: string | null;
  created_at: Date;
  created_by: string;
}): ItemRow {
  return {
    code: row.code,
    ownerOrganizationCode: row.owner_role,
    ownerOrganizationName: row.name,
    levelDivisionCode: row.level_division_code,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

export async function findItem(db: Db, code: string): Promise<ItemRow | undefined> {
  const row = await itemQuery(db).where('i.code', '=', code).executeTakeFirst();
  return row && toItemRow(row);
}

export async function listItems(db: Db): Promise<ItemRow[]> {
  const rows = await itemQuery(db).orderBy('i.code').execute();
  return rows.map(toItemRow);
}

export async function insertItem(
  db: Transaction<Database>,
  item: { code: string; ownerOrganizationCode: string | null; levelDivisionCode: string | null },
  at: Date,
  by: string,
): Promise<void> {
  await db
    .insertInto('catalog_item')
    .values({
      code: item.code,
      owner_role: item.ownerOrganizationCode,
      level_division_code: item.levelDivisionCode,
      created_at: at,
      created_by: by,
    })
    .execute();
}

/** Every version of the given items (all items when `codes` is absent), oldest first. */
export async function listVersions(db: Db, codes?: readonly string[]): Promise<VersionRow[]> {
  let query = db.selectFrom('catalog_item_version as v').select(VERSION_COLUMNS);
  if (codes !== undefined) {
    if (codes.length === 0) return [];
    query = query.where('v.item_code', 'in', codes);
  }
  const rows = await query.orderBy('v.item_code').orderBy('v.version').execute();
  return rows.map(toVersionRow);
}

/** The latest version of an item: the one a draft edit or a workflow step applies to. */
export async function latestVersion(db: Db, code: string): Promise<VersionRow | undefined> {
  const row = await db
    .selectFrom('catalog_item_version as v')
    .select(VERSION_COLUMNS)
    .where('v.item_code', '=', code)
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toVersionRow(row);
}

export async function publishedVersion(db: Db, code: string): Promise<VersionRow | undefined> {
  const row = await db
    .selectFrom('catalog_item_version as v')
    .select(VERSION_COLUMNS)
    .where('v.item_code', '=', code)
    .where('v.status', '=', 'PUBLISHED')
    .executeTakeFirst();
  return row && toVersionRow(row);
}

export interface NewVersion {
  itemCode: string;
  version: number;
  status: CatalogItemStatus;
  definition: CatalogItemDefinition;
  publishedOn: string | null;
}

export async function insertVersion(
  db: Transaction<Database>,
  version: NewVersion,
  at: Date,
  by: string,
): Promise<void> {
  await db
    .insertInto('catalog_item_version')
    .values({
      item_code: version.itemCode,
      version: version.version,
      status: version.status,
      definition: JSON.stringify(version.definition),
      consultation_opened_on: null,
      consultation_closes_on: null,
      approved_on: null,
      published_on: version.publishedOn,
      updated_at: at,
      updated_by: by,
    })
    .execute();
}

export async function updateDraftDefinition(
  db: Transaction<Database>,
  key: { itemCode: string; version: number },
  definition: CatalogItemDefinition,
  at: Date,
  by: string,
): Promise<void> {
  await db
    .updateTable('catalog_item_version')
    .set({ definition: JSON.stringify(definition), updated_at: at, updated_by: by })
    .where('item_code', '=', key.itemCode)
    .where('version', '=', key.version)
    .where('status', '=', 'DRAFT')
    .execute();
}

export interface VersionStep {
  status: CatalogItemStatus;
  consultationOpenedOn: string | null;
  consultationClosesOn: string | null;
  approvedOn: string | null;
  publishedOn: string | null;
}

/**
 * Moves a version to its next status. Publishing first retires the version published before, so that at
 * most one version of an item accepts records (the unique index says so too).
 */
export async function stepVersion(
  db: Transaction<Database>,
  key: { itemCode: string; version: number },
  step: VersionStep,
  at: Date,
  by: string,
): Promise<void> {
  if (step.status === 'PUBLISHED') {
    await db
      .updateTable('catalog_item_version')
      .set({ status: 'RETIRED', updated_at: at, updated_by: by })
      .where('item_code', '=', key.itemCode)
      .where('status', '=', 'PUBLISHED')
      .execute();
  }
  await db
    .updateTable('catalog_item_version')
    .set({
      status: step.status,
      consultation_opened_on: step.consultationOpenedOn,
      consultation_closes_on: step.consultationClosesOn,
      approved_on: step.approvedOn,
      published_on: step.publishedOn,
      updated_at: at,
      updated_by: by,
    })
    .where('item_code', '=', key.itemCode)
    .where('version', '=', key.version)
    .execute();
}

/** The providers permitted to submit each of the given items (all items when `codes` is absent). */
export async function listItemProviders(
  db: Db,
  codes?: readonly string[],
): Promise<Array<{ itemCode: string } & OrganizationRef>> {
  let query = db
    .selectFrom('catalog_item_provider as p')
    .innerJoin('organization as o', 'o.code', 'p.organization_code')
    .select(['p.item_code', 'o.code', 'o.name', 'o.division_code', 'o.is_provider']);
  if (codes !== undefined) {
    if (codes.length === 0) return [];
    query = query.where('p.item_code', 'in', codes);
  }
  const rows = await query.orderBy('p.item_code').orderBy('o.code').execute();
  return rows.map((row) => ({
    itemCode: row.item_code,
    code: row.code,
    name: row.name,
    divisionCode: row.division_code,
    isProvider: row.is_provider,
  }));
}

export async function replaceItemProviders(
  db: Transaction<Database>,
  itemCode: string,
  organizationCodes: readonly string[],
): Promise<void> {
  await db.deleteFrom('catalog_item_provider').where('item_code', '=', itemCode).execute();
  if (organizationCodes.length === 0) return;
  await db
    .insertInto('catalog_item_provider')
    .values(organizationCodes.map((code) => ({ item_code: itemCode, organization_code: code })))
    .execute();
}

export async function providerPermitted(
  db: Db,
  itemCode: string,
  organizationCode: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('catalog_item_provider')
    .select('item_code')
    .where('item_code', '=', itemCode)
    .where('organization_code', '=', organizationCode)
    .executeTakeFirst();
  return row !== undefined;
}

/** The published versions of the items a provider may submit. */
export async function publishedVersionsForProvider(db: Db, organizationCode: string): Promise<VersionRow[]> {
  const rows = await db
    .selectFrom('catalog_item_version as v')
    .innerJoin('catalog_item_provider as p', 'p.item_code', 'v.item_code')
    .select(VERSION_COLUMNS)
    .where('p.organization_code', '=', organizationCode)
    .where('v.status', '=', 'PUBLISHED')
    .orderBy('v.item_code')
    .execute();
  return rows.map(toVersionRow);
}

/** The published version of every item (of one level's catalog when `level` is given; null = the city's). */
export async function publishedVersions(db: Db, level?: string | null): Promise<VersionRow[]> {
  let query = db
    .selectFrom('catalog_item_version as v')
    .innerJoin('catalog_item as i', 'i.code', 'v.item_code')
    .select(VERSION_COLUMNS)
    .where('v.status', '=', 'PUBLISHED');
  if (level === null) query = query.where('i.level_division_code', 'is', null);
  else if (level !== undefined) query = query.where('i.level_division_code', '=', level);
  const rows = await query.orderBy('v.item_code').execute();
  return rows.map(toVersionRow);
}

export async function findOrganizations(db: Db, codes: readonly string[]): Promise<OrganizationRef[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('organization')
    .select(['code', 'name', 'division_code', 'is_provider'])
    .where('code', 'in', codes)
    .execute();
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    divisionCode: row.division_code,
    isProvider: row.is_provider,
  }));
}
