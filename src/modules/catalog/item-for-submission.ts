import type { Kysely, Transaction } from 'kysely';
import type { CatalogItemDefinition } from '../../core/catalog/item.ts';
import type { Database } from '../../platform/db/schema.ts';
import {
  findItem,
  latestVersion,
  providerPermitted,
  publishedVersion,
  publishedVersionsForProvider,
} from './store.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface ItemForSubmission {
  definition: CatalogItemDefinition;
  version: number;
  /** R10: only a published version accepts records; false means every row is returned ITEM_NOT_PUBLISHED. */
  published: boolean;
  /** The provider is among the item's permitted providers (its duties, 000 第十二条). */
  providerPermitted: boolean;
}

/**
 * The version of a catalog item a provider's rows are validated against: the published one, or, while none
 * is published (a draft, or a version in consultation or awaiting approval), the latest one with
 * `published: false`, so that the rows come back with the reason instead of vanishing. Null: no such item.
 */
export async function findItemForSubmission(
  db: Db,
  itemCode: string,
  providerCode: string,
): Promise<ItemForSubmission | null> {
  if (!(await findItem(db, itemCode))) return null;
  const version = (await publishedVersion(db, itemCode)) ?? (await latestVersion(db, itemCode));
  if (!version) return null;
  return {
    definition: version.definition,
    version: version.version,
    published: version.status === 'PUBLISHED',
    providerPermitted: await providerPermitted(db, itemCode, providerCode),
  };
}

export interface ProviderItem {
  code: string;
  version: number;
  publishedOn: string | null;
  /** The fields the provider's file or API call must carry, in the item's order. */
  definition: CatalogItemDefinition;
}

/** The published items a provider may submit, with their fields: what its upload page offers. */
export async function listItemsForProvider(db: Db, providerCode: string): Promise<ProviderItem[]> {
  const versions = await publishedVersionsForProvider(db, providerCode);
  return versions.map((v) => ({
    code: v.itemCode,
    version: v.version,
    publishedOn: v.publishedOn,
    definition: v.definition,
  }));
}
