import { normalizeLabel } from '../collection/cell-values.ts';
import { FACT_ROLES, type FactRole } from '../collection/facts.ts';
import { versionInForce } from '../policy/resolver.ts';
import type { NamedElement, PolicyParameters, PolicyProfile } from '../policy/types.ts';
import type { LocalDate } from '../time/local-date.ts';
import type { Period } from '../time/period.ts';
import type { CatalogItemDefinition, FieldDataClass, FieldDefinition, FieldType } from './item.ts';
import {
  CATEGORY_ZH,
  DATA_CLASS_ZH,
  LEGAL_BASIS_TYPE_EN,
  LEGAL_BASIS_TYPE_ZH,
  LIST_TYPE_ZH,
} from './names.ts';

/*
 * What stops a catalog item from being saved or published under a city profile. Saving a draft only needs a
 * well-formed item that asks for nothing the city forbids (R8, R14); publishing needs every element the
 * city's catalog requires as well (R7, R9, R13).
 */

export type CatalogProblemCode =
  /** The item is not well formed: a field code twice, a role on a field of the wrong type, … */
  | 'INVALID_DEFINITION'
  /** R7: an element the profile's catalog requires is missing. */
  | 'MISSING_ELEMENT'
  /** R8. */
  | 'MISSING_CATEGORY'
  | 'CATEGORY_NOT_IN_PROFILE'
  /** R9. */
  | 'NO_DISCLOSURE_ATTRIBUTE'
  /** R13. */
  | 'SPECIFIC_BEHAVIOUR_BASIS'
  /** R14. */
  | 'FORBIDDEN_DATA_CLASS'
  | 'CONSENT_FIELDS_MISSING'
  /** A list entry item for a list the city does not keep, or without its list. */
  | 'LIST_NOT_IN_PROFILE'
  /** R11: a county/district catalog where the city keeps one catalog only. */
  | 'LEVEL_CATALOG_NOT_IN_PROFILE';

export interface CatalogProblem {
  code: CatalogProblemCode;
  /** Where the item is at fault: `frequency`, `fields[3]`, `providers`. */
  path: string;
  /** R7: the profile's element code (COLLECTION_FREQUENCY). */
  element?: string;
  /** Chinese, for the person editing the catalog: 缺少目录要素：归集频率. */
  zh: string;
  en: string;
  /** The article the rule comes from. */
  source: string;
}

export interface PublicationInput {
  definition: CatalogItemDefinition;
  /** Organization codes of the providers permitted to submit the item (信息提供单位 / 提供单位). */
  providers: readonly string[];
}

/** The profile's parameters in force on a date: a catalog change is judged by the rules of its day (R3). */
function parametersOn(profile: PolicyProfile, on: LocalDate): PolicyParameters {
  return versionInForce(profile, on).version.parameters;
}

/** What keeps a definition from being saved, even as a draft (R8, R11, R14 and well-formedness). */
export function definitionProblems(
  definition: CatalogItemDefinition,
  profile: PolicyProfile,
  on: LocalDate,
): CatalogProblem[] {
  const params = parametersOn(profile, on);
  return [
    ...structureProblems(definition),
    ...categoryProblems(definition, params, profile.code),
    ...levelProblems(definition, params),
    ...personalDataProblems(definition, params),
  ];
}

/** What keeps an item from being published (R7–R9, R13, R14); empty when it may be. */
export function publicationProblems(
  input: PublicationInput,
  profile: PolicyProfile,
  on: LocalDate,
): CatalogProblem[] {
  const params = parametersOn(profile, on);
  const problems = [
    ...definitionProblems(input.definition, profile, on),
    ...elementProblems(input, params),
    ...listProblems(input.definition, params),
    ...specificBehaviourProblems(input.definition, params),
  ];
  const reported = (path: string) => problems.some((problem) => problem.path === path);
  const { definition } = input;
  // R8, R9: every city needs both, also where its element list does not name them (NT has neither element).
  if (definition.category === null && !reported('category')) {
    problems.push({
      code: 'MISSING_CATEGORY',
      path: 'category',
      zh: `缺少信息分类（${params.catalog.categories.value.map((c) => c.names[0]).join('、')}之一）`,
      en: 'item has no category',
      source: params.catalog.categories.source,
    });
  }
  if (definition.disclosure === null && !reported('disclosure')) {
    const names = params.disclosure.attributeNames.value;
    problems.push({
      code: 'NO_DISCLOSURE_ATTRIBUTE',
      path: 'disclosure',
      zh: `缺少公开属性（${names.public}、${names.authorized}或${names.government}）`,
      en: 'item has no disclosure attribute',
      source: params.disclosure.attributeNames.source,
    });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// R7: the elements of each city's catalog, read from the item and its permitted providers.

type ElementCheck = (input: PublicationInput, params: PolicyParameters) => ElementGap | null;

interface ElementGap {
  path: string;
  /** Why a stated value still does not count, when it is not simply absent. */
  zh?: string;
  en?: string;
}

const blank = (text: string | null) => text === null || text.trim() === '';

const nameStated: ElementCheck = ({ definition }) => (blank(definition.name) ? { path: 'name' } : null);
const providersStated: ElementCheck = ({ providers }) =>
  providers.length === 0 ? { path: 'providers' } : null;
const categoryStated: ElementCheck = ({ definition }) =>
  definition.category === null ? { path: 'category' } : null;
const disclosureStated: ElementCheck = ({ definition }) =>
  definition.disclosure === null ? { path: 'disclosure' } : null;
const frequencyStated: ElementCheck = ({ definition }) =>
  blank(definition.frequency) ? { path: 'frequency' } : null;
const dataSourceStated: ElementCheck = ({ definition }) =>
  blank(definition.dataSource) ? { path: 'dataSource' } : null;
const fieldsStated: ElementCheck = ({ definition }) =>
  definition.fields.length === 0 ? { path: 'fields' } : null;
const retentionStated: ElementCheck = ({ definition }) =>
  definition.retentionPeriod === null ? { path: 'retentionPeriod' } : null;

/** 使用权限 / 使用范围 (R15): who may retrieve the item's government-shared records. */
const usageStated: ElementCheck = ({ definition }) => {
  if (definition.usagePermission === null) return { path: 'usagePermission' };
  if (definition.disclosure === 'government' && definition.usagePermission.length === 0) {
    return {
      path: 'usagePermission',
      zh: '政务共享的信息事项须列明可使用的单位',
      en: 'a government-shared item must name the agencies that may use it',
    };
  }
  return null;
};

/** 记录期限 / 有效期限 / 使用期限: where the city takes the period from the item, the item must state one. */
const periodStated: ElementCheck = ({ definition }, params) => {
  if (definition.period === null) return { path: 'period' };
  if (definition.period.kind === 'PROFILE_RULE' && profileTakesPeriodFromItem(definition, params)) {
    return {
      path: 'period',
      zh: '本市按目录事项规定的期限计算，须填写具体期限',
      en: 'this city takes the period from the catalog item, so the item must state it',
    };
  }
  return null;
};

/** 统一社会信用代码 (003 第七条, 第八条): the field the subject is keyed by; a person's is the ID number. */
const usccFieldStated: ElementCheck = ({ definition }) => {
  const roles = new Set(definition.fields.map((field) => field.role));
  const keyed =
    definition.subjectScope === 'natural_persons'
      ? roles.has('subjectUscc') || roles.has('subjectDocumentNumber')
      : roles.has('subjectUscc');
  return keyed ? null : { path: 'fields' };
};

/** Every element code the three profiles use; a code not here blocks publication rather than pass unchecked. */
const ELEMENT_CHECKS: Readonly<Record<string, ElementCheck>> = {
  // 000 第九条 (XM)
  NAME: nameStated,
  PROVIDER: providersStated,
  CATEGORY: categoryStated,
  DISCLOSURE_ATTRIBUTE: disclosureStated,
  COLLECTION_FREQUENCY: frequencyStated,
  USAGE_PERMISSION: usageStated,
  RECORD_PERIOD: periodStated,
  DATA_FORMAT: fieldsStated,
  // 003 第八条 (WH)
  INFORMATION_ITEM: nameStated,
  INFORMATION_NATURE: categoryStated,
  USCC: usccFieldStated,
  DATA_STANDARD: fieldsStated,
  DISCLOSURE_MODE: disclosureStated,
  VALIDITY_PERIOD: periodStated,
  // 004 第八条 (NT)
  CONTENT: nameStated,
  USAGE_SCOPE: usageStated,
  UPDATE_CYCLE: frequencyStated,
  DATA_SOURCE: dataSourceStated,
  FORMAT_SPECIFICATION: fieldsStated,
  USAGE_PERIOD: periodStated,
  RETENTION_PERIOD: retentionStated,
};

function elementProblems(input: PublicationInput, params: PolicyParameters): CatalogProblem[] {
  const { elements } = params.catalog;
  return elements.value.flatMap((element: NamedElement): CatalogProblem[] => {
    const check = ELEMENT_CHECKS[element.code];
    const gap = check
      ? check(input, params)
      : { path: element.code, zh: '系统无法校验该要素', en: 'not checkable' };
    if (gap === null) return [];
    return [
      {
        code: 'MISSING_ELEMENT',
        path: gap.path,
        element: element.code,
        zh: `缺少目录要素：${element.zh}${gap.zh ? `（${gap.zh}）` : ''}`,
        en: `missing catalog element: ${element.zh} (${element.code})${gap.en ? `: ${gap.en}` : ''}`,
        source: elements.source,
      },
    ];
  });
}

/**
 * Whether the city computes the item's period from the item rather than from its own rules: WH data-list
 * periods (003 第八条, 第十九条), NT 使用期限 of basic and positive information (004 第八条).
 */
export function profileTakesPeriodFromItem(
  definition: CatalogItemDefinition,
  params: PolicyParameters,
): boolean {
  const { periods } = params;
  // A list's own period (fixed, or until revoked) needs none; a list counted by severity is dishonest information.
  if (definition.listType !== undefined && periods.lists[definition.listType].value.kind !== 'BY_SEVERITY') {
    return false;
  }
  switch (definition.category) {
    case 'dishonest':
      return periods.dishonestGeneral.value === null || periods.dishonestSerious.value === null;
    case 'good':
      return periods.goodRecordPeriod.value.kind === 'PER_ITEM';
    case 'basic':
    case 'other':
      return periods.basicRecordPeriod.value.kind === 'PER_ITEM';
    case null:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------------------
// R8, R11, R13 and the lists.

function categoryProblems(
  definition: CatalogItemDefinition,
  params: PolicyParameters,
  profileCode: string,
): CatalogProblem[] {
  const { categories } = params.catalog;
  if (definition.category === null) return [];
  if (categories.value.some((category) => category.code === definition.category)) return [];
  const allowed = categories.value.map((category) => category.names[0]).join('、');
  return [
    {
      code: 'CATEGORY_NOT_IN_PROFILE',
      path: 'category',
      zh: `信息分类“${CATEGORY_ZH[definition.category]}”不属于本市目录的信息分类（${allowed}）`,
      en: `category not defined in ${profileCode} profile`,
      source: categories.source,
    },
  ];
}

function levelProblems(definition: CatalogItemDefinition, params: PolicyParameters): CatalogProblem[] {
  const { perLevelCatalogs } = params.catalog;
  if (definition.levelDivisionCode === null || perLevelCatalogs.value) return [];
  return [
    {
      code: 'LEVEL_CATALOG_NOT_IN_PROFILE',
      path: 'levelDivisionCode',
      zh: '本市只编制一个市级目录，不设区（县）级目录',
      en: 'this city keeps one city-level catalog; no county or district catalogs',
      source: perLevelCatalogs.source,
    },
  ];
}

function listProblems(definition: CatalogItemDefinition, params: PolicyParameters): CatalogProblem[] {
  const { listType } = definition;
  if (definition.recordKind !== 'list_entry') return [];
  if (listType === undefined) {
    return [
      {
        code: 'LIST_NOT_IN_PROFILE',
        path: 'listType',
        zh: '名单类信息事项须写明所属名单',
        en: 'a list entry item must name its list',
        source: params.lists.determinedBy.source,
      },
    ];
  }
  const rule = params.periods.lists[listType];
  if (rule.value.kind !== 'NOT_IN_PROFILE') return [];
  return [
    {
      code: 'LIST_NOT_IN_PROFILE',
      path: 'listType',
      zh: `本市不设${LIST_TYPE_ZH[listType]}`,
      en: `this city keeps no ${listType} list`,
      source: rule.source,
    },
  ];
}

/** R13 (000 第八条): specific-behaviour information must rest on a basis of the kinds the city names. */
function specificBehaviourProblems(
  definition: CatalogItemDefinition,
  params: PolicyParameters,
): CatalogProblem[] {
  const { specificBehaviourBasisTypes } = params.catalog;
  const qualifying = specificBehaviourBasisTypes.value;
  if (!definition.specificBehaviour || qualifying === null) return [];
  if (definition.legalBases.some((basis) => qualifying.includes(basis.type))) return [];
  return [
    {
      code: 'SPECIFIC_BEHAVIOUR_BASIS',
      path: 'legalBases',
      zh: `特定行为信息须以${qualifying.map((type) => LEGAL_BASIS_TYPE_ZH[type]).join('、')}为依据`,
      en: `specific-behaviour item needs ${qualifying.map((type) => LEGAL_BASIS_TYPE_EN[type]).join('/')} basis`,
      source: specificBehaviourBasisTypes.source,
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// R14: natural persons' personal data.

const CONSENT_ROLES: Readonly<
  Record<
    'WRITTEN_CONSENT_AFTER_NOTICE' | 'LAW_OR_AGREEMENT',
    {
      roles: readonly FactRole[];
      /** WRITTEN_CONSENT: all of them (000 第十六条 ¶2); LAW_OR_AGREEMENT: any one (003 第十五条). */
      all: boolean;
    }
  >
> = {
  WRITTEN_CONSENT_AFTER_NOTICE: {
    roles: ['consentNoticeReference', 'consentNoticeDate', 'writtenConsentReference', 'writtenConsentDate'],
    all: true,
  },
  LAW_OR_AGREEMENT: { roles: ['lawfulBasisReference', 'agreementReference'], all: false },
};

const CONSENT_ROLE_ZH: Partial<Record<FactRole, string>> = {
  consentNoticeReference: '不利后果告知文书号',
  consentNoticeDate: '不利后果告知日期',
  writtenConsentReference: '书面同意文书号',
  writtenConsentDate: '书面同意日期',
  lawfulBasisReference: '法律、行政法规依据',
  agreementReference: '约定（协议）编号',
};

function personalDataProblems(definition: CatalogItemDefinition, params: PolicyParameters): CatalogProblem[] {
  if (definition.subjectScope === 'organizations') return [];
  const { forbiddenNaturalPersonData, forbidFingerprint, consentGatedNaturalPersonData } = params.collection;
  const forbidden = new Map<FieldDataClass, string>(
    forbiddenNaturalPersonData.value.map((dataClass) => [dataClass, forbiddenNaturalPersonData.source]),
  );
  if (forbidFingerprint.value) forbidden.set('FINGERPRINT', forbidFingerprint.source);
  const problems: CatalogProblem[] = [];
  definition.fields.forEach((field, index) => {
    const source = forbidden.get(field.dataClass);
    if (source === undefined) return;
    problems.push({
      code: 'FORBIDDEN_DATA_CLASS',
      path: `fields[${index}]`,
      zh: `涉及自然人的信息事项不得采集${DATA_CLASS_ZH[field.dataClass]}信息（字段“${field.title}”）`,
      en: `a natural-person item may not carry ${field.dataClass} data (field ${field.code})`,
      source,
    });
  });
  const gated = consentGatedNaturalPersonData.value;
  const gatedClasses = new Set<FieldDataClass>(gated?.classes ?? []);
  const gatedFields = definition.fields.filter((field) => gatedClasses.has(field.dataClass));
  if (gated === null || gatedFields.length === 0) return problems;
  const { roles, all } = CONSENT_ROLES[gated.requirement];
  const present = new Set(definition.fields.map((field) => field.role));
  const missing = roles.filter((role) => !present.has(role));
  if (all ? missing.length === 0 : missing.length < roles.length) return problems;
  const classes = [...new Set(gatedFields.map((field) => DATA_CLASS_ZH[field.dataClass]))].join('、');
  const needed = missing.map((role) => CONSENT_ROLE_ZH[role]).join(all ? '、' : '或');
  problems.push({
    code: 'CONSENT_FIELDS_MISSING',
    path: 'fields',
    zh: `涉及自然人${classes}信息的信息事项须设置字段：${needed}`,
    en: `a natural-person item with ${gatedFields.map((f) => f.dataClass).join(', ')} data needs fields with the roles ${missing.join(all ? ' and ' : ' or ')}`,
    source: consentGatedNaturalPersonData.source,
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Well-formedness: what the collection rules rely on when they read a row against the item.

const ITEM_CODE = /^[A-Z][A-Z0-9_]{1,31}$/;
const FIELD_CODE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const DIVISION_CODE = /^[0-9]{6}$/;

/** The fact type a field of each type yields (src/core/collection/facts.ts); an enum yields its text. */
const FACT_TYPE_OF_FIELD: Readonly<Record<FieldType, string>> = {
  text: 'text',
  enum: 'text',
  date: 'date',
  number: 'number',
  boolean: 'boolean',
};

function isEmptyPeriod(period: Period): boolean {
  return !(period.years || period.months || period.days);
}

function structureProblems(definition: CatalogItemDefinition): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const invalid = (path: string, zh: string, en: string) =>
    problems.push({ code: 'INVALID_DEFINITION', path, zh, en, source: '数据格式 / data format' });
  if (!ITEM_CODE.test(definition.code)) {
    invalid(
      'code',
      '信息事项代码须为 2–32 位大写字母、数字或下划线，以字母开头',
      'item code: 2–32 of A–Z, 0–9, _',
    );
  }
  if (blank(definition.name)) invalid('name', '请填写信息名称', 'the item needs a name');
  if (definition.levelDivisionCode !== null && !DIVISION_CODE.test(definition.levelDivisionCode)) {
    invalid('levelDivisionCode', '行政区划代码须为 6 位数字', 'a division code has 6 digits');
  }
  if (definition.listType !== undefined && definition.recordKind !== 'list_entry') {
    invalid('listType', '只有名单类信息事项写明所属名单', 'only list entry items name a list');
  }
  if (definition.period?.kind === 'ITEM_PERIOD' && isEmptyPeriod(definition.period.period)) {
    invalid('period', '期限须大于零', 'the period must be longer than zero');
  }
  if (definition.retentionPeriod !== null && isEmptyPeriod(definition.retentionPeriod)) {
    invalid('retentionPeriod', '保存期限须大于零', 'the retention period must be longer than zero');
  }
  if (
    definition.usagePermission &&
    new Set(definition.usagePermission).size !== definition.usagePermission.length
  ) {
    invalid('usagePermission', '使用单位重复', 'an agency is listed twice');
  }
  // A file may head a column with a field's code, its title or an alias, compared as the collection compares
  // headers (src/core/collection/headers.ts): each must name one field only.
  const headerOwner = new Map<string, number>();
  const roleOwner = new Map<FactRole, number>();
  definition.fields.forEach((field, index) => {
    const path = `fields[${index}]`;
    for (const problem of fieldProblems(field)) invalid(path, problem.zh, problem.en);
    for (const header of [field.code, field.title, ...(field.aliases ?? [])].map(normalizeLabel)) {
      const owner = headerOwner.get(header);
      if (owner !== undefined && owner !== index) {
        invalid(path, `列名“${header}”已用于其他字段`, `header "${header}" already names field ${owner}`);
      }
      headerOwner.set(header, index);
    }
    if (field.role !== undefined) {
      const owner = roleOwner.get(field.role);
      if (owner !== undefined) {
        invalid(
          path,
          `字段用途“${field.role}”已由其他字段承担`,
          `role ${field.role} is already on field ${owner}`,
        );
      }
      roleOwner.set(field.role, index);
    }
  });
  return problems;
}

function fieldProblems(field: FieldDefinition): Array<{ zh: string; en: string }> {
  const problems: Array<{ zh: string; en: string }> = [];
  if (!FIELD_CODE.test(field.code)) {
    problems.push({ zh: `字段代码“${field.code}”不合规`, en: `field code "${field.code}" is not valid` });
  }
  if (field.title.trim() === '') problems.push({ zh: '字段须有中文名称', en: 'the field needs a title' });
  const hasValues = (field.values?.length ?? 0) > 0;
  if (field.type === 'enum' && !hasValues) {
    problems.push({ zh: `字段“${field.title}”须列出可选值`, en: `enum field ${field.code} needs values` });
  }
  if (field.type !== 'enum' && field.values !== undefined) {
    problems.push({
      zh: `字段“${field.title}”不是枚举型，不应列出可选值`,
      en: `${field.code} is not an enum`,
    });
  }
  if (field.maxLength !== undefined && !(Number.isInteger(field.maxLength) && field.maxLength > 0)) {
    problems.push({
      zh: `字段“${field.title}”的长度上限须为正整数`,
      en: `${field.code}: maxLength must be positive`,
    });
  }
  if (field.role !== undefined) {
    const wanted = FACT_ROLES[field.role];
    if (wanted === undefined) {
      problems.push({ zh: `字段用途“${field.role}”不存在`, en: `unknown role ${field.role}` });
    } else if (FACT_TYPE_OF_FIELD[field.type] !== wanted) {
      problems.push({
        zh: `字段“${field.title}”承担的用途须为${wanted}类型`,
        en: `${field.code} has role ${field.role}, which needs a ${wanted} field`,
      });
    }
  }
  return problems;
}
