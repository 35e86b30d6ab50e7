import { cite } from '../cited.ts';
import type { DataClass, LegalBasisType } from '../types.ts';

/*
 * Values that every city profile shares because they come from the same convention or the same spec reading,
 * not from a city's own text. Values a city's own article gives live in that city's file, even when equal.
 */

/** 民法典 第二百零一条, 第二百零二条; no holiday extension of record or disclosure periods. */
export const CIVIL_CODE_CONVENTION = cite(
  'CIVIL_CODE' as const,
  'A-1 (民法典 第二百零一条, 第二百零二条; spec C3)',
);

/** the sources require the codes but not their check characters; the national standards define them. */
export const ENFORCE_CHECK_DIGITS = cite(true, 'A-6 (GB 32100-2015, GB 11643-1999); DESIGN Decision 3');

/** no source sets a retention for case materials; 5 years after closure by analogy with 002 第十三条. */
export const CASE_MATERIALS_RETENTION = cite({ years: 5 }, 'SILENT; A-53 (by analogy with 002 第十三条)');

export const ANOMALY_DAILY_SUBJECTS = cite(
  200,
  'R150 (no source sets a value; the spec example)',
  'confirm with the competent department',
);

export const EXPORT_BULK_THRESHOLD = cite(
  1000,
  'R149 (no source sets a value; the spec example)',
  'confirm with the competent department',
);

/** Religion, genes, blood type, diseases and medical history: the classes all three cities name. */
export const SENSITIVE_DATA_CLASSES: readonly DataClass[] = [
  'RELIGION',
  'GENES',
  'BLOOD_TYPE',
  'DISEASE',
  'MEDICAL_HISTORY',
];

/** Income, deposits, securities, commercial insurance, real estate and tax amounts. */
export const FINANCIAL_DATA_CLASSES: readonly DataClass[] = [
  'INCOME',
  'DEPOSITS',
  'SECURITIES',
  'COMMERCIAL_INSURANCE',
  'REAL_ESTATE',
  'TAX_AMOUNT',
];

/** "法律、法规、规章": laws, administrative and local regulations, department and local government rules. */
export const LAWS_REGULATIONS_AND_RULES: readonly LegalBasisType[] = [
  'LAW',
  'ADMINISTRATIVE_REGULATION',
  'LOCAL_REGULATION',
  'DEPARTMENT_RULE',
  'LOCAL_RULE',
];

/** "法律、行政法规". */
export const LAWS_AND_ADMINISTRATIVE_REGULATIONS: readonly LegalBasisType[] = [
  'LAW',
  'ADMINISTRATIVE_REGULATION',
];

/** Fields of an agency's query ledger (查询日志台账): 000 第二十条, 003 第二十三条 ¶2. */
export const QUERY_LEDGER_FIELDS: readonly string[] = ['查询人员姓名', '查询时间', '查询内容', '查询用途'];
