import type { Static } from 'typebox';
import { HttpProblem } from '../../http/errors.ts';
import type { Principal } from '../accounts/principal.ts';
import type { GovernmentQueryInput, QueryRefusal } from './query-as-government.ts';
import type { Querier } from './record-query.ts';
import type { GovernmentQueryBody } from './schemas.ts';

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

/**
 * A government query as a route receives it: through an API client it is the embedded interface and names
 * its end operator (R88); in a browser the signed-in account is the operator.
 */
export function governmentQueryOf(
  principal: Principal,
  body: Static<typeof GovernmentQueryBody>,
): GovernmentQueryInput & { querier: Querier } {
  const viaApi = principal.apiClient !== null;
  return {
    code: body.code,
    scenario: body.scenario,
    scenarioBasis: body.scenarioBasis ?? null,
    purpose: body.purpose,
    caseReference: body.caseReference,
    items: body.items,
    channel: viaApi ? 'API' : 'ONLINE',
    operator: viaApi ? (body.operator ?? null) : (principal.account?.username ?? null),
    // 002 第九条 ¶2: an agency without integration queries with the accounts the center opened for it (R89).
    itemScope: principal.account?.itemScope ?? null,
    querier: querierOf(principal),
  };
}

/** A refused government query as the caller reads it, after its log entry committed. */
export function governmentRefusal(refusal: QueryRefusal): HttpProblem {
  return new HttpProblem(400, refusal.code, `${refusal.zh} / ${refusal.en}`, [
    { field: refusal.field, reason: refusal.zh },
  ]);
}
