import { describeDivision } from '../../core/identity/index.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import {
  type AccountView,
  type ApiClientView,
  presentAccount,
  presentApiClient,
  presentSession,
  type SessionView,
} from './presenters.ts';
import type { Principal } from './principal.ts';
import { findOrganization, findSubject, listApiClients, openSessionsOf } from './store.ts';

/**
 * One's own account and where it is signed in. A subject sees its own name and code in full only in a
 * session verified for that subject (R75); before that, masked like anyone else.
 */
export async function readOwnAccount(
  ctx: UseCaseContext,
  principal: Principal,
): Promise<{ account: AccountView; sessions: SessionView[] }> {
  const { account, session } = principal;
  if (!account) throw new Error('readOwnAccount needs a signed-in account');
  const entitled = account.subjectCode !== null && session?.verifiedSubjectCode === account.subjectCode;
  const sessions = await openSessionsOf(ctx.db, account.id);
  return {
    account: presentAccount(
      account,
      ctx.clock.today(),
      entitled || account.subjectCode === null ? 'full' : 'masked',
    ),
    sessions: sessions.map((s) => presentSession(s, session?.id ?? null)),
  };
}

export interface OwnOrganization {
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
  isProvider: boolean;
  apiClients: ApiClientView[];
}

/** The caller's organization and its registered API clients (never their secrets). */
export async function readOwnOrganization(
  ctx: UseCaseContext,
  principal: Principal,
): Promise<OwnOrganization | null> {
  if (!principal.organizationCode) return null;
  const organization = await findOrganization(ctx.db, principal.organizationCode);
  if (!organization) return null;
  const clients = await listApiClients(ctx.db, organization.code);
  return { ...organization, apiClients: clients.map(presentApiClient) };
}

export interface OwnSubject {
  code: string;
  name: string;
  kind: string;
  division: { code: string; name: string | null };
  registeredOn: string | null;
  legalRepresentative: string | null;
  verifiedAt: string;
  verificationMethod: string;
}

/**
 * The verified subject's own basic information, in full (R75, R65): only in a session that real-name
 * verification bound to this subject. The read is recorded as a self-query.
 */
export async function readOwnSubject(ctx: UseCaseContext, principal: Principal): Promise<OwnSubject | null> {
  const session = principal.session;
  const code = principal.account?.subjectCode;
  if (!session || !code || session.verifiedSubjectCode !== code || !session.verifiedAt) return null;
  const subject = await findSubject(ctx.db, code);
  if (!subject) return null;
  await ctx.audit.record({
    action: 'subject.self_read',
    objectType: 'subject',
    objectId: subject.code,
    purpose: '查询自身信息 / self-query',
    payload: { subjectCode: subject.code, sessionId: session.id },
    detail: { method: session.verificationMethod },
  });
  return {
    code: subject.code,
    name: subject.name,
    kind: subject.kind,
    division: { code: subject.divisionCode, name: describeDivision(subject.divisionCode).name },
    registeredOn: subject.registeredOn,
    legalRepresentative: subject.legalRepresentative,
    verifiedAt: session.verifiedAt.toISOString(),
    verificationMethod: session.verificationMethod ?? '',
  };
}
