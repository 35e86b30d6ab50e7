import { Type } from 'typebox';
import { GovernmentQueryBody, ReportSectionSchema } from '../disclosure/schemas.ts';
import { REPORT_VIEWERS } from './document.ts';

export const ReportDocumentSchema = Type.Object({
  number: Type.String(),
  queryTime: Type.String({ description: '查询时间（北京时间，精确到秒）' }),
  issuer: Type.String({ description: '出具机构' }),
  viewer: Type.Union(REPORT_VIEWERS.map((v) => Type.Literal(v))),
  subject: Type.Object({
    code: Type.String(),
    name: Type.String(),
    linkedCodes: Type.Array(Type.String()),
  }),
  purpose: Type.Union([Type.String(), Type.Null()]),
  statements: Type.Array(Type.String()),
  sections: Type.Array(ReportSectionSchema),
  verificationUrl: Type.String(),
});

export const IssuedReportSchema = Type.Object({
  number: Type.String(),
  verificationCode: Type.String({ description: '验证码：与报告编号一起查看报告内容、下载 PDF' }),
  pdfUrl: Type.String(),
  contentHash: Type.String(),
  signatureAlgorithm: Type.String(),
  signingKeyId: Type.String(),
  signature: Type.String(),
  document: ReportDocumentSchema,
});

export const PublicReportBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });

export const GovernmentReportBody = GovernmentQueryBody;

export const ReportNumberParams = Type.Object({ number: Type.String({ minLength: 1, maxLength: 40 }) });

export const ReportCodeQuery = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });

export const OptionalReportCodeQuery = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 40 })),
});

export const VerificationSchema = Type.Object({
  authentic: Type.Boolean(),
  failure: Type.Union([Type.String(), Type.Null()]),
  message: Type.Object({ zh: Type.String(), en: Type.String() }),
  metadata: Type.Union([
    Type.Object({
      number: Type.String(),
      subjectCode: Type.String(),
      queryTime: Type.String(),
      issuer: Type.String(),
      contentHash: Type.String(),
      signatureAlgorithm: Type.String(),
      signingKeyId: Type.String(),
    }),
    Type.Null(),
  ]),
  document: Type.Union([ReportDocumentSchema, Type.Null()]),
});
