import type { TestApp } from './app.ts';
import { signInAs, type TestSession } from './sessions.ts';

/**
 * The demo citizen signed in, its sessions marked verified for its subject as the real-name flow leaves them
 * (the flow itself is tested in accounts-realname and accounts-oidc).
 */
export async function verifiedCitizen(
  t: TestApp,
): Promise<{ session: TestSession; code: string; name: string }> {
  const session = await signInAs(t.app, 'citizen');
  const account = await t.database.db
    .selectFrom('account')
    .innerJoin('subject', 'subject.subject_code', 'account.subject_code')
    .select(['account.id', 'account.subject_code', 'subject.name'])
    .where('account.username', '=', 'citizen')
    .executeTakeFirstOrThrow();
  const code = account.subject_code ?? '';
  await t.database.db
    .updateTable('account_session')
    .set({ verified_subject_code: code, verified_at: t.platform.clock.now(), verification_method: 'local' })
    .where('account_id', '=', account.id)
    .execute();
  return { session, code, name: account.name };
}
