import type { UseCaseContext } from '../../platform/context.ts';
import { apiClientScopesFor } from './permissions.ts';
import { type AccountView, presentAccount } from './presenters.ts';
import { listAccounts, listOrganizations } from './store.ts';

/** Every account, for the center's administrators; subjects' personal data masked. The read is recorded. */
export async function listAccountsForAdministration(ctx: UseCaseContext): Promise<AccountView[]> {
  const accounts = await listAccounts(ctx.db);
  await ctx.audit.record({
    action: 'account.list',
    objectType: 'account',
    payload: { accounts: accounts.map((a) => a.id) },
    detail: { count: accounts.length },
  });
  const today = ctx.clock.today();
  return accounts.map((account) => presentAccount(account, today, 'masked'));
}

/**
 * Every organization, to pick one for a new account or API client, with the scopes its clients may hold.
 * Reference data, not personal: the read is not recorded.
 */
export async function listAllOrganizations(ctx: UseCaseContext) {
  const organizations = await listOrganizations(ctx.db);
  return organizations.map((organization) => ({
    ...organization,
    apiClientScopes: [...apiClientScopesFor(organization.kind)],
  }));
}
