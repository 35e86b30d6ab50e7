import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { publishedVersions } from '../catalog/store.ts';
import { listQueryApplications } from './store.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface AgencyPermissions {
  /** Items whose 政务共享 records the agency may use today (R15, R63, R87). */
  sharing: ReadonlySet<string>;
  /** Items disclosed to society, which any agency may ask for by name. */
  publicItems: ReadonlySet<string>;
  /** Items only an application that has lapsed covered (WH, R87: APPLICATION_EXPIRED when asked for). */
  lapsed: ReadonlySet<string>;
}

/**
 * What an agency may query today. Where the city shares by catalog (XM 002 第九条 ¶1; NT 004 第二十条) an item's
 * usage permission names the agencies; in Weihai the center's approval of the agency's written application,
 * with its items and period, is what opens them (003 第二十三条 ¶1).
 */
export async function agencyPermissions(
  db: Db,
  agency: string | null,
  terms: { requiresApplication: boolean; today: string },
): Promise<AgencyPermissions> {
  const published = await publishedVersions(db);
  const publicItems = new Set(
    published.filter((v) => v.definition.disclosure === 'public').map((v) => v.itemCode),
  );
  if (agency === null) return { sharing: new Set(), publicItems, lapsed: new Set() };
  if (!terms.requiresApplication) {
    const sharing = published
      .filter((v) => (v.definition.usagePermission ?? []).includes(agency))
      .map((v) => v.itemCode);
    return { sharing: new Set(sharing), publicItems, lapsed: new Set() };
  }
  const applications = await listQueryApplications(db, agency);
  const inForce = applications.filter((a) => a.validFrom <= terms.today && terms.today <= a.validUntil);
  const sharing = new Set(inForce.flatMap((a) => a.items));
  const lapsed = new Set(applications.flatMap((a) => a.items).filter((item) => !sharing.has(item)));
  return { sharing, publicItems, lapsed };
}
