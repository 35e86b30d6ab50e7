import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { publishedVersions } from '../catalog/store.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface AgencyPermissions {
  /** Items whose 政务共享 records the agency may use: its code is in the item's usage permission (R15, R63). */
  sharing: ReadonlySet<string>;
  /** Items disclosed to society, which any agency may ask for by name. */
  publicItems: ReadonlySet<string>;
}

/** What an agency may query under the published catalog (000 第十一条(三); 002 第九条 ¶1). */
export async function agencyPermissions(db: Db, agency: string | null): Promise<AgencyPermissions> {
  const published = await publishedVersions(db);
  return {
    sharing: new Set(
      published
        .filter((v) => agency !== null && (v.definition.usagePermission ?? []).includes(agency))
        .map((v) => v.itemCode),
    ),
    publicItems: new Set(
      published.filter((v) => v.definition.disclosure === 'public').map((v) => v.itemCode),
    ),
  };
}
