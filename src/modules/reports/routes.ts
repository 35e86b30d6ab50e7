import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { versionInForce } from '../../core/policy/resolver.ts';
import { maskIdNumber } from '../../core/privacy/masking.ts';
import { requiredMaterials } from '../../core/queries/third-party.ts';
import { HttpProblem } from '../../http/errors.ts';
import { runAsPrincipal } from '../../http/principal.ts';
import { anonymousActor, type Platform, runUseCase } from '../../platform/context.ts';
import type { SecurityConfig } from '../../platform/security/config.ts';
import type { Principal } from '../accounts/principal.ts';
import { requestSmsAuthorization } from '../authorizations/request-sms-authorization.ts';
import { governmentQueryOf, governmentRefusal, querierOf, verifiedSubjectOf } from '../disclosure/querier.ts';
import { issueGovernmentReport } from './issue-government-report.ts';
import { issueOwnReport } from './issue-own-report.ts';
import { issuePublicReport } from './issue-public-report.ts';
import { issueSmsAuthorizedReport } from './issue-sms-authorized-report.ts';
import { issueThirdPartyReport, type ThirdPartyReportResult } from './issue-third-party-report.ts';
import { presentIssued } from './present-issued.ts';
import { renderReportFile, reportHeld } from './render-report-file.ts';
import {
  GovernmentReportBody,
  IssuedReportSchema,
  MaterialsQuery,
  OptionalReportCodeQuery,
  PublicReportBody,
  ReportCodeQuery,
  ReportDocumentSchema,
  ReportNumberParams,
  ServicePointReportBody,
  ServicePointSelfReportBody,
  SmsReportBody,
  SmsRequestAnswer,
  SmsRequestBody,
  ThirdPartyIssuedSchema,
  ThirdPartyReportBody,
  VerificationSchema,
} from './schemas.ts';
import type { ReportSettings } from './settings.ts';
import { verifyReport } from './verify-report.ts';

/** A report file is a few hundred KiB; anything far larger is not one. */
const MAX_REPORT_FILE_BYTES = 20 * 1024 * 1024;

/** Who a subject authorizes when it names a party online: a signed-in subject's own code, or its organization. */
function granteeCodeOf(principal: Principal): string {
  return principal.account?.subjectCode ?? principal.organizationCode ?? querierOf(principal).account;
}

/** A third-party report, or the refusal answered after its log entry committed. */
function thirdPartyAnswer(result: ThirdPartyReportResult) {
  if (result.refused) {
    const { code, zh, en, missing } = result.refused;
    throw new HttpProblem(
      code === 'MATERIALS_INCOMPLETE' ? 422 : 403,
      code,
      `${zh} / ${en}`,
      missing.map((item) => ({ field: 'materials', reason: item })),
    );
  }
  return {
    ...presentIssued(result.report),
    acceptedAt: result.acceptedAt.toISOString(),
    authorizationId: result.authorization.authorizationId,
  };
}

export function reportRoutes(platform: Platform, settings: ReportSettings, security: SecurityConfig) {
  return async (app: FastifyInstance) => {
    app.addContentTypeParser(
      ['application/pdf', 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: MAX_REPORT_FILE_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.post<{ Body: Static<typeof PublicReportBody> }>(
      '/api/v1/public/reports',
      {
        config: { access: 'public', rateLimit: { max: security.rateLimit.login, timeWindow: 60_000 } },
        schema: {
          tags: ['public'],
          summary: '出具公共信用报告（社会公开信息） / issue a public credit report',
          body: PublicReportBody,
          response: { 200: IssuedReportSchema },
        },
      },
      async (request) =>
        presentIssued(
          await runUseCase(
            platform,
            anonymousActor,
            (ctx) => issuePublicReport(ctx, settings, { code: request.body.code, channel: 'ONLINE' }),
            request.id,
          ),
        ),
    );

    app.post(
      '/api/v1/me/reports',
      {
        config: { access: { permission: 'subject.self.read' } },
        schema: {
          tags: ['subject'],
          summary: '出具本主体信用报告（须实名认证） / issue one’s own report after real-name verification',
          response: { 200: IssuedReportSchema },
        },
      },
      async (request) =>
        presentIssued(
          await runAsPrincipal(platform, request, (ctx, principal) =>
            issueOwnReport(ctx, settings, {
              channel: 'ONLINE',
              verifiedSubjectCode: verifiedSubjectOf(principal),
              querier: querierOf(principal),
            }),
          ),
        ),
    );

    app.post<{ Body: Static<typeof GovernmentReportBody> }>(
      '/api/v1/gov/reports',
      {
        config: { access: { permission: 'records.gov.query' } },
        schema: {
          tags: ['government'],
          summary: '政务查询并出具信用报告 / a government query delivered as a report',
          body: GovernmentReportBody,
          response: { 200: IssuedReportSchema },
        },
      },
      async (request) => {
        const result = await runAsPrincipal(platform, request, (ctx, principal) =>
          issueGovernmentReport(ctx, settings, governmentQueryOf(principal, request.body)),
        );
        if (result.refused) throw governmentRefusal(result.refused);
        return presentIssued(result.report);
      },
    );

    app.post<{ Body: Static<typeof ThirdPartyReportBody> }>(
      '/api/v1/third-party/reports',
      {
        config: { access: { permission: 'reports.third_party' } },
        schema: {
          tags: ['subject'],
          summary:
            '凭信息主体的授权码在线查询（仅南通） / a report under the subject’s authorization code, online',
          body: ThirdPartyReportBody,
          response: { 200: ThirdPartyIssuedSchema },
        },
      },
      async (request) =>
        thirdPartyAnswer(
          await runAsPrincipal(platform, request, (ctx, principal) =>
            issueThirdPartyReport(ctx, settings, {
              channel: 'ONLINE',
              ...request.body,
              granteeCode: granteeCodeOf(principal),
              querier: querierOf(principal),
            }),
          ),
        ),
    );

    app.post<{ Body: Static<typeof SmsRequestBody> }>(
      '/api/v1/third-party/sms-requests',
      {
        config: { access: { permission: 'reports.third_party' } },
        schema: {
          tags: ['subject'],
          summary: '申请短信验证授权（南通）：向信息主体的登记手机发送验证码 / ask for SMS verification',
          body: SmsRequestBody,
          response: { 200: SmsRequestAnswer },
        },
      },
      async (request) => {
        // No SMS gateway is configured in this build: the text goes to the server log, as the local
        // real-name verifier's code does, never to the caller.
        const sms = {
          send: (subjectCode: string, text: string) =>
            request.log.info({ smsTo: maskIdNumber(subjectCode) }, `SMS (stand-in for the gateway): ${text}`),
        };
        const answer = await runAsPrincipal(platform, request, (ctx, principal) => {
          const querier = querierOf(principal);
          return requestSmsAuthorization(ctx, sms, {
            ...request.body,
            granteeCode: granteeCodeOf(principal),
            granteeName: querier.organizationName ?? querier.accountName,
          });
        });
        return { requestId: answer.requestId, expiresAt: answer.expiresAt.toISOString() };
      },
    );

    app.post<{ Body: Static<typeof SmsReportBody> }>(
      '/api/v1/third-party/sms-reports',
      {
        config: { access: { permission: 'reports.third_party' } },
        schema: {
          tags: ['subject'],
          summary: '输入信息主体转告的验证码，出具授权查询报告（南通） / enter the code and get the report',
          body: SmsReportBody,
          response: { 200: IssuedReportSchema },
        },
      },
      async (request) => {
        const result = await runAsPrincipal(platform, request, (ctx, principal) =>
          issueSmsAuthorizedReport(ctx, settings, {
            ...request.body,
            granteeCode: granteeCodeOf(principal),
            querier: querierOf(principal),
          }),
        );
        if (result.refused) {
          const { code, zh, en } = result.refused;
          throw new HttpProblem(403, code, `${zh} / ${en}`);
        }
        return presentIssued(result.report);
      },
    );

    app.get<{ Querystring: Static<typeof MaterialsQuery> }>(
      '/api/v1/service-point/materials',
      {
        config: { access: { permission: 'reports.issue' } },
        schema: {
          tags: ['center'],
          summary: '授权查询现场申请须核验的材料 / the materials an on-site application brings',
          querystring: MaterialsQuery,
          response: { 200: Type.Array(Type.String()) },
        },
      },
      (request) =>
        requiredMaterials(
          versionInForce(platform.profile, platform.clock.today()).version.parameters.queries,
          request.query.applicant,
        ),
    );

    app.post<{ Body: Static<typeof ServicePointSelfReportBody> }>(
      '/api/v1/service-point/self-reports',
      {
        config: { access: { permission: 'reports.issue' } },
        schema: {
          tags: ['center'],
          summary: '服务窗口或信息提供单位柜台：核验身份证件后出具本人报告 / a self-report issued on site',
          body: ServicePointSelfReportBody,
          response: { 200: IssuedReportSchema },
        },
      },
      async (request) =>
        presentIssued(
          await runAsPrincipal(platform, request, (ctx, principal) =>
            issueOwnReport(ctx, settings, {
              // 000 第十八条, 第二十一条; 002 第四条: at a center service point, or at the provider's counter (R76, R83).
              channel: principal.role === 'provider' ? 'PROVIDER_COUNTER' : 'ON_SITE',
              code: request.body.code,
              verification: request.body.verification,
              querier: querierOf(principal),
            }),
          ),
        ),
    );

    app.post<{ Body: Static<typeof ServicePointReportBody> }>(
      '/api/v1/service-point/third-party-reports',
      {
        config: { access: { permission: 'reports.issue' } },
        schema: {
          tags: ['center'],
          summary: '服务窗口受理授权查询并出具报告 / a third party’s application at a service point',
          body: ServicePointReportBody,
          response: { 200: ThirdPartyIssuedSchema },
        },
      },
      async (request) => {
        const { written, accessCode, ...body } = request.body;
        const result = await runAsPrincipal(platform, request, (ctx, principal) =>
          issueThirdPartyReport(ctx, settings, {
            channel: 'ON_SITE',
            ...body,
            authorization: written
              ? {
                  written: {
                    purpose: written.purpose,
                    items: written.items ?? null,
                    signedOn: written.signedOn,
                    validUntil: written.validUntil ?? null,
                  },
                }
              : { accessCode: accessCode ?? '' },
            querier: querierOf(principal),
          }),
        );
        return thirdPartyAnswer(result);
      },
    );

    app.get<{ Params: Static<typeof ReportNumberParams>; Querystring: Static<typeof ReportCodeQuery> }>(
      '/api/v1/reports/:number',
      {
        config: { access: 'public' },
        schema: {
          tags: ['public'],
          summary: '凭报告编号与验证码查看报告 / a report, by its number and verification code',
          params: ReportNumberParams,
          querystring: ReportCodeQuery,
          response: { 200: ReportDocumentSchema },
        },
      },
      async (request) => {
        const report = await reportHeld(platform, {
          number: request.params.number,
          code: request.query.code,
        });
        return report.document;
      },
    );

    app.get<{ Params: Static<typeof ReportNumberParams>; Querystring: Static<typeof ReportCodeQuery> }>(
      '/api/v1/reports/:number/pdf',
      {
        config: { access: 'public' },
        schema: {
          tags: ['public'],
          summary: '下载报告 PDF（已签名） / the signed PDF of a report',
          params: ReportNumberParams,
          querystring: ReportCodeQuery,
        },
      },
      async (request, reply) => {
        const { report, pdf } = await runUseCase(
          platform,
          anonymousActor,
          (ctx) => renderReportFile(ctx, { number: request.params.number, code: request.query.code }),
          request.id,
        );
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${report.number}.pdf"`)
          .send(Buffer.from(pdf));
      },
    );

    app.get<{
      Params: Static<typeof ReportNumberParams>;
      Querystring: Static<typeof OptionalReportCodeQuery>;
    }>(
      '/api/v1/reports/:number/verification',
      {
        config: { access: 'public' },
        schema: {
          tags: ['public'],
          summary: '按报告编号核验报告真伪 / verify a report by its number',
          params: ReportNumberParams,
          querystring: OptionalReportCodeQuery,
          response: { 200: VerificationSchema },
        },
      },
      (request) => verifyReport(platform, { number: request.params.number, code: request.query.code }),
    );

    app.post(
      '/api/v1/reports/verification',
      {
        config: { access: 'public', rateLimit: { max: security.rateLimit.login, timeWindow: 60_000 } },
        schema: {
          tags: ['public'],
          summary: '上传报告 PDF 核验真伪 / verify a report file (body: the PDF)',
          response: { 200: VerificationSchema },
        },
      },
      (request) => {
        if (!Buffer.isBuffer(request.body)) {
          throw new HttpProblem(
            415,
            'PDF_REQUIRED',
            '请上传报告 PDF 文件 / send the PDF as the request body',
          );
        }
        return verifyReport(platform, { file: request.body });
      },
    );
  };
}
