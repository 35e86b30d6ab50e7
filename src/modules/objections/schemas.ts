import { Type } from 'typebox';
import { OBJECTION_GROUNDS, OBJECTION_STEPS } from '../../core/objections/rules.ts';

const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);
const NullableText = Type.Union([Type.String(), Type.Null()]);
const Reasons = Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]));

export const ObjectionStepSchema = Type.Object({
  step: Type.Union(OBJECTION_STEPS.map((step) => Type.Literal(step))),
  startOn: Type.String({ format: 'date' }),
  dueOn: Type.String({ format: 'date' }),
  completedAt: NullableDateTime,
  overdue: Type.Boolean({ description: '逾期（期限次日零时起）' }),
});

export const FilingTermsSchema = Type.Object({
  grounds: Type.Array(Type.Union(OBJECTION_GROUNDS.map((ground) => Type.Literal(ground))), {
    description: '本市认可的异议事由 / the grounds the city admits',
  }),
  groundsSource: Type.String(),
  evidenceRequired: Type.Boolean({ description: '须提供证明材料 / evidence must come with the application' }),
  evidenceSource: Type.String(),
});

export const ObjectionCaseSchema = Type.Object({
  caseNumber: Type.String({ description: '异议案件编号，如 OBJ-XM-12' }),
  subjectCode: Type.String(),
  recordIds: Type.Array(Type.Integer()),
  ground: Type.String(),
  statement: Type.String(),
  evidence: NullableText,
  channel: Type.String(),
  providerCode: Type.String(),
  receivedOn: Type.String({ format: 'date' }),
  acceptedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  status: Type.String(),
  notAcceptedCode: NullableText,
  notAcceptedReason: NullableText,
  comparison: NullableText,
  forwardedAt: NullableDateTime,
  providerVerdict: NullableText,
  providerOpinion: NullableText,
  providerReasons: NullableText,
  providerAnsweredAt: NullableDateTime,
  outcome: NullableText,
  outcomeReasons: NullableText,
  closedAt: NullableDateTime,
  disputePersists: Type.Boolean(),
  steps: Type.Array(ObjectionStepSchema),
});

const Ground = Type.Union(OBJECTION_GROUNDS.map((ground) => Type.Literal(ground)));
const FilingFields = {
  recordIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 100 }),
  ground: Ground,
  statement: Type.String({ minLength: 1, maxLength: 4000, description: '异议内容和理由' }),
  evidence: Type.Optional(
    Type.Union([Type.String({ maxLength: 4000 }), Type.Null()], {
      description: '证明材料说明（南通必须提供）',
    }),
  ),
};

export const OwnFilingBody = Type.Object(FilingFields);
export const CounterFilingBody = Type.Object({
  subjectCode: Type.String({ minLength: 1, maxLength: 40 }),
  ...FilingFields,
});

export const CaseParams = Type.Object({ caseNumber: Type.String({ minLength: 1, maxLength: 40 }) });

export const CaseListQuery = Type.Object({
  status: Type.Optional(
    Type.Union(
      ['RECEIVED', 'NOT_ACCEPTED', 'ACCEPTED', 'FORWARDED', 'VERIFIED', 'CLOSED'].map((s) => Type.Literal(s)),
    ),
  ),
});

export const AcceptBody = Type.Object({
  decision: Type.Union([Type.Literal('ACCEPT'), Type.Literal('DECLINE')]),
  reason: Reasons,
});

export const ForwardBody = Type.Object({
  comparison: Type.Optional(
    Type.Union([Type.Literal('CONSISTENT'), Type.Literal('INCONSISTENT'), Type.Null()], {
      description: '平台数据与信息源比对结果（厦门、威海必填）',
    }),
  ),
});

export const ForwardResult = Type.Object({ forwarded: Type.Boolean(), case: ObjectionCaseSchema });

export const AnswerBody = Type.Object({
  verdict: Type.Union([Type.Literal('UPHELD'), Type.Literal('REJECTED')]),
  opinion: Type.Optional(
    Type.Union([Type.Literal('CORRECT'), Type.Literal('DELETE'), Type.Literal('SUPPLEMENT'), Type.Null()]),
  ),
  reasons: Reasons,
});

export const CloseBody = Type.Object({
  outcome: Type.Optional(
    Type.Union([
      Type.Literal('CORRECTED'),
      Type.Literal('DELETED'),
      Type.Literal('SUPPLEMENTED'),
      Type.Literal('REJECTED'),
      Type.Null(),
    ]),
  ),
  reasons: Reasons,
});

export const DisputeBody = Type.Object({
  action: Type.Union([Type.Literal('RECORD'), Type.Literal('WITHDRAW')]),
});

export const NotificationSchema = Type.Object({
  kind: Type.String(),
  reference: Type.String(),
  title: Type.String(),
  body: Type.String(),
  createdAt: DateTime,
});
