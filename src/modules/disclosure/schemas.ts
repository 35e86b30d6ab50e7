import { Type } from 'typebox';
import { EXPLAINABLE_VIEWERS } from './explain-record.ts';

const NullableDate = Type.Union([Type.String({ format: 'date' }), Type.Null()]);
const NullableText = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);

export const SubjectCodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });

export const DisclosedRecord = Type.Object({
  reference: Type.String({ description: '记录编号 subject/record' }),
  itemName: Type.String(),
  providerName: Type.String(),
  recordStart: NullableDate,
  disclosureLastDay: NullableDate,
  fields: Type.Array(Type.Object({ label: Type.String(), value: Type.String() })),
  markers: Type.Array(Type.String(), { description: '标识，如“异议处理中” / markers' }),
});

export const ReportSectionSchema = Type.Object({
  category: Type.String(),
  title: Type.String(),
  records: Type.Array(DisclosedRecord),
});

export const SubjectSectionSchema = Type.Object({
  ...ReportSectionSchema.properties,
  total: Type.Integer({
    description: '该类别可见记录总数（本页可能只含其中一部分） / records of the category in all',
  }),
});

export const PublicSubjectQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: '每类记录条数，默认 50' })),
  category: Type.Optional(
    Type.String({ minLength: 1, maxLength: 40, description: '只取该类别（显示更多）' }),
  ),
  offset: Type.Optional(Type.Integer({ minimum: 0, description: '自该类别第几条起，从 0 计' })),
});

export const SubjectViewSchema = Type.Object({
  subject: Type.Object({
    code: Type.String(),
    name: Type.String(),
    kind: Type.String(),
    naturalPerson: Type.Boolean(),
  }),
  today: Type.String({ format: 'date' }),
  sections: Type.Array(SubjectSectionSchema),
});

export const SelfQueryView = Type.Object({
  ...SubjectViewSchema.properties,
  mismatchedIdentity: Type.Boolean({
    description:
      '所查代码与实名认证身份不符：仅返回社会公开信息 / not the verified subject: public records only',
  }),
});

export const SelfQueryQuery = Type.Object({
  code: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
});

export const GovernmentQueryBody = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40, description: '被查询主体代码' }),
  scenario: NullableText(200),
  scenarioBasis: Type.Optional(NullableText(500)),
  purpose: NullableText(500),
  caseReference: NullableText(100),
  operator: Type.Optional(NullableText(100)),
  items: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 200 })),
});

export const GovernmentQueryView = Type.Object({
  ...SubjectViewSchema.properties,
  queryLogEntry: Type.Integer(),
});

export const ScoringQuery = Type.Object({
  purpose: Type.String({
    minLength: 1,
    maxLength: 200,
    description: '查询原因，如“白鹭分信用评分” / the reason logged for the delivery (002 第十二条)',
  }),
});

export const ScoringView = Type.Object({
  ...SubjectViewSchema.properties,
  withdrawn: Type.Array(Type.String(), {
    description:
      '此前提供、现已不在公示状态的记录，不得再作为信用评价依据 / records delivered before that must no longer be used',
  }),
  queryLogEntry: Type.Integer(),
});

export const QueryLogEntrySchema = Type.Object({
  entryId: Type.Integer(),
  subjectCode: Type.String(),
  queriedAt: Type.String({ format: 'date-time' }),
  viewer: Type.String(),
  channel: Type.String(),
  account: Type.String(),
  accountName: Type.String(),
  organizationCode: Type.Union([Type.String(), Type.Null()]),
  organizationName: Type.Union([Type.String(), Type.Null()]),
  scenario: Type.Union([Type.String(), Type.Null()]),
  scenarioBasis: Type.Union([Type.String(), Type.Null()]),
  purpose: Type.Union([Type.String(), Type.Null()]),
  caseReference: Type.Union([Type.String(), Type.Null()]),
  operator: Type.Union([Type.String(), Type.Null()]),
  batchId: Type.Union([Type.String(), Type.Null()]),
  reportNumber: Type.Union([Type.String(), Type.Null()]),
  returned: Type.Array(Type.String()),
  outcome: Type.String(),
  refusalCode: Type.Union([Type.String(), Type.Null()]),
  authorizationId: Type.Union([Type.Integer(), Type.Null()]),
});

export const PageQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});

export const LedgerQuery = Type.Object({
  organization: Type.Optional(Type.String({ maxLength: 40 })),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date', description: '含当日 / inclusive' }),
});

export const ExplainParams = Type.Object({
  subject: Type.String({ minLength: 1, maxLength: 40 }),
  id: Type.Integer({ minimum: 1 }),
});

export const ExplainQuery = Type.Object({
  viewer: Type.Union(EXPLAINABLE_VIEWERS.map((kind) => Type.Literal(kind))),
  organization: Type.Optional(Type.String({ maxLength: 40, description: 'GOV 或 PROVIDER 的单位代码' })),
});

export const ExplainView = Type.Object({
  reference: Type.String(),
  viewer: Type.String(),
  today: Type.String({ format: 'date' }),
  storedState: Type.String(),
  stateToday: Type.String(),
  disclosure: Type.String(),
  shown: Type.Boolean(),
  markers: Type.Array(Type.String()),
  rule: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.Object({ zh: Type.String(), en: Type.String() }), Type.Null()]),
  citation: Type.Union([Type.String(), Type.Null()]),
});

export const QueryScenariosSchema = Type.Object({
  closed: Type.Boolean({
    description: '清单是否封闭（厦门：第十九条所列情形） / whether only listed scenarios are allowed',
  }),
  scenarios: Type.Array(
    Type.Object({
      value: Type.String({ description: '场景或用途；OTHER 表示“其他”' }),
      needsBasis: Type.Boolean({
        description: '须注明依据或具体用途 / needs a basis or the purpose in words',
      }),
    }),
  ),
  citation: Type.String(),
});

export const QueryLogEntryParams = Type.Object({
  subject: Type.String({ minLength: 1, maxLength: 40 }),
  entry: Type.Integer({ minimum: 1 }),
});

export const QueryApplicationSchema = Type.Object({
  applicationId: Type.String({ minLength: 1, maxLength: 60, description: '申请编号' }),
  organizationCode: Type.String({ minLength: 1, maxLength: 40, description: '申请单位' }),
  items: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 100, description: '信息事项' }),
  purpose: Type.String({ minLength: 1, maxLength: 500, description: '查询事由' }),
  users: Type.String({ minLength: 1, maxLength: 500, description: '使用人员' }),
  validFrom: Type.String({ format: 'date' }),
  validUntil: Type.String({ format: 'date' }),
});

export const AssistedQueryBody = Type.Object({
  ...GovernmentQueryBody.properties,
  agency: Type.String({ minLength: 1, maxLength: 40, description: '委托协助查询的单位' }),
  applicationId: Type.Union([Type.String({ maxLength: 60 }), Type.Null()]),
});

export const FeedQuery = Type.Object({
  since: Type.String({ format: 'date', description: '自该日起变动的记录' }),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});

export const FeedSchema = Type.Object({
  entries: Type.Array(
    Type.Object({
      subject: SubjectViewSchema.properties.subject,
      category: Type.String(),
      record: DisclosedRecord,
    }),
  ),
  cursor: Type.Union([Type.String(), Type.Null()]),
});
