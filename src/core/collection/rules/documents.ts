import { isAfter } from '../../time/local-date.ts';
import type { RowReturn } from '../validation.ts';
import { isDishonest, named, type Row, returnOn } from './row.ts';

/*
 * The legal document behind a record and what the subject must have been told before it is reported
 * (R26–R28).
 */

export function documentRules(row: Row): RowReturn[] {
  return [...documentBasis(row), ...finalDocument(row), ...priorNotice(row), ...repairRightsNotice(row)];
}

/**
 * R26. Every record starts on the date of its document (000 第十条(一)(1) and the same reading in WH and NT),
 * so no period can be computed without it. Where dishonest information is counted from its determination
 * (004 第十二条(十), 第三十条 经依法认定, 自认定之日起), the determining authority is part of the basis too.
 */
function documentBasis(row: Row): RowReturn[] {
  const { facts, params } = row;
  const { dishonestStart } = params.periods;
  const { legalDocumentRequiredFor } = params.collection;
  if (isDishonest(row) && dishonestStart.value === 'DETERMINATION_DATE') {
    const source = `${legalDocumentRequiredFor.source}; ${dishonestStart.source}`;
    const missing = (['decidedOn', 'decidingAuthority'] as const).filter((role) => facts[role] === undefined);
    return missing.map((role) =>
      returnOn(
        row,
        role,
        'MISSING_DETERMINATION',
        `${named(row, role)}为空：负面信息须经依法认定，并载明认定机关和认定日期（有效期自认定之日起计算）`,
        source,
      ),
    );
  }
  if (facts.decidedOn !== undefined) return [];
  const source = isDishonest(row)
    ? `${legalDocumentRequiredFor.source}; ${params.periods.recordStart.source}`
    : params.periods.recordStart.source;
  return [
    returnOn(
      row,
      'decidedOn',
      'MISSING_DOCUMENT_DATE',
      `${named(row, 'decidedOn')}为空：记录期限自信息所依据的具有法律效力的文书出具之日起算，请填写文书日期`,
      source,
    ),
  ];
}

/** R26 (WH, A-14): only a finally effective document (最终发生法律效力的文书, 003 第十六条) grounds a record. */
function finalDocument(row: Row): RowReturn[] {
  const { finalDocumentRequired, legalDocumentRequiredFor } = row.params.collection;
  if (!finalDocumentRequired.value) return [];
  if (legalDocumentRequiredFor.value === 'DISHONEST' && !isDishonest(row)) return [];
  if (row.facts.finalEffective === true) return [];
  return [
    returnOn(
      row,
      'finalEffective',
      'NOT_FINAL_DOCUMENT',
      `${named(row, 'finalEffective')}须为“是”：归集的公共信用信息应当以最终发生法律效力的文书为依据，复议、诉讼期限届满或者终局后再报送`,
      finalDocumentRequired.source,
    ),
  ];
}

/** R27 (XM, 000 第十四条): the subject is told in writing before dishonest information is reported. */
function priorNotice(row: Row): RowReturn[] {
  const { facts, context, params } = row;
  const required = params.collection.priorWrittenNoticeRequired;
  if (!required.value || !isDishonest(row) || facts.noticeExemptionBasis !== undefined) return [];
  const exemption = `（法律法规另有规定的，请在${named(row, 'noticeExemptionBasis')}注明）`;
  const returns: RowReturn[] = [];
  if (facts.noticeReference === undefined) {
    const message = `${named(row, 'noticeReference')}为空：报送失信信息前应当书面告知信用主体${exemption}`;
    returns.push(returnOn(row, 'noticeReference', 'MISSING_NOTICE', message, required.source));
  }
  if (facts.noticeDate === undefined) {
    const message = `${named(row, 'noticeDate')}为空：报送失信信息前应当书面告知信用主体${exemption}`;
    returns.push(returnOn(row, 'noticeDate', 'MISSING_NOTICE', message, required.source));
  } else if (isAfter(facts.noticeDate, context.receivedOn)) {
    returns.push(
      returnOn(
        row,
        'noticeDate',
        'NOTICE_AFTER_SUBMISSION',
        `${named(row, 'noticeDate')}${facts.noticeDate}晚于报送日期${context.receivedOn}：须在书面告知之后报送`,
        required.source,
      ),
    );
  }
  return returns;
}

/** R28 (XM, 000 第二十五条 ¶1): when recording dishonest information the subject is told of its repair rights. */
function repairRightsNotice(row: Row): RowReturn[] {
  const { facts, context, params } = row;
  const required = params.collection.repairRightsNoticeRequired;
  if (!required.value || !isDishonest(row)) return [];
  const told = named(row, 'repairRightsNotified');
  const toldOn = named(row, 'repairRightsNotifiedOn');
  const problem =
    facts.repairRightsNotified !== true
      ? { role: 'repairRightsNotified' as const, text: `${told}须为“是”` }
      : facts.repairRightsNotifiedOn === undefined
        ? { role: 'repairRightsNotifiedOn' as const, text: `${toldOn}为空` }
        : isAfter(facts.repairRightsNotifiedOn, context.receivedOn)
          ? {
              role: 'repairRightsNotifiedOn' as const,
              text: `${toldOn}${facts.repairRightsNotifiedOn}晚于报送日期${context.receivedOn}`,
            }
          : null;
  if (problem === null) return [];
  return [
    returnOn(
      row,
      problem.role,
      'REPAIR_RIGHTS_NOT_NOTIFIED',
      `${problem.text}：记录失信信息时应当告知信用主体享有信用修复的权益，并注明告知日期`,
      required.source,
    ),
  ];
}
