import type { Actor } from '../../platform/context.ts';
import { PASSWORD_CHANGE_ONLY, type Permission, permissionsOf } from './permissions.ts';
import type { AccountRole } from './roles.ts';
import type { AccountRow, SessionRow } from './store.ts';

/** Who is calling, as the access layer and the routes see it: a signed-in account or an API client. */
export interface Principal {
  actor: Actor;
  role: AccountRole | 'api_client';
  permissions: ReadonlySet<Permission>;
  organizationCode: string | null;
  organizationName: string | null;
  /** The account behind a browser session, or null for an API client. */
  account: AccountRow | null;
  session: SessionRow | null;
  apiClient: { clientId: string; name: string } | null;
}

export function accountActor(account: Pick<AccountRow, 'id' | 'organizationCode'>): Actor {
  return { kind: 'account', id: `account:${account.id}`, organizationCode: account.organizationCode };
}

export function apiClientActor(clientId: string, organizationCode: string): Actor {
  return { kind: 'api_client', id: `client:${clientId}`, organizationCode };
}

/** A browser session's principal: the role's permissions, or only `account.self` while a temporary password is unchanged. */
export function sessionPrincipal(account: AccountRow, session: SessionRow): Principal {
  return {
    actor: accountActor(account),
    role: account.role,
    permissions: account.passwordMustChange ? new Set(PASSWORD_CHANGE_ONLY) : permissionsOf(account.role),
    organizationCode: account.organizationCode,
    organizationName: account.organizationName,
    account,
    session,
    apiClient: null,
  };
}
