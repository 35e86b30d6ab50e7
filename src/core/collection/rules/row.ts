import type { CatalogItemDefinition, FieldDefinition } from '../../catalog/item.ts';
import type { PolicyParameters } from '../../policy/types.ts';
import type { FactRole, RecordFacts } from '../facts.ts';
import type { ReturnReason, RowDataClasses, RowReturn, ValidationContext } from '../validation.ts';

/*
 * What every collection rule reads: the row's facts, the validation context and the parameters of the profile
 * version in force on the day the row was received (R3), plus what the row says its subject is.
 */

/**
 * 行政相对人类别. A 个体工商户 is keyed by its USCC and treated as a market entity (000 第八条(一) 商事主体),
 * except that the personal data of the person behind it stays forbidden (R21).
 */
export type SubjectCategory = 'organization' | 'individual_business' | 'natural_person';

export interface RowBase {
  facts: RecordFacts;
  dataClasses: RowDataClasses;
  context: ValidationContext;
  params: PolicyParameters;
}

export interface Row extends RowBase {
  /**
   * What `facts.subjectCategory` says, or what the codes tell when it is empty; null when the row names no
   * subject at all (SUBJECT_CODE_MISSING).
   */
  subjectCategory: SubjectCategory | null;
  /** The credit code the record is filed under, once identified; null while the subject is not. */
  subjectCode: string | null;
}

/** Column titles used when an item has no field for the fact, so a message still names what is missing. */
const ROLE_TITLES: Partial<Record<FactRole, string>> = {
  subjectCategory: '行政相对人类别',
  subjectUscc: '统一社会信用代码',
  subjectDocumentType: '证件类型',
  subjectDocumentNumber: '证件号码',
  decidedOn: '决定日期',
  decidingAuthority: '决定机关',
  decidingAuthorityCode: '决定机关统一社会信用代码',
  declaredDisclosureEnd: '公示截止期',
  procedure: '程序类型',
  severity: '失信程度',
  noticeReference: '书面告知文号',
  noticeDate: '书面告知日期',
  repairRightsNotified: '已告知信用修复权益',
  repairRightsNotifiedOn: '告知信用修复权益日期',
  minorViolation: '违法行为轻微',
  harmEliminated: '主动消除危害后果',
  harmMitigated: '主动减轻危害后果',
  finalEffective: '最终发生法律效力',
  actEndedOn: '失信行为终止日期',
  ongoing: '失信行为持续',
  awardLevel: '表彰奖励级别',
  excellentGrade: '分类监管优良等级',
  fullCivilCapacity: '具有完全民事行为能力',
  consentNoticeDate: '不利后果告知日期',
  writtenConsentDate: '书面同意日期',
  lawfulBasisReference: '法律、行政法规依据',
  validUntil: '有效期至',
  overridePeriod: '特别规定的期限',
  overrideBasis: '特别规定的依据',
  overrideBasisType: '特别规定依据类型',
  noticeExemptionBasis: '免于告知的法律依据',
  collectionWaiverBasis: '另有规定须归集的依据',
  agreementReference: '约定（协议）编号',
  modifiedOn: '信息修改日期',
};

/** The code of the item field that carries `role`, or null when the item has none. */
export function fieldCode(item: CatalogItemDefinition, role: FactRole): string | null {
  return item.fields.find((field) => field.role === role)?.code ?? null;
}

/** How a message names the field of `role`: its title in the item, in 「」. */
export function named(row: RowBase, role: FactRole): string {
  const title = row.context.item.fields.find((field) => field.role === role)?.title;
  return `「${title ?? ROLE_TITLES[role] ?? role}」`;
}

/** The item field a file's column header stands for: by code, title or alias (as the header mapper reads it). */
export function columnField(item: CatalogItemDefinition, column: string): FieldDefinition | undefined {
  return item.fields.find(
    (field) => field.code === column || field.title === column || field.aliases?.includes(column) === true,
  );
}

/** How a message names a column that is not a fact (a data-class column): its title when the item has it. */
export function namedColumn(row: RowBase, column: string): string {
  return `「${columnField(row.context.item, column)?.title ?? column}」`;
}

/** A return blaming the field of `role` (null: the row as a whole). */
export function returnOn(
  row: RowBase,
  role: FactRole | null,
  reason: ReturnReason,
  message: string,
  source: string,
): RowReturn {
  return { field: role === null ? null : fieldCode(row.context.item, role), reason, message, source };
}

/** A text fact that is none of the words the rule reads. */
export function notOneOf(row: RowBase, role: FactRole, words: readonly string[], source: string): RowReturn {
  return returnOn(row, role, 'INVALID_VALUE', `${named(row, role)}应为${words.join('、')}之一`, source);
}

export function isDishonest(row: RowBase): boolean {
  return row.context.item.category === 'dishonest';
}

export function isPenalty(row: RowBase): boolean {
  return row.context.item.recordKind === 'penalty';
}

/** Trimmed text with inner white space removed, as people type the values the rules compare. */
export function compact(text: string): string {
  return text.replace(/\s/gu, '');
}
