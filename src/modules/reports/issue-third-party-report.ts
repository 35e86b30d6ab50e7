import { versionInForce } from '../../core/policy/resolver.ts';
import {
  type ApplicantKind,
  authorizationUseRefusal,
  missingMaterials,
  onlineThirdPartyRefusal,
  type ThirdPartyRefusal,
} from '../../core/queries/third-party.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { authorizedItemsOf } from '../authorizations/grant-authorization.ts';
import {
  type AuthorizationRow,
  findAuthorizationByCode,
  insertAuthorization,
  setAuthorizationStatus,
} from '../authorizations/store.ts';
import { type Querier, recordQuery } from '../disclosure/record-query.ts';
import { subjectNamed } from '../disclosure/subject-view.ts';
import type { SubjectRow } from '../subjects/store.ts';
import { issueReport } from './issue-report.ts';
import type { ReportSettings } from './settings.ts';
import type { IssuedReport } from './store.ts';

/** A written authorization as the counter records it from the document presented (R80). */
export interface WrittenAuthorization {
  purpose: string;
  items: readonly string[] | null;
  signedOn: string;
  validUntil: string | null;
}

export type ThirdPartyReportInput =
  /** The third party itself, online, with the code the subject gave it (NT; refused in XM and WH: R77, R79). */
  | { channel: 'ONLINE'; subjectCode: string; accessCode: string; granteeCode: string; querier: Querier }
  /** At a service point or window: the officer checks the materials and the authorization (R78, R79). */
  | {
      channel: 'ON_SITE';
      subjectCode: string;
      applicant: { code: string; name: string; kind: ApplicantKind };
      materials: readonly string[];
      authorization: { accessCode: string } | { written: WrittenAuthorization };
      querier: Querier;
    };

export type ThirdPartyReportResult =
  | { refused: ThirdPartyRefusal & { missing: string[] } }
  | { refused: null; report: IssuedReport; acceptedAt: Date; authorization: AuthorizationRow };

/**
 * A third party's report on another subject under that subject's authorization (000 第十八条; 002 第六条(二),
 * 第七条; 003 第二十二条(三); 004 第二十二条): the channel the city allows, a complete application on site, an
 * authorization for this querier that is in force, then the subject's 社会公开 and authorized records within
 * its scope (R66), with the agreed purpose and its restriction printed (R82). Refusals are logged and return
 * nothing; a single-report authorization is used up.
 */
export async function issueThirdPartyReport(
  ctx: UseCaseContext,
  settings: ReportSettings,
  input: ThirdPartyReportInput,
): Promise<ThirdPartyReportResult> {
  const subject = await subjectNamed(ctx, input.subjectCode);
  const today = ctx.clock.today();
  const params = versionInForce(ctx.profile, today).version.parameters;
  const granteeCode = (input.channel === 'ONLINE' ? input.granteeCode : input.applicant.code)
    .trim()
    .toUpperCase();
  const refuse = async (refusal: ThirdPartyRefusal, missing: string[] = []) => {
    await recordQuery(ctx, {
      subjectCode: subject.subjectCode,
      viewer: 'AUTH_3P',
      channel: input.channel,
      querier: input.querier,
      operator: granteeCode,
      returned: [],
      outcome: 'REFUSED',
      refusalCode: refusal.code,
    });
    return { refused: { ...refusal, missing } };
  };

  if (input.channel === 'ONLINE') {
    const channelRefusal = onlineThirdPartyRefusal(params.queries);
    if (channelRefusal) return refuse(channelRefusal);
  } else {
    // 002 第七条: accepted on the spot when complete, else not accepted with what is missing (R78).
    const missing = missingMaterials(params.queries, input.applicant.kind, input.materials);
    if (missing.length > 0) {
      return refuse(
        {
          code: 'MATERIALS_INCOMPLETE',
          zh: `材料不全，不予受理：缺少${missing.join('、')}`,
          en: `not accepted: missing ${missing.join(', ')}`,
        },
        missing,
      );
    }
  }

  const presented = input.channel === 'ONLINE' ? { accessCode: input.accessCode } : input.authorization;
  const authorization =
    'written' in presented
      ? await insertAuthorization(ctx.db, {
          subjectCode: subject.subjectCode,
          granteeCode,
          granteeName: input.channel === 'ON_SITE' ? input.applicant.name : granteeCode,
          purpose: presented.written.purpose,
          items: authorizedItemsOf(presented.written.items),
          form: 'WRITTEN',
          signedOn: presented.written.signedOn,
          validFrom: presented.written.signedOn,
          validUntil: presented.written.validUntil,
          accessCode: null,
          recordedBy: input.querier.account,
          createdAt: ctx.clock.now(),
        })
      : await findAuthorizationByCode(ctx.db, subject.subjectCode, presented.accessCode.trim().toUpperCase());
  if (!authorization) {
    return refuse({
      code: 'AUTHORIZATION_NOT_FOR_QUERIER',
      zh: '授权码无效：未找到信息主体的该项授权',
      en: 'no authorization of the subject carries this code',
    });
  }
  const useRefusal = authorizationUseRefusal(authorization, { granteeCode, today });
  if (useRefusal) return refuse(useRefusal);

  const report = await reportUnderAuthorization(ctx, settings, {
    subject,
    authorization,
    querier: input.querier,
    channel: input.channel,
    granteeCode,
  });
  return { refused: null, report, acceptedAt: ctx.clock.now(), authorization };
}

/**
 * The report a third party receives under an authorization in force: the subject's 社会公开 and authorized
 * records within its items (R66), the agreed purpose printed with its restriction (R82), logged with the
 * authorization (R80); one that states no validity is used up.
 */
export async function reportUnderAuthorization(
  ctx: UseCaseContext,
  settings: ReportSettings,
  input: {
    subject: SubjectRow;
    authorization: AuthorizationRow;
    querier: Querier;
    channel: string;
    granteeCode: string;
  },
): Promise<IssuedReport> {
  const { authorization } = input;
  const params = versionInForce(ctx.profile, ctx.clock.today()).version.parameters;
  const report = await issueReport(ctx, settings, {
    subject: input.subject,
    reportViewer: 'auth_3p',
    viewer: {
      kind: 'AUTH_3P',
      authorization: {
        items: authorization.items ? new Set(authorization.items) : 'ALL_AUTHORIZED_ITEMS',
        // WH's written authorization reaches 社会公开以外 records, government-shared ones included.
        coversGovernmentShared:
          params.disclosure.thirdPartySeesGovShared.value && authorization.form === 'WRITTEN',
      },
    },
    entitlement: 'masked',
    purpose: authorization.purpose,
    querier: input.querier,
    channel: input.channel,
    logged: { operator: input.granteeCode },
    authorizationId: authorization.authorizationId,
  });
  if (authorization.validUntil === null) {
    await setAuthorizationStatus(ctx.db, authorization, 'CONSUMED', ctx.clock.now());
  }
  return report;
}
