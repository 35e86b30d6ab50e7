import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { countOrganizations } from './store.ts';

/** An instance with no organization at all is empty: `npm start` seeds it. */
export async function hasAnyOrganization(db: Kysely<Database> | Transaction<Database>): Promise<boolean> {
  return (await countOrganizations(db)) > 0;
}
