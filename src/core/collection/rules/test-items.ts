import type { CatalogItemDefinition, FieldDefinition } from '../../catalog/item.ts';
import type { FactRole } from '../facts.ts';

/*
 * Catalog items for the collection-rule tests: a penalty shaped like the national 行政处罚 (双公示) format, an
 * award, a list entry and a licence. Each field names the fact it feeds, so the rules find their fields by
 * role; the codes are the national standard's (CF_…) or our own snake_case additions.
 */

function field(
  code: string,
  title: string,
  type: FieldDefinition['type'],
  role?: FactRole,
  extra: Partial<FieldDefinition> = {},
): FieldDefinition {
  return {
    code,
    title,
    type,
    required: false,
    dataClass: role === 'subjectUscc' || role === 'subjectDocumentNumber' ? 'IDENTITY' : 'ORDINARY',
    ...(role === undefined ? {} : { role }),
    ...extra,
  };
}

/** The subject columns every item shares (行政相对人 of the national format). */
const SUBJECT_FIELDS: readonly FieldDefinition[] = [
  field('CF_XDR_MC', '行政相对人名称', 'text', 'subjectName', { required: true }),
  field('CF_XDR_LB', '行政相对人类别', 'enum', 'subjectCategory', {
    values: ['法人及非法人组织', '自然人', '个体工商户'],
  }),
  field('CF_XDR_SHXYM', '统一社会信用代码', 'text', 'subjectUscc'),
  field('CF_XDR_ZJLX', '证件类型', 'text', 'subjectDocumentType'),
  field('CF_XDR_ZJHM', '证件号码', 'text', 'subjectDocumentNumber'),
  field('full_civil_capacity', '具有完全民事行为能力', 'boolean', 'fullCivilCapacity'),
];

/** Columns for the profile-specific duties every provider record may carry (R22, R23, R26, R34). */
const PROVIDER_DUTY_FIELDS: readonly FieldDefinition[] = [
  field('final_effective', '最终发生法律效力', 'boolean', 'finalEffective'),
  field('consent_notice_ref', '不利后果告知文号', 'text', 'consentNoticeReference'),
  field('consent_notice_date', '不利后果告知日期', 'date', 'consentNoticeDate'),
  field('written_consent_ref', '书面同意文号', 'text', 'writtenConsentReference'),
  field('written_consent_date', '书面同意日期', 'date', 'writtenConsentDate'),
  field('lawful_basis_ref', '法律、行政法规依据', 'text', 'lawfulBasisReference'),
  field('agreement_ref', '约定（协议）编号', 'text', 'agreementReference'),
  field('modified_on', '信息修改日期', 'date', 'modifiedOn'),
];

/** The dishonest-record columns: severity, notices, act end, periods (R27–R31). */
const DISHONEST_FIELDS: readonly FieldDefinition[] = [
  field('severity', '失信程度', 'enum', 'severity', { values: ['一般', '严重'] }),
  field('notice_ref', '书面告知文号', 'text', 'noticeReference'),
  field('notice_date', '书面告知日期', 'date', 'noticeDate'),
  field('notice_exemption', '免于告知的法律依据', 'text', 'noticeExemptionBasis'),
  field('repair_rights_notified', '已告知信用修复权益', 'boolean', 'repairRightsNotified'),
  field('repair_rights_notified_on', '告知信用修复权益日期', 'date', 'repairRightsNotifiedOn'),
  field('act_end_date', '失信行为终止日期', 'date', 'actEndedOn'),
  field('ongoing', '失信行为持续', 'boolean', 'ongoing'),
  field('CF_GSJZQ', '公示截止期', 'date', 'declaredDisclosureEnd'),
  field('override_period', '特别规定的期限', 'text', 'overridePeriod'),
  field('override_basis', '特别规定的依据', 'text', 'overrideBasis'),
  field('override_basis_type', '特别规定依据类型', 'text', 'overrideBasisType'),
];

const COMMON = {
  frequency: '每日',
  usagePermission: null,
  retentionPeriod: null,
  dataSource: null,
  specificBehaviour: false,
  levelDivisionCode: null,
} as const;

/**
 * 行政处罚信息 (XZCF). The period is the WH data-list period P; XM and NT count dishonest periods from the
 * severity and ignore it.
 */
export const PENALTY_ITEM: CatalogItemDefinition = {
  ...COMMON,
  code: 'XZCF',
  name: '行政处罚信息',
  recordKind: 'penalty',
  subjectScope: 'all',
  category: 'dishonest',
  disclosure: 'public',
  period: { kind: 'ITEM_PERIOD', period: { years: 3 } },
  legalBases: [{ type: 'LAW', title: '《中华人民共和国行政处罚法》' }],
  fields: [
    ...SUBJECT_FIELDS,
    field('CF_WSH', '行政处罚决定书文号', 'text', 'documentNumber', { required: true }),
    field('CF_CFLB', '处罚类别', 'text'),
    field('CF_JDRQ', '处罚决定日期', 'date', 'decidedOn', { required: true }),
    field('CF_CFJG', '处罚机关', 'text', 'decidingAuthority'),
    field('CF_CFJGDM', '处罚机关统一社会信用代码', 'text', 'decidingAuthorityCode'),
    field('procedure', '程序类型', 'enum', 'procedure', { values: ['一般程序', '简易程序'] }),
    field('violation_minor', '违法行为轻微', 'boolean', 'minorViolation'),
    field('harm_eliminated', '主动消除危害后果', 'boolean', 'harmEliminated'),
    field('harm_mitigated', '主动减轻危害后果', 'boolean', 'harmMitigated'),
    field('collection_waiver_basis', '另有规定须归集的依据', 'text', 'collectionWaiverBasis'),
    ...DISHONEST_FIELDS,
    ...PROVIDER_DUTY_FIELDS,
  ],
};

/** 表彰奖励信息: good information whose awarding body must meet the profile's level (R32). */
export const AWARD_ITEM: CatalogItemDefinition = {
  ...COMMON,
  code: 'BZJL',
  name: '表彰奖励信息',
  recordKind: 'award',
  subjectScope: 'all',
  category: 'good',
  disclosure: 'public',
  period: { kind: 'ITEM_PERIOD', period: { years: 3 } },
  legalBases: [],
  fields: [
    ...SUBJECT_FIELDS,
    field('award_name', '表彰奖励名称', 'text', undefined, { required: true }),
    field('award_body', '授予机关', 'text', 'decidingAuthority', { required: true }),
    field('award_body_code', '授予机关统一社会信用代码', 'text', 'decidingAuthorityCode'),
    field('award_level', '表彰级别', 'text', 'awardLevel'),
    field('award_date', '授予日期', 'date', 'decidedOn', { required: true }),
    field('valid_until', '有效期至', 'date', 'validUntil'),
    field('excellent_grade', '分类监管优良等级', 'boolean', 'excellentGrade'),
    ...PROVIDER_DUTY_FIELDS,
  ],
};

/** 失信联合惩戒对象名单 (XM): the list fixes the period, so no severity is needed (R29, R50). */
export const LIST_ITEM: CatalogItemDefinition = {
  ...COMMON,
  code: 'SXLHCJ',
  name: '失信联合惩戒对象名单',
  recordKind: 'list_entry',
  subjectScope: 'all',
  category: 'dishonest',
  disclosure: 'public',
  period: { kind: 'PROFILE_RULE' },
  listType: 'joint_punishment',
  legalBases: [],
  fields: [
    ...SUBJECT_FIELDS,
    field('list_decision_no', '列入决定文号', 'text', 'documentNumber', { required: true }),
    field('listed_on', '列入日期', 'date', 'decidedOn', { required: true }),
    field('listing_authority', '认定机关', 'text', 'decidingAuthority'),
    ...DISHONEST_FIELDS,
    ...PROVIDER_DUTY_FIELDS,
  ],
};

/** 行政许可信息 (XZXK) for organizations only: basic information. */
export const LICENSE_ITEM: CatalogItemDefinition = {
  ...COMMON,
  code: 'XZXK',
  name: '行政许可信息',
  recordKind: 'license',
  subjectScope: 'organizations',
  category: 'basic',
  disclosure: 'public',
  period: { kind: 'ITEM_PERIOD', period: { years: 5 } },
  legalBases: [{ type: 'LAW', title: '《中华人民共和国行政许可法》' }],
  fields: [
    ...SUBJECT_FIELDS,
    field('XK_WSH', '行政许可决定文书号', 'text', 'documentNumber', { required: true }),
    field('XK_JDRQ', '许可决定日期', 'date', 'decidedOn', { required: true }),
    field('XK_JZQ', '有效期至', 'date', 'validUntil'),
    field('XK_XKJG', '许可机关', 'text', 'decidingAuthority'),
    ...PROVIDER_DUTY_FIELDS,
  ],
};
