import { Type } from 'typebox';
import { MAX_QUERY_LENGTH } from './search-public-subjects.ts';

export const PublicSubjectQuery = Type.Object({
  q: Type.String({ maxLength: MAX_QUERY_LENGTH, description: '名称关键字或统一社会信用代码' }),
  limit: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
  offset: Type.Integer({ minimum: 0, maximum: 10_000, default: 0 }),
});

export const PublicSubjectItem = Type.Object({
  code: Type.String({ description: '统一社会信用代码' }),
  name: Type.String(),
  kind: Type.String(),
  districtName: Type.Union([Type.String(), Type.Null()]),
});

export const PublicSubjectResults = Type.Object({
  items: Type.Array(PublicSubjectItem),
  total: Type.Integer({ description: '匹配数，计至 1000 为止 / matches, counted up to 1000' }),
  totalExact: Type.Boolean({
    description: 'false：匹配超过 total 个（显示为 1000+） / false: more than `total` match (shown as 1000+)',
  }),
});

export const SubjectCodeParams = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40, description: '信用代码或已关联的身份证件号码' }),
});

const LinkedDocument = Type.Object({ kind: Type.String(), number: Type.String() });

export const SubjectLookup = Type.Object({
  subjectCode: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  divisionCode: Type.String(),
  viaDocument: Type.Union([LinkedDocument, Type.Null()]),
  documents: Type.Array(
    Type.Object({
      kind: Type.String(),
      number: Type.String(),
      linkedAt: Type.String({ format: 'date-time' }),
      basis: Type.String(),
    }),
  ),
});

export const LinkDocumentBody = Type.Object({
  documentNumber: Type.String({
    minLength: 1,
    maxLength: 40,
    description: '护照、通行证、永久居留身份证或居住证号码',
  }),
  basis: Type.String({ maxLength: 500, description: '关联依据，如核验的证件材料' }),
});

export const LinkedDocumentResult = Type.Object({
  subjectCode: Type.String(),
  documentKind: Type.String(),
  documentNumber: Type.String(),
});
