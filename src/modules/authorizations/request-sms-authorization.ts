import { versionInForce } from '../../core/policy/resolver.ts';
import { HttpProblem } from '../../http/errors.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { randomDigits, sha256Hex } from '../../platform/security/secrets.ts';
import { subjectNamed } from '../disclosure/subject-view.ts';
import { authorizedItemsOf } from './grant-authorization.ts';
import { insertSmsRequest } from './store.ts';

const CODE_DIGITS = 6;
const CODE_MINUTES = 10;

/** Where the code goes: the SMS gateway, or in the embedded demo the server log standing in for it. */
export interface SmsSender {
  send(subjectCode: string, text: string): void;
}

/** The code is kept only as a hash bound to the subject and the party it was sent for. */
export function smsCodeHash(subjectCode: string, granteeCode: string, code: string): string {
  return sha256Hex(`${subjectCode}:${granteeCode}:${code}`);
}

/**
 * A third party asks to be authorized by SMS verification (004 第二十二条 ¶2; R81): the platform sends a
 * one-time code to the subject's registered mobile number; the subject passes it on if it agrees.
 */
export async function requestSmsAuthorization(
  ctx: UseCaseContext,
  sms: SmsSender,
  input: {
    subjectCode: string;
    granteeCode: string;
    granteeName: string;
    purpose: string;
    items?: readonly string[] | null;
  },
): Promise<{ requestId: number; expiresAt: Date }> {
  const { queries } = versionInForce(ctx.profile, ctx.clock.today()).version.parameters;
  if (!queries.thirdPartyAuthorizationForms.value.includes('SMS_VERIFICATION')) {
    throw new HttpProblem(
      403,
      'SMS_VERIFICATION_NOT_AVAILABLE',
      '本市授权查询须提交书面授权，不接受短信验证 / this city takes written authorizations only',
    );
  }
  if (input.purpose.trim() === '')
    throw new InvalidInputError('purpose', '须载明查询用途', 'the purpose is required');
  const subject = await subjectNamed(ctx, input.subjectCode);
  const code = randomDigits(CODE_DIGITS);
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + CODE_MINUTES * 60_000);
  const requestId = await insertSmsRequest(ctx.db, {
    subjectCode: subject.subjectCode,
    granteeCode: input.granteeCode,
    granteeName: input.granteeName,
    purpose: input.purpose.trim(),
    items: authorizedItemsOf(input.items),
    codeHash: smsCodeHash(subject.subjectCode, input.granteeCode, code),
    expiresAt,
    createdAt: now,
  });
  await ctx.audit.record({
    action: 'authorization.sms_requested',
    objectType: 'subject',
    objectId: subject.subjectCode,
    purpose: input.purpose,
    payload: { requestId, granteeCode: input.granteeCode },
  });
  sms.send(
    subject.subjectCode,
    `【信用】${input.granteeName}申请查询您的授权查询信息，用途：${input.purpose.trim()}。同意请将验证码 ${code} 告知对方，${CODE_MINUTES}分钟内有效。`,
  );
  return { requestId, expiresAt };
}
