import { DATA_CLASS_ZH } from '../../catalog/names.ts';
import { isAfter, isBefore } from '../../time/local-date.ts';
import type { FactRole } from '../facts.ts';
import type { RowReturn } from '../validation.ts';
import { columnField, named, namedColumn, type Row, returnOn } from './row.ts';

/*
 * R21–R23: the personal data the regulations keep out of credit records. The header mapper has already found
 * which columns carry which data class; this module never sees a value, so no message can leak one.
 */

export function personalDataRules(row: Row): RowReturn[] {
  return [...forbiddenData(row), ...consentGatedData(row)];
}

/**
 * R21 (000 第十六条 ¶1; 003 第十五条 ¶3; 004 第十四条). It guards natural persons, and the person behind a
 * 个体工商户 too: religion, genes or health say nothing about a business. Fingerprints follow A-8.
 */
function forbiddenData(row: Row): RowReturn[] {
  const { dataClasses, params, facts } = row;
  if (row.subjectCategory === 'organization') return [];
  const collection = params.collection;
  // A-11 switch (wh.sensitive_lawful_basis_allowed): only then may a law or regulation unlock these classes.
  if (collection.sensitiveLawfulBasisAllowed.value && facts.lawfulBasisReference !== undefined) return [];
  return dataClasses.forbidden.flatMap(({ dataClass, column }) => {
    const fingerprint = dataClass === 'FINGERPRINT';
    const forbidden = fingerprint
      ? collection.forbidFingerprint.value
      : collection.forbiddenNaturalPersonData.value.includes(dataClass);
    if (!forbidden) return [];
    const source = fingerprint
      ? collection.forbidFingerprint.source
      : collection.forbiddenNaturalPersonData.source;
    const field = columnField(row.context.item, column)?.code ?? column;
    return [
      {
        field,
        reason: 'FORBIDDEN_DATA' as const,
        message: `${namedColumn(row, column)}是禁止采集的自然人${DATA_CLASS_ZH[dataClass]}信息，请删除该列后重新报送；平台未保存该列内容`,
        source,
      },
    ];
  });
}

/** R22 (XM) and R23 (WH): income, deposits, securities, insurance, real estate and tax amounts; NT none. */
function consentGatedData(row: Row): RowReturn[] {
  const gated = row.params.collection.consentGatedNaturalPersonData;
  // A-12: organizations' financial data are not personal data.
  if (gated.value === null || row.subjectCategory !== 'natural_person') return [];
  const classes = gated.value.classes;
  const carried = row.dataClasses.consentGated.filter(({ dataClass }) => classes.includes(dataClass));
  if (carried.length === 0) return [];
  const columns = carried.map(({ column }) => namedColumn(row, column)).join('');
  if (gated.value.requirement === 'LAW_OR_AGREEMENT') {
    const { lawfulBasisReference, agreementReference } = row.facts;
    if (lawfulBasisReference !== undefined || agreementReference !== undefined) return [];
    const message = `报送了自然人的${columns}信息，须注明所依据的法律、行政法规条款或与本人的约定（协议编号），否则属于非法采集`;
    return [returnOn(row, 'lawfulBasisReference', 'NO_LAWFUL_BASIS', message, gated.source)];
  }
  return writtenConsentProblems(row).map(({ role, problem }) =>
    returnOn(
      row,
      role,
      'CONSENT_REQUIRED',
      `报送了自然人的${columns}信息，须已明确告知本人可能产生的不利后果并取得其书面同意，两者均不晚于归集日期（${row.context.receivedOn}）：${problem}`,
      gated.source,
    ),
  );
}

/** 000 第十六条 ¶2: the notice of adverse consequences, then the written consent, both by the collection date. */
function writtenConsentProblems(row: Row): Array<{ role: FactRole; problem: string }> {
  const { consentNoticeDate: notice, writtenConsentDate: consent } = row.facts;
  const received = row.context.receivedOn;
  const problems: Array<{ role: FactRole; problem: string }> = [];
  const noticeField = named(row, 'consentNoticeDate');
  const consentField = named(row, 'writtenConsentDate');
  if (notice === undefined) problems.push({ role: 'consentNoticeDate', problem: `${noticeField}为空` });
  else if (isAfter(notice, received)) {
    problems.push({ role: 'consentNoticeDate', problem: `${noticeField}${notice}晚于归集日期` });
  }
  if (consent === undefined) problems.push({ role: 'writtenConsentDate', problem: `${consentField}为空` });
  else if (isAfter(consent, received)) {
    problems.push({ role: 'writtenConsentDate', problem: `${consentField}${consent}晚于归集日期` });
  } else if (notice !== undefined && isBefore(consent, notice)) {
    // Consent given before the person was told the consequences is not the informed consent 第十六条 asks for.
    problems.push({
      role: 'writtenConsentDate',
      problem: `${consentField}${consent}早于${noticeField}${notice}`,
    });
  }
  return problems;
}
