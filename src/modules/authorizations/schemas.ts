import { Type } from 'typebox';

const NullableDate = Type.Union([Type.String({ format: 'date' }), Type.Null()]);

export const AuthorizationSchema = Type.Object({
  authorizationId: Type.Integer(),
  subjectCode: Type.String(),
  granteeCode: Type.String(),
  granteeName: Type.String(),
  purpose: Type.String(),
  items: Type.Union([Type.Array(Type.String()), Type.Null()], { description: 'null：全部授权查询事项' }),
  form: Type.String(),
  signedOn: Type.String({ format: 'date' }),
  validFrom: Type.String({ format: 'date' }),
  validUntil: Type.Union([NullableDate], { description: 'null：仅当日出具一份报告' }),
  accessCode: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const GrantBody = Type.Object({
  granteeCode: Type.String({ minLength: 1, maxLength: 40, description: '被授权查询方的代码' }),
  granteeName: Type.String({ minLength: 1, maxLength: 200 }),
  purpose: Type.String({ minLength: 1, maxLength: 500, description: '约定的查询用途' }),
  items: Type.Optional(
    Type.Union([Type.Array(Type.String({ maxLength: 40 }), { maxItems: 100 }), Type.Null()]),
  ),
  validUntil: Type.Optional(NullableDate),
});

export const AuthorizationParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
