import type { ThirdPartyRefusal } from '../../core/queries/third-party.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { secretsEqual } from '../../platform/security/secrets.ts';
import { MAX_CODE_ATTEMPTS } from '../accounts/local-realname-verifier.ts';
import { smsCodeHash } from '../authorizations/request-sms-authorization.ts';
import { findSmsRequest, insertAuthorization, updateSmsRequest } from '../authorizations/store.ts';
import { type Querier, recordQuery } from '../disclosure/record-query.ts';
import { subjectNamed } from '../disclosure/subject-view.ts';
import { reportUnderAuthorization } from './issue-third-party-report.ts';
import type { ReportSettings } from './settings.ts';
import type { IssuedReport } from './store.ts';

export type SmsReportResult =
  | {
      refused:
        | ThirdPartyRefusal
        | { code: 'SMS_CODE_WRONG' | 'SMS_CODE_LOCKED' | 'SMS_CODE_EXPIRED'; zh: string; en: string };
    }
  | { refused: null; report: IssuedReport };

/**
 * The third party enters the code the subject passed on (004 第二十二条 ¶2; R81): the right code within its
 * validity makes an SMS_VERIFICATION authorization for one report and issues it; three wrong codes lock the
 * request and nothing non-public is returned. Every attempt is logged.
 */
export async function issueSmsAuthorizedReport(
  ctx: UseCaseContext,
  settings: ReportSettings,
  input: { subjectCode: string; requestId: number; code: string; granteeCode: string; querier: Querier },
): Promise<SmsReportResult> {
  const subject = await subjectNamed(ctx, input.subjectCode);
  const request = await findSmsRequest(ctx.db, subject.subjectCode, input.requestId);
  const refuse = async (refusal: { code: string; zh: string; en: string }) => {
    await recordQuery(ctx, {
      subjectCode: subject.subjectCode,
      viewer: 'AUTH_3P',
      channel: 'ONLINE',
      querier: input.querier,
      operator: input.granteeCode,
      returned: [],
      outcome: 'REFUSED',
      refusalCode: refusal.code,
    });
    return { refused: refusal } as SmsReportResult;
  };
  if (!request || request.granteeCode !== input.granteeCode) {
    return refuse({
      code: 'AUTHORIZATION_NOT_FOR_QUERIER',
      zh: '未找到本方的短信验证申请',
      en: 'no such SMS request of yours',
    });
  }
  if (request.status === 'LOCKED' || request.status === 'USED') {
    return refuse({
      code: 'SMS_CODE_LOCKED',
      zh: '该验证申请已失效，请重新申请',
      en: 'the request is no longer open',
    });
  }
  if (ctx.clock.now() > request.expiresAt) {
    return refuse({ code: 'SMS_CODE_EXPIRED', zh: '验证码已过期，请重新申请', en: 'the code has expired' });
  }
  const expected = smsCodeHash(subject.subjectCode, input.granteeCode, input.code.trim());
  if (!secretsEqual(expected, request.codeHash)) {
    const attempts = request.attempts + 1;
    const locked = attempts >= MAX_CODE_ATTEMPTS;
    await updateSmsRequest(ctx.db, request, { attempts, status: locked ? 'LOCKED' : 'PENDING' });
    return refuse(
      locked
        ? {
            code: 'SMS_CODE_LOCKED',
            zh: '验证码连续错误 3 次，申请已失效',
            en: 'three wrong codes: the request is locked',
          }
        : {
            code: 'SMS_CODE_WRONG',
            zh: `验证码错误，还可尝试 ${MAX_CODE_ATTEMPTS - attempts} 次`,
            en: `wrong code; ${MAX_CODE_ATTEMPTS - attempts} attempts left`,
          },
    );
  }
  await updateSmsRequest(ctx.db, request, { attempts: request.attempts, status: 'USED' });
  const today = ctx.clock.today().toString();
  const authorization = await insertAuthorization(ctx.db, {
    subjectCode: subject.subjectCode,
    granteeCode: request.granteeCode,
    granteeName: request.granteeName,
    purpose: request.purpose,
    items: request.items,
    form: 'SMS_VERIFICATION',
    signedOn: today,
    validFrom: today,
    validUntil: null,
    accessCode: null,
    recordedBy: input.querier.account,
    createdAt: ctx.clock.now(),
  });
  const report = await reportUnderAuthorization(ctx, settings, {
    subject,
    authorization,
    querier: input.querier,
    channel: 'ONLINE',
    granteeCode: input.granteeCode,
  });
  return { refused: null, report };
}
