import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { type RegisteredOrganization, listProviders as selectProviders } from './store.ts';

export interface ProviderSummary {
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
  divisionCode: string;
  /** ProviderType (src/core/policy/provider-types.ts); null until the center registers it (R18, R19). */
  providerType: string | null;
  collectionChannel: string | null;
}

/** A provider as every list and answer shows it. */
export function providerSummary(row: RegisteredOrganization): ProviderSummary {
  const { code, name, nameEn, kind, divisionCode, providerType, collectionChannel } = row;
  return { code, name, nameEn, kind, divisionCode, providerType, collectionChannel };
}

/** The information providers (信息提供单位) of this instance; public knowledge, so no audit event. */
export async function listProviders(
  db: Kysely<Database> | Transaction<Database>,
): Promise<ProviderSummary[]> {
  return (await selectProviders(db)).map(providerSummary);
}
