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

export const ThirdPartyReportBody = Type.Object({
  subjectCode: Type.String({ minLength: 1, maxLength: 40, description: '被查询主体代码' }),
  accessCode: Type.String({ minLength: 1, maxLength: 40, description: '信息主体给出的授权码' }),
});

const ApplicantKindSchema = Type.Union([Type.Literal('natural_person'), Type.Literal('organization')]);

export const ServicePointReportBody = Type.Object({
  subjectCode: Type.String({ minLength: 1, maxLength: 40 }),
  applicant: Type.Object({
    code: Type.String({ minLength: 1, maxLength: 40, description: '申请人（被授权方）代码' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    kind: ApplicantKindSchema,
  }),
  materials: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 20, description: '已核验的材料' }),
  accessCode: Type.Optional(Type.String({ maxLength: 40, description: '在线授权的授权码' })),
  written: Type.Optional(
    Type.Object({
      purpose: Type.String({ minLength: 1, maxLength: 500 }),
      items: Type.Optional(Type.Union([Type.Array(Type.String({ maxLength: 40 })), Type.Null()])),
      signedOn: Type.String({ format: 'date' }),
      validUntil: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
    }),
  ),
});

export const MaterialsQuery = Type.Object({ applicant: ApplicantKindSchema });

export const ThirdPartyIssuedSchema = Type.Object({
  ...IssuedReportSchema.properties,
  acceptedAt: Type.String({ format: 'date-time', description: '受理时间（即提交时间）' }),
  authorizationId: Type.Integer(),
});

export const ServicePointSelfReportBody = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40, description: '信息主体代码' }),
  verification: Type.String({
    minLength: 1,
    maxLength: 200,
    description: '身份核验记录，如“身份证原件核验通过” / how the identity document was checked',
  }),
});

export const SmsRequestBody = Type.Object({
  subjectCode: Type.String({ minLength: 1, maxLength: 40, description: '被查询主体代码' }),
  purpose: Type.String({ minLength: 1, maxLength: 500, description: '查询用途' }),
  items: Type.Optional(
    Type.Union([Type.Array(Type.String({ maxLength: 40 }), { maxItems: 100 }), Type.Null()]),
  ),
});

export const SmsRequestAnswer = Type.Object({
  requestId: Type.Integer(),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const SmsReportBody = Type.Object({
  subjectCode: Type.String({ minLength: 1, maxLength: 40 }),
  requestId: Type.Integer({ minimum: 1 }),
  code: Type.String({ minLength: 1, maxLength: 12, description: '信息主体转告的短信验证码' }),
});
