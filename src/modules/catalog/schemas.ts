import { Type } from 'typebox';
import { DISCLOSURE_ATTRIBUTES, FIELD_TYPES, RECORD_KINDS } from '../../core/catalog/item.ts';
import { DATA_CLASS_ZH } from '../../core/catalog/names.ts';
import { FACT_ROLES } from '../../core/collection/facts.ts';
import { CATEGORY_CODES, LEGAL_BASIS_TYPES, LIST_TYPES } from '../../core/policy/types.ts';

/*
 * The catalog's requests and answers. An item definition travels as src/core/catalog/item.ts describes it;
 * the use cases check what a schema cannot (R7–R14).
 */

const literals = <T extends string>(values: readonly T[], options: { description?: string } = {}) =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    options,
  );
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(type: T) =>
  Type.Union([type, Type.Null()]);
const Day = Type.String({ format: 'date' });

const Period = Type.Object({
  years: Type.Optional(Type.Integer({ minimum: 0 })),
  months: Type.Optional(Type.Integer({ minimum: 0 })),
  days: Type.Optional(Type.Integer({ minimum: 0 })),
});

export const FieldDefinition = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 64, description: '字段代码，如 CF_WSH' }),
  title: Type.String({ minLength: 1, maxLength: 100, description: '中文列名，如 行政处罚决定书文号' }),
  aliases: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20 })),
  type: literals(FIELD_TYPES),
  values: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 200 })),
  required: Type.Boolean(),
  maxLength: Type.Optional(Type.Integer({ minimum: 1 })),
  dataClass: literals(Object.keys(DATA_CLASS_ZH) as Array<keyof typeof DATA_CLASS_ZH>, {
    description: '数据类别 (R14)',
  }),
  role: Type.Optional(
    literals(Object.keys(FACT_ROLES) as Array<keyof typeof FACT_ROLES>, {
      description: '归集规则读取的用途',
    }),
  ),
  description: Type.Optional(Type.String({ maxLength: 500 })),
});

const ItemPeriodRule = Type.Union([
  Type.Object({ kind: Type.Literal('PROFILE_RULE') }),
  Type.Object({
    kind: Type.Literal('ITEM_PERIOD'),
    period: Period,
    basisType: Type.Optional(literals(LEGAL_BASIS_TYPES)),
  }),
]);

const LegalBasis = Type.Object({
  type: literals(LEGAL_BASIS_TYPES),
  title: Type.String({ minLength: 1, maxLength: 300 }),
  article: Type.Optional(Type.String({ maxLength: 100 })),
});

/** What a version of an item says, apart from its code and level (they belong to the item). */
const contentProperties = {
  name: Type.String({ minLength: 1, maxLength: 100, description: '信息名称 / 信息事项 / 内容' }),
  recordKind: literals(RECORD_KINDS),
  subjectScope: literals(['organizations', 'natural_persons', 'all'] as const),
  category: nullable(literals(CATEGORY_CODES, { description: '信息分类 (R8)' })),
  disclosure: nullable(literals(DISCLOSURE_ATTRIBUTES, { description: '公开属性 (R9)' })),
  frequency: nullable(Type.String({ maxLength: 100, description: '归集频率 / 更新周期' })),
  usagePermission: nullable(
    Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
      description: '使用权限 / 使用范围：单位代码 (R15)',
    }),
  ),
  period: nullable(ItemPeriodRule),
  retentionPeriod: nullable(Period),
  dataSource: nullable(Type.String({ maxLength: 300 })),
  listType: Type.Optional(literals(LIST_TYPES)),
  specificBehaviour: Type.Boolean({ description: '特定行为信息 (R13)' }),
  legalBases: Type.Array(LegalBasis, { maxItems: 50 }),
  fields: Type.Array(FieldDefinition, { maxItems: 300 }),
};

export const DraftContent = Type.Object(contentProperties);

export const ItemDefinition = Type.Object({
  code: Type.String({ minLength: 2, maxLength: 32, description: '信息事项代码，如 XZCF' }),
  ...contentProperties,
  levelDivisionCode: nullable(
    Type.String({ pattern: '^[0-9]{6}$', description: '区（县）级目录的行政区划代码 (R11)' }),
  ),
});

export const ItemCodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 32 }) });

export const PublicCatalogQuery = Type.Object({
  level: Type.Optional(
    Type.String({
      pattern: '^(city|[0-9]{6})$',
      description: 'city：市级目录；行政区划代码：该区（县）级目录',
    }),
  ),
});

export const CreateItemBody = Type.Object({
  definition: ItemDefinition,
  ownerOrganizationCode: Type.Optional(
    nullable(Type.String({ minLength: 1, maxLength: 64, description: '南通：负责该目录事项的部门 (R12)' })),
  ),
});

export const DraftBody = Type.Object({ definition: DraftContent });

export const TransitionBody = Type.Object({
  to: literals(['PUBLIC_CONSULTATION', 'MUNICIPAL_GOVERNMENT_APPROVED', 'PUBLISHED'] as const),
  closesOn: Type.Optional(Day),
  approvedOn: Type.Optional(Day),
  reference: Type.Optional(Type.String({ maxLength: 200, description: '征求意见公告或批准文件的文号' })),
});

export const ProvidersBody = Type.Object({
  organizationCodes: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 500 }),
});

const OrganizationName = Type.Object({ code: Type.String(), name: Type.String() });

const summaryProperties = {
  code: Type.String(),
  name: Type.String(),
  version: Type.Integer(),
  publishedOn: nullable(Day),
  category: nullable(literals(CATEGORY_CODES)),
  categoryName: nullable(Type.String()),
  disclosure: nullable(literals(DISCLOSURE_ATTRIBUTES)),
  disclosureName: nullable(Type.String()),
  recordKind: literals(RECORD_KINDS),
  subjectScope: Type.String(),
  frequency: nullable(Type.String()),
  levelDivisionCode: nullable(Type.String()),
  providers: Type.Array(OrganizationName),
};

export const PublishedCatalog = Type.Object({ items: Type.Array(Type.Object(summaryProperties)) });

export const PublishedItem = Type.Object({
  ...summaryProperties,
  owner: nullable(OrganizationName),
  usagePermission: nullable(Type.Array(OrganizationName)),
  definition: ItemDefinition,
});

const versionProperties = {
  version: Type.Integer(),
  status: Type.String(),
  statusName: Type.String(),
  name: Type.String(),
  consultationOpenedOn: nullable(Day),
  consultationClosesOn: nullable(Day),
  approvedOn: nullable(Day),
  publishedOn: nullable(Day),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Type.String(),
};

const managedProperties = {
  code: Type.String(),
  name: Type.String(),
  owner: nullable(OrganizationName),
  levelDivisionCode: nullable(Type.String()),
  providers: Type.Array(OrganizationName),
};

export const ManagedCatalog = Type.Object({
  items: Type.Array(
    Type.Object({ ...managedProperties, versions: Type.Array(Type.Object(versionProperties)) }),
  ),
});

const Problem = Type.Object({
  code: Type.String(),
  path: Type.String(),
  element: Type.Optional(Type.String()),
  zh: Type.String(),
  en: Type.String(),
  source: Type.String(),
});

export const ManagedItem = Type.Object({
  ...managedProperties,
  versions: Type.Array(Type.Object({ ...versionProperties, definition: ItemDefinition })),
  pending: nullable(
    Type.Object({
      version: Type.Integer(),
      nextStep: nullable(Type.String()),
      problems: Type.Array(Problem, { description: '阻止下一步的问题 (R7–R14)' }),
    }),
  ),
});

export const ProviderCatalog = Type.Object({
  items: Type.Array(
    Type.Object({
      code: Type.String(),
      version: Type.Integer(),
      publishedOn: nullable(Day),
      definition: ItemDefinition,
    }),
  ),
});
