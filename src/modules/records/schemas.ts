import { Type } from 'typebox';

const NullableDate = Type.Union([Type.String({ format: 'date' }), Type.Null()]);
const Content = Type.Record(Type.String(), Type.Unknown());

export const ArchiveParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });

export const CreditArchive = Type.Object({
  subject: Type.Object({
    code: Type.String(),
    name: Type.String(),
    kind: Type.String(),
    divisionCode: Type.String(),
    registrationStatus: Type.Union([Type.String(), Type.Null()]),
    terminatedOn: NullableDate,
    diedOn: NullableDate,
    linkedDocuments: Type.Array(Type.Object({ kind: Type.String(), number: Type.String() })),
  }),
  records: Type.Array(
    Type.Object({
      recordId: Type.Integer(),
      itemCode: Type.String(),
      itemName: Type.String(),
      category: Type.String(),
      disclosure: Type.String(),
      state: Type.String(),
      flags: Type.Array(Type.String()),
      providerCode: Type.String(),
      providerName: Type.String(),
      providerType: Type.Union([Type.String(), Type.Null()], { description: '信息提供单位类型 (R18, R19)' }),
      divisionCode: Type.String(),
      recordStart: NullableDate,
      disclosureLastDay: NullableDate,
      expiresOn: NullableDate,
      openEnded: Type.Boolean(),
      recordPeriodEnd: NullableDate,
      repairEligibleFrom: NullableDate,
      currentVersion: Type.Integer(),
      content: Content,
      submittedAt: Type.String({ format: 'date-time' }),
      derivedFrom: Type.Union([
        Type.Object({ subjectCode: Type.String(), recordId: Type.Integer() }),
        Type.Null(),
      ]),
    }),
  ),
});

export const RecordParams = Type.Object({
  subject: Type.String({ minLength: 1, maxLength: 40 }),
  id: Type.Integer({ minimum: 1 }),
});

export const RecordVersions = Type.Array(
  Type.Object({
    version: Type.Integer(),
    itemVersion: Type.Integer(),
    content: Content,
    payloadHash: Type.String(),
    hashVerified: Type.Boolean(),
    providerCode: Type.String(),
    operator: Type.String(),
    channel: Type.String(),
    batchId: Type.Integer(),
    rowNumber: Type.Integer(),
    sourceId: Type.Union([Type.String(), Type.Null()]),
    submittedAt: Type.String({ format: 'date-time' }),
    modifiedOn: NullableDate,
    workingDaysLate: Type.Union([Type.Integer(), Type.Null()]),
    caseReference: Type.Union([Type.String(), Type.Null()]),
  }),
);

export const RecordEditBody = Type.Object({
  caseId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: '异议或信用修复案件编号' })),
  changes: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

export const ReviewQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
});

export const ReviewQueue = Type.Array(
  Type.Object({
    subjectCode: Type.String(),
    recordId: Type.Integer(),
    itemCode: Type.String(),
    providerCode: Type.String(),
    flags: Type.Array(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
  }),
);
