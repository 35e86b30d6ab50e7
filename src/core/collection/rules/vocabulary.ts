import { LEGAL_BASIS_TYPE_ZH } from '../../catalog/names.ts';
import { CODE_KIND_LABELS, type CodeKind } from '../../identity/index.ts';
import { LEGAL_BASIS_TYPES, type LegalBasisType, type Severity } from '../../policy/types.ts';
import { InvalidPeriodError, type Period, parsePeriod } from '../../time/period.ts';
import { compact, type SubjectCategory } from './row.ts';

/*
 * The words providers write in text facts, read into the codes the rules use. Each table takes the national
 * data standard's wording first and the common variants after it; the code names themselves are accepted too,
 * so an API caller may send either.
 */

function reader<T extends string>(table: Readonly<Record<string, T>>, codes: readonly T[] = []) {
  return (text: string): T | null => {
    const key = compact(text);
    if (key in table) return table[key] ?? null;
    return codes.find((code) => code === key) ?? null;
  };
}

/** 行政相对人类别 (national 双公示 standard: 法人及非法人组织 / 自然人 / 个体工商户). */
const SUBJECT_CATEGORIES: Readonly<Record<string, SubjectCategory>> = {
  法人及非法人组织: 'organization',
  法人和非法人组织: 'organization',
  法人及其他组织: 'organization',
  法人和其他组织: 'organization',
  法人: 'organization',
  非法人组织: 'organization',
  其他组织: 'organization',
  自然人: 'natural_person',
  个体工商户: 'individual_business',
};
export const SUBJECT_CATEGORY_WORDS = ['法人及非法人组织', '自然人', '个体工商户'];
export const readSubjectCategory = reader(SUBJECT_CATEGORIES, [
  'organization',
  'natural_person',
  'individual_business',
]);

/** 证件类型 of a natural person, as the national standard and providers write it. */
const DOCUMENT_TYPES: Readonly<Record<string, CodeKind>> = {
  ...Object.fromEntries(
    Object.entries(CODE_KIND_LABELS)
      .filter(([kind]) => kind !== 'unknown' && kind !== 'uscc')
      .map(([kind, label]) => [label.zh, kind as CodeKind]),
  ),
  身份证: 'resident_id',
  居民身份证: 'resident_id',
  公民身份证: 'resident_id',
  身份证号: 'resident_id',
  护照号: 'passport',
  外国护照: 'passport',
  中国护照: 'passport',
  回乡证: 'hk_macao_permit',
  台胞证: 'taiwan_permit',
  外国人永久居留证: 'foreign_permanent_residence',
};
export const DOCUMENT_TYPE_WORDS = ['身份证', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证'];
export const readDocumentType = reader(DOCUMENT_TYPES, [
  'resident_id',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent_residence',
  'hmt_residence_permit',
]);

/** 失信程度 (000 第十条(二)(1); 004 第十五条; 轻微 from the national baseline, DESIGN Decision 1). */
const SEVERITIES: Readonly<Record<string, Severity>> = {
  轻微: 'minor',
  轻微失信: 'minor',
  一般: 'general',
  一般失信: 'general',
  严重: 'serious',
  严重失信: 'serious',
};
export const SEVERITY_WORDS = ['一般', '严重', '轻微'];
export const readSeverity = reader(SEVERITIES, ['minor', 'general', 'serious']);

/** The kinds of legal basis an override cites (立法法 hierarchy; R57), by their Chinese names. */
const LEGAL_BASIS_WORDS: Readonly<Record<string, LegalBasisType>> = Object.fromEntries(
  Object.entries(LEGAL_BASIS_TYPE_ZH).map(([type, zh]) => [compact(zh), type as LegalBasisType]),
);
export const LEGAL_BASIS_TYPE_WORDS = ['法律', '行政法规', '地方性法规', '部门规章', '地方政府规章'];
export const readLegalBasisType = reader(LEGAL_BASIS_WORDS, LEGAL_BASIS_TYPES);

const CHINESE_PERIOD = /^(?:(\d+)年)?(?:(\d+)个?月)?(?:(\d+)[日天])?$/u;

/** A period as a person writes it (5年, 6个月, 1年6个月) or as parsePeriod reads it (5y, P5Y); null if neither. */
export function readPeriod(text: string): Period | null {
  const key = compact(text);
  const [, years, months, days] = CHINESE_PERIOD.exec(key) ?? [];
  if (years !== undefined || months !== undefined || days !== undefined) {
    return {
      ...(years === undefined ? {} : { years: Number(years) }),
      ...(months === undefined ? {} : { months: Number(months) }),
      ...(days === undefined ? {} : { days: Number(days) }),
    };
  }
  try {
    return parsePeriod(key);
  } catch (error) {
    if (error instanceof InvalidPeriodError) return null;
    throw error;
  }
}
