import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { hashSecret } from '../../platform/security/secrets.ts';
import { temporaryPassword } from './password-policy.ts';
import { type AccountRow, endSessionsOf, findAccountById, updateAccount } from './store.ts';

export class AccountNotFoundError extends Error {
  constructor(readonly accountId: number) {
    super(`no account ${accountId}`);
    this.name = 'AccountNotFoundError';
  }
}

async function existingAccount(ctx: UseCaseContext, id: number): Promise<AccountRow> {
  const account = await findAccountById(ctx.db, id);
  if (!account) throw new AccountNotFoundError(id);
  return account;
}

/**
 * Disables or re-enables an account. Disabling ends its sessions at once; an administrator cannot disable
 * the account it acts with, so the center never locks itself out by a slip.
 */
export async function setAccountStatus(
  ctx: UseCaseContext,
  input: { accountId: number; status: 'active' | 'disabled' },
): Promise<AccountRow> {
  const account = await existingAccount(ctx, input.accountId);
  if (input.status === 'disabled' && ctx.actor.id === `account:${account.id}`) {
    throw new InvalidInputError(
      'accountId',
      '不能停用自己正在使用的账号',
      'you cannot disable your own account',
    );
  }
  const now = ctx.clock.now();
  await updateAccount(ctx.db, account.id, { status: input.status }, now);
  const ended = input.status === 'disabled' ? await endSessionsOf(ctx.db, account.id, 'disabled', now) : 0;
  await ctx.audit.record({
    action: input.status === 'disabled' ? 'account.disable' : 'account.enable',
    objectType: 'account',
    objectId: String(account.id),
    payload: input,
    detail: { sessionsEnded: ended },
  });
  return { ...account, status: input.status };
}

/** Gives the account a new temporary password, shown once, and signs it out everywhere. */
export async function resetPassword(
  ctx: UseCaseContext,
  input: { accountId: number },
): Promise<{ account: AccountRow; temporaryPassword: string }> {
  const account = await existingAccount(ctx, input.accountId);
  const password = temporaryPassword();
  const now = ctx.clock.now();
  await updateAccount(
    ctx.db,
    account.id,
    { passwordHash: await hashSecret(password), passwordMustChange: true },
    now,
  );
  const ended = await endSessionsOf(ctx.db, account.id, 'password_changed', now);
  await ctx.audit.record({
    action: 'account.reset_password',
    objectType: 'account',
    objectId: String(account.id),
    payload: input,
    detail: { sessionsEnded: ended },
  });
  return { account: { ...account, passwordMustChange: true }, temporaryPassword: password };
}
