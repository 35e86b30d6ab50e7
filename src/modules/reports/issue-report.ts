import { randomBytes } from 'node:crypto';
import { CHINA_TIME_ZONE } from '../../core/time/local-date.ts';
import type { Viewer } from '../../core/visibility/decide-visibility.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { discloseSubject } from '../disclosure/disclose-subject.ts';
import type { Entitlement } from '../disclosure/present-record.ts';
import { type Querier, recordQuery } from '../disclosure/record-query.ts';
import { presentSubject } from '../disclosure/subject-view.ts';
import { findCreditCenter } from '../organizations/store.ts';
import { listIdentityDocumentLinks, type SubjectRow } from '../subjects/store.ts';
import type { ReportDocument, ReportViewer } from './document.ts';
import { signReport } from './report-signing.ts';
import type { ReportSettings } from './settings.ts';
import { type IssuedReport, insertReport, nextReportSerial } from './store.ts';

/** 002 第十一条: an authorized-query report binds the agreed purpose. */
export const AGREED_USE_STATEMENT = '仅限约定用途使用，未经信息主体同意不得向第三方提供';
/** 002 第十一条: government-shared information is for the query only and confidential. */
export const GOVERNMENT_SHARED_STATEMENT = '仅限查询用途使用，须保密';

const REPORT_VIEWER_OF: Readonly<Record<ReportViewer, string>> = {
  public: 'PUBLIC',
  self: 'SELF',
  auth_3p: 'AUTH_3P',
  gov: 'GOV',
};

export interface ReportRequest {
  subject: SubjectRow;
  reportViewer: ReportViewer;
  viewer: Viewer;
  entitlement: Entitlement;
  /** The agreed or declared purpose, printed on the report (R82); null for public and self reports. */
  purpose: string | null;
  /** Who asked, for the query log; null for an anonymous public report (public data is not logged). */
  querier: Querier | null;
  /** ONLINE, ON_SITE, PROVIDER_COUNTER, API, CLI (R76, R83). */
  channel: string;
  /** 出具机构 when a provider's counter issues it; the credit center otherwise. */
  issuer?: string;
  /** Only these items: what a government user named (R84); every item the viewer may see when absent. */
  items?: ReadonlySet<string>;
  /** The subject's authorization a third-party report is issued under (R80). */
  authorizationId?: number;
  /**
   * Logged with the report: a government report's declaration (R85, R86), the end operator of an embedded
   * call (R88), or the officer who checked the identity document on site (R76).
   */
  logged?: {
    /** What the query log says the query was for, where the report prints none (a self-report). */
    purpose?: string | null;
    scenario?: string | null;
    scenarioBasis?: string | null;
    caseReference?: string | null;
    operator?: string | null;
  };
}

/** Made once: building a DateTimeFormat costs more than formatting with it. */
const SHANGHAI_SECONDS = new Intl.DateTimeFormat('en-CA', {
  timeZone: CHINA_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Query time to the second in Asia/Shanghai, as the report prints it (002 第十条). */
function queryTimeOf(instant: Date): string {
  const parts = SHANGHAI_SECONDS.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

function statementsFor(request: ReportRequest, includesGovernmentShared: boolean): string[] {
  const statements: string[] = [];
  if (request.reportViewer === 'auth_3p') statements.push(AGREED_USE_STATEMENT);
  if (includesGovernmentShared) statements.push(GOVERNMENT_SHARED_STATEMENT);
  return statements;
}

/**
 * Issues a public credit report (公共信用报告, 000 第二十二条; 002 第十条; R93–R97): the records the viewer may
 * see today, objectively and without any score, numbered, timed to the second, signed, stored for
 * verification, and — for anything beyond public data — entered in the query log with its number (R92).
 */
export async function issueReport(
  ctx: UseCaseContext,
  settings: ReportSettings,
  request: ReportRequest,
): Promise<IssuedReport> {
  const now = ctx.clock.now();
  const today = ctx.clock.today();
  const queryTime = queryTimeOf(now);
  const serial = await nextReportSerial(ctx.db);
  const number = `RPT-${queryTime.slice(0, 10).replaceAll('-', '')}-${String(serial).padStart(6, '0')}`;
  const verificationCode = randomBytes(6).toString('hex').toUpperCase();
  const [disclosure, links, center] = await Promise.all([
    discloseSubject(ctx, { ...request, profile: ctx.profile, today }),
    listIdentityDocumentLinks(ctx.db, request.subject.subjectCode),
    findCreditCenter(ctx.db),
  ]);
  const header = presentSubject(request.subject, request.entitlement);
  const { sections } = disclosure;
  const document: ReportDocument = {
    number,
    queryTime,
    issuer: request.issuer ?? center?.name ?? ctx.profile.nameZh,
    viewer: request.reportViewer,
    subject: {
      code: header.code,
      name: header.name,
      linkedCodes: request.entitlement === 'full' ? links.map((l) => l.number) : [],
    },
    purpose: request.purpose,
    statements: statementsFor(request, disclosure.includesGovernmentShared),
    sections,
    verificationUrl: `${settings.publicUrl}/reports/${number}?code=${verificationCode}`,
  };
  const signature = signReport(settings.signingKey(), document);
  const report: IssuedReport = {
    subjectCode: request.subject.subjectCode,
    number,
    issuedAt: now,
    viewer: request.reportViewer,
    issuer: document.issuer,
    issuedBy: request.querier?.account ?? 'anonymous',
    verificationCode,
    document,
    contentHash: signature.contentHash,
    signatureAlgorithm: signature.algorithm,
    signingKeyId: signature.keyId,
    signingPublicKey: settings.signingKey().publicKeyPem,
    signature: signature.signature,
    pdfHash: null,
  };
  await insertReport(ctx.db, report);
  await ctx.audit.record({
    action: 'report.issued',
    objectType: 'report',
    objectId: number,
    purpose: request.purpose,
    payload: { contentHash: signature.contentHash, returned: disclosure.returned },
    detail: { viewer: request.reportViewer, channel: request.channel },
  });
  if (request.querier && request.reportViewer !== 'public') {
    await recordQuery(ctx, {
      subjectCode: request.subject.subjectCode,
      viewer: REPORT_VIEWER_OF[request.reportViewer],
      channel: request.channel,
      querier: request.querier,
      purpose: request.purpose,
      ...request.logged,
      authorizationId: request.authorizationId ?? null,
      reportNumber: number,
      returned: disclosure.returned,
      outcome: 'RETURNED',
    });
  }
  return report;
}
