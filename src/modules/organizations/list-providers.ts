import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { listProviders as selectProviders } from './store.ts';

export interface ProviderSummary {
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
  divisionCode: string;
}

/** The information providers (信息提供单位) of this instance; public knowledge, so no audit event. */
export async function listProviders(
  db: Kysely<Database> | Transaction<Database>,
): Promise<ProviderSummary[]> {
  return (await selectProviders(db)).map(({ code, name, nameEn, kind, divisionCode }) => ({
    code,
    name,
    nameEn,
    kind,
    divisionCode,
  }));
}
