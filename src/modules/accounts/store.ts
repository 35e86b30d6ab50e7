import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewAccount {
  username: string;
  displayName: string;
  role: string;
  organizationCode: string | null;
  subjectCode: string | null;
  passwordHash: string;
}

export async function insertAccounts(db: Db, accounts: NewAccount[], createdAt: Date): Promise<void> {
  if (accounts.length === 0) return;
  await db
    .insertInto('account')
    .values(
      accounts.map((account) => ({
        username: account.username,
        display_name: account.displayName,
        role: account.role,
        organization_code: account.organizationCode,
        subject_code: account.subjectCode,
        password_hash: account.passwordHash,
        created_at: createdAt,
      })),
    )
    .execute();
}
