import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { hashSecret, verifySecret } from '../../platform/security/secrets.ts';
import { checkNewPassword } from './password-policy.ts';
import { type AccountRow, endSessionsOf, passwordHashOf, updateAccount } from './store.ts';

/**
 * The account changes its own password, proving the current one. Its other sessions end: whoever else held
 * the old password is signed out.
 */
export async function changeOwnPassword(
  ctx: UseCaseContext,
  input: { account: AccountRow; sessionId: number; currentPassword: string; newPassword: string },
): Promise<void> {
  const { account } = input;
  if (!(await verifySecret(await passwordHashOf(ctx.db, account.id), input.currentPassword))) {
    throw new InvalidInputError('currentPassword', '当前密码不正确', 'the current password is wrong');
  }
  checkNewPassword('newPassword', input.newPassword, account.username);
  if (input.newPassword === input.currentPassword) {
    throw new InvalidInputError(
      'newPassword',
      '新密码不能与当前密码相同',
      'must differ from the current password',
    );
  }
  const now = ctx.clock.now();
  await updateAccount(
    ctx.db,
    account.id,
    { passwordHash: await hashSecret(input.newPassword), passwordMustChange: false },
    now,
  );
  const ended = await endSessionsOf(ctx.db, account.id, 'password_changed', now, input.sessionId);
  await ctx.audit.record({
    action: 'account.password_change',
    objectType: 'account',
    objectId: String(account.id),
    payload: { accountId: account.id },
    detail: { otherSessionsEnded: ended },
  });
}
