import type { Principal } from '../accounts/principal.ts';
import type { Querier } from './record-query.ts';

/** The querier the log names: the signed-in account, or the API client of an agency's business system. */
export function querierOf(principal: Principal): Querier {
  return {
    account: principal.account?.username ?? principal.apiClient?.clientId ?? principal.actor.id,
    accountName: principal.account?.displayName ?? principal.apiClient?.name ?? principal.actor.id,
    organizationCode: principal.organizationCode,
    organizationName: principal.organizationName,
  };
}

/** The subject a session's real-name verification bound to its account, or null. */
export function verifiedSubjectOf(principal: Principal): string | null {
  const code = principal.account?.subjectCode ?? null;
  const session = principal.session;
  return code !== null && session?.verifiedAt && session.verifiedSubjectCode === code ? code : null;
}
