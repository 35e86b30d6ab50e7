import { checkCode } from '../../core/identity/index.ts';
import { type Platform, runUseCase, systemActor } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { randomDigits, secretsEqual, sha256Hex } from '../../platform/security/secrets.ts';
import type {
  ClaimedIdentity,
  RealNameVerifier,
  VerificationFailure,
  VerificationFlow,
  VerificationResponse,
  VerificationStep,
  VerifiedIdentity,
} from './realname-verifier.ts';
import { VerificationFailedError } from './realname-verifier.ts';
import { countFlowAttempt, findAuthFlow, finishAuthFlow, insertAuthFlow } from './store.ts';

const CODE_DIGITS = 6;
const CODE_MINUTES = 5;
/** R81 (004 第二十二条) refuses after three wrong codes; the same bound serves here. */
export const MAX_CODE_ATTEMPTS = 3;

/** Where the code goes: the server log, as the stand-in for the provider's text message. */
export interface CodeLog {
  info(fields: Record<string, unknown>, message: string): void;
}

function codeHash(flowHash: string, code: string): string {
  return sha256Hex(`${flowHash}:${code}`);
}

/**
 * The embedded demo's stand-in for i厦门: the subject enters its name and ID number, a one-time code is
 * written to the server log (never the ID number), and entering the code completes the verification.
 * Whether that name and number may act for the account is decided afterwards, as for OIDC.
 */
export class LocalRealNameVerifier implements RealNameVerifier {
  readonly method = 'local' as const;

  constructor(private readonly log: CodeLog) {}

  async begin(
    platform: Platform,
    flow: VerificationFlow,
    claim: ClaimedIdentity | null,
  ): Promise<VerificationStep> {
    const name = claim?.name.trim() ?? '';
    if (!name) throw new InvalidInputError('name', '请填写姓名', 'enter your name');
    const id = checkCode(claim?.idNumber ?? '', { today: platform.clock.today() });
    if (id.kind !== 'resident_id' || !id.valid) {
      throw new InvalidInputError(
        'idNumber',
        '请填写有效的居民身份证号码',
        'enter a valid resident ID number',
      );
    }
    const code = randomDigits(CODE_DIGITS);
    const now = platform.clock.now();
    const expiresAt = new Date(now.getTime() + CODE_MINUTES * 60_000);
    await runUseCase(platform, systemActor('realname'), async (ctx) => {
      await insertAuthFlow(ctx.db, {
        flowHash: flow.flowHash,
        purpose: 'realname_local',
        sessionId: flow.sessionId,
        state: null,
        nonce: null,
        codeVerifier: null,
        codeHash: codeHash(flow.flowHash, code),
        claimedName: name,
        claimedIdNumber: id.normalized,
        createdAt: now,
        expiresAt,
      });
      await ctx.audit.record({
        action: 'realname.code_issued',
        objectType: 'session',
        objectId: String(flow.sessionId),
        payload: { sessionId: flow.sessionId, expiresAt: expiresAt.toISOString() },
        detail: { method: 'local' },
      });
    });
    this.log.info(
      { sessionId: flow.sessionId, expiresAt: expiresAt.toISOString() },
      `实名认证验证码 / real-name verification code: ${code}`,
    );
    return { kind: 'code_sent', expiresAt };
  }

  async finish(
    platform: Platform,
    flow: VerificationFlow,
    response: VerificationResponse,
  ): Promise<VerifiedIdentity> {
    if (response.kind !== 'code')
      throw new VerificationFailedError('no_flow', 'the local verifier takes a code');
    type Outcome = { failure: VerificationFailure } | { identity: VerifiedIdentity };
    const outcome = await runUseCase(platform, systemActor('realname'), async (ctx): Promise<Outcome> => {
      const now = ctx.clock.now();
      const pending = await findAuthFlow(ctx.db, flow.flowHash);
      if (
        pending?.purpose !== 'realname_local' ||
        pending.sessionId !== flow.sessionId ||
        pending.finishedAt
      ) {
        return { failure: 'no_flow' };
      }
      if (pending.expiresAt <= now) return { failure: 'expired' };
      if (pending.attempts >= MAX_CODE_ATTEMPTS) return { failure: 'too_many_attempts' };
      if (
        !pending.codeHash ||
        !secretsEqual(pending.codeHash, codeHash(flow.flowHash, response.code.trim()))
      ) {
        await countFlowAttempt(ctx.db, flow.flowHash);
        await ctx.audit.record({
          action: 'realname.code_wrong',
          objectType: 'session',
          objectId: String(flow.sessionId),
          payload: { sessionId: flow.sessionId, attempt: pending.attempts + 1 },
          detail: { attempt: pending.attempts + 1 },
        });
        return { failure: pending.attempts + 1 >= MAX_CODE_ATTEMPTS ? 'too_many_attempts' : 'wrong_code' };
      }
      await finishAuthFlow(ctx.db, flow.flowHash, now);
      return {
        identity: { idNumber: pending.claimedIdNumber ?? '', name: pending.claimedName, method: 'local' },
      };
    });
    if ('failure' in outcome) throw new VerificationFailedError(outcome.failure);
    return outcome.identity;
  }
}
