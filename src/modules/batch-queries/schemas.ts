import { Type } from 'typebox';
import { DISCLOSURE_ATTRIBUTES } from '../../core/catalog/item.ts';
import { MAX_BATCH_SUBJECTS } from './submit-batch-query.ts';

const Attribute = Type.Union(
  DISCLOSURE_ATTRIBUTES.map((a) => Type.Literal(a)),
  { description: 'public 社会公开 / authorized 授权查询 / government 政务共享' },
);

const Coverage = {
  attributes: Type.Optional(
    Type.Array(Attribute, {
      maxItems: DISCLOSURE_ATTRIBUTES.length,
      description: '所涵盖的公开属性；缺省为该单位依表 F-1 可获得的全部 / the disclosure attributes covered',
    }),
  ),
  items: Type.Optional(
    Type.Union([Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 200 }), Type.Null()], {
      description: '限定的信息事项代码；缺省为所涵盖属性的全部事项 / the items it is narrowed to',
    }),
  ),
};

export const ApprovalBody = Type.Object({
  approvalId: Type.String({ minLength: 1, maxLength: 60, description: '批准文号或协议编号，如 BQ-2024-003' }),
  organizationCode: Type.String({ minLength: 1, maxLength: 40 }),
  scope: Type.String({ minLength: 1, maxLength: 500 }),
  ...Coverage,
  validFrom: Type.String({ format: 'date' }),
  validUntil: Type.String({ format: 'date' }),
  securityConditions: Type.String({ minLength: 1, maxLength: 1000 }),
});

export const ApprovalSchema = Type.Object({
  approvalId: Type.String(),
  organizationCode: Type.String(),
  basis: Type.Union([Type.Literal('APPROVAL'), Type.Literal('AGREEMENT')], {
    description: 'APPROVAL 主管部门批准 (XM) / AGREEMENT 信息共享协议 (NT)',
  }),
  scope: Type.String(),
  attributes: Type.Array(Type.String()),
  items: Type.Union([Type.Array(Type.String()), Type.Null()]),
  validFrom: Type.String({ format: 'date' }),
  validUntil: Type.String({ format: 'date' }),
  securityConditions: Type.String(),
});

const Refusal = Type.Object({ code: Type.String(), message: Type.String() });

/** The city's terms of batch access and every grant recorded, for the page that records them. */
export const ApprovalListSchema = Type.Object({
  basis: Type.String(),
  /** The parties the city gives batch access to, each with the attributes Table F-1 can let it see. */
  parties: Type.Array(Type.Object({ party: Type.String(), attributes: Type.Array(Type.String()) })),
  /** The kinds of organization of the register that are such parties. */
  organizationKinds: Type.Array(Type.String()),
  approvals: Type.Array(
    Type.Object({
      ...ApprovalSchema.properties,
      organizationName: Type.Union([Type.String(), Type.Null()]),
      inForce: Type.Boolean(),
    }),
  ),
});

/** A party's own batch access: the grant in force or the latest one, and why a batch would be refused. */
export const BatchAccessSchema = Type.Object({
  basis: Type.String(),
  approval: Type.Union([ApprovalSchema, Type.Null()]),
  refusal: Type.Union([Refusal, Type.Null()]),
});

const Codes = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
  minItems: 1,
  maxItems: MAX_BATCH_SUBJECTS,
});

export const BatchBody = Type.Object({
  purpose: Type.String({ minLength: 1, maxLength: 500 }),
  codes: Codes,
});

/** A government unit's batch: a purpose from the city's list as on a single government query (R86, R88). */
export const GovernmentBatchBody = Type.Object({
  scenario: Type.String({ minLength: 1, maxLength: 100, description: '查询用途（本市列表之一，或 OTHER）' }),
  scenarioBasis: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  purpose: Type.String({ minLength: 1, maxLength: 500 }),
  /** Required through the embedded interface (R88): the end operator, "name/id". */
  operator: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
  codes: Codes,
});

export const BatchParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });

export const BatchSchema = Type.Object({
  batchId: Type.String(),
  approvalId: Type.String(),
  purpose: Type.String(),
  viewer: Type.String(),
  scenario: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  total: Type.Integer(),
  done: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  resultsUrl: Type.String(),
});
