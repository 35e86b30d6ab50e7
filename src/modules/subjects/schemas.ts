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
  total: Type.Integer(),
});
