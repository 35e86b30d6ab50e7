import type { UseCaseContext } from '../../platform/context.ts';
import type { VerifiedIdentity } from './realname-verifier.ts';
import { type AccountRow, findSubject, markSessionVerified } from './store.ts';

export type BindingResult = { ok: true; subjectCode: string } | { ok: false; reason: 'MISMATCHED_IDENTITY' };

function sameName(a: string, b: string): boolean {
  return a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
}

/**
 * Binds a verified identity to the session of a subject account, or refuses and logs it (R75; 000 第十八条
 * 查询自身信息的，应当进行有效身份验证; 002 第六条(一)). A natural person must be verified as itself: the ID
 * number is its credit code (000 第六条) and the name, when the verifier gives one, the registered name. An
 * organization is verified through its registered authorized operator (spec A-28).
 */
export async function bindVerifiedSubject(
  ctx: UseCaseContext,
  input: { account: AccountRow; sessionId: number; identity: VerifiedIdentity },
): Promise<BindingResult> {
  const { account, identity } = input;
  const subject = account.subjectCode ? await findSubject(ctx.db, account.subjectCode) : undefined;
  const matches =
    subject !== undefined &&
    (subject.kind === 'natural_person'
      ? identity.idNumber === subject.code &&
        (identity.name === null || sameName(identity.name, subject.name))
      : account.operatorIdNumber !== null && identity.idNumber === account.operatorIdNumber);
  if (!subject || !matches) {
    await ctx.audit.record({
      action: 'realname.mismatch',
      objectType: 'account',
      objectId: String(account.id),
      payload: { sessionId: input.sessionId, method: identity.method, idNumber: identity.idNumber },
      detail: { code: 'MISMATCHED_IDENTITY', method: identity.method },
    });
    return { ok: false, reason: 'MISMATCHED_IDENTITY' };
  }
  await markSessionVerified(ctx.db, input.sessionId, {
    subjectCode: subject.code,
    method: identity.method,
    at: ctx.clock.now(),
  });
  await ctx.audit.record({
    action: 'realname.verified',
    objectType: 'subject',
    objectId: subject.code,
    payload: { sessionId: input.sessionId, method: identity.method, subjectCode: subject.code },
    detail: { method: identity.method, accountId: account.id },
  });
  return { ok: true, subjectCode: subject.code };
}
