import {
  acceptUscc,
  assessCivilCapacity,
  CODE_KIND_LABELS,
  type CodeCheck,
  type CodeKind,
  checkCode,
} from '../../identity/index.ts';
import { readForeignPassport } from '../../identity/other-documents.ts';
import type { LocalDate } from '../../time/local-date.ts';
import type { FactRole } from '../facts.ts';
import type { RecordFlag, RowReturn, ValidatedSubject } from '../validation.ts';
import { named, notOneOf, type RowBase, returnOn, type SubjectCategory } from './row.ts';
import {
  DOCUMENT_TYPE_WORDS,
  readDocumentType,
  readSubjectCategory,
  SUBJECT_CATEGORY_WORDS,
} from './vocabulary.ts';

/*
 * Who a row is about (R39–R43): organizations by their USCC, natural persons by their resident ID number or,
 * failing that, another identity document (000 第六条; 003 第七条; 004 第十五条).
 */

export interface Identification {
  subjectCategory: SubjectCategory | null;
  subject: ValidatedSubject | null;
  returns: RowReturn[];
  flags: RecordFlag[];
}

export function identifySubject(row: RowBase): Identification {
  const { facts } = row;
  const returns: RowReturn[] = [];
  let declared: SubjectCategory | null = null;
  if (facts.subjectCategory !== undefined) {
    declared = readSubjectCategory(facts.subjectCategory);
    if (declared === null) {
      const source = row.params.scope.organizationKey.source;
      returns.push(notOneOf(row, 'subjectCategory', SUBJECT_CATEGORY_WORDS, source));
    }
  }
  const subjectCategory = declared ?? inferSubjectCategory(row);
  const identified =
    subjectCategory === null
      ? missingCode(row, 'subjectUscc')
      : subjectCategory === 'natural_person'
        ? identifyPerson(row)
        : identifyOrganization(row);
  return {
    subjectCategory,
    subject: identified.subject,
    returns: [...returns, ...identified.returns, ...scopeReturns(row, subjectCategory)],
    flags: identified.flags,
  };
}

type Identified = Omit<Identification, 'subjectCategory'>;

/**
 * Without a 行政相对人类别 the codes tell: a resident ID number in the credit-code column is a person's credit
 * code (000 第六条; 003 第七条 自然人的统一社会信用代码为身份证号码), a document number alone names a person.
 */
function inferSubjectCategory(row: RowBase): SubjectCategory | null {
  const { facts, context } = row;
  if (facts.subjectUscc !== undefined) {
    const check = checkCode(facts.subjectUscc, { today: context.receivedOn });
    return check.kind === 'resident_id' ? 'natural_person' : 'organization';
  }
  if (facts.subjectDocumentNumber !== undefined || facts.subjectDocumentType !== undefined) {
    return 'natural_person';
  }
  return null;
}

/** No subject: the row is returned for this one reason about who it is about. */
function unidentified(rowReturn: RowReturn): Identified {
  return { subject: null, flags: [], returns: [rowReturn] };
}

function missingCode(row: RowBase, role: FactRole): Identified {
  const { organizationKey, naturalPersonKey } = row.params.scope;
  return unidentified(
    returnOn(
      row,
      role,
      'SUBJECT_CODE_MISSING',
      `${named(row, role)}为空：法人、非法人组织和个体工商户须填写统一社会信用代码，自然人须填写证件类型和证件号码`,
      `${organizationKey.source}; ${naturalPersonKey.source}`,
    ),
  );
}

/** R39 with DESIGN Decision 3: a failing USCC passes, flagged, only when the registration feed holds it. */
function identifyOrganization(row: RowBase): Identified {
  const { facts, context, params } = row;
  if (facts.subjectUscc === undefined) return missingCode(row, 'subjectUscc');
  const check = checkCode(facts.subjectUscc, { today: context.receivedOn });
  const failedUscc = check.kind === 'uscc' && !check.valid;
  const acceptance = acceptUscc(check, failedUscc && context.subjectKnownFromRegistration(check.normalized));
  if (!acceptance.accepted) {
    const { organizationKey, enforceCheckDigits } = params.scope;
    return unidentified(
      returnOn(
        row,
        'subjectUscc',
        'INVALID_USCC',
        `${named(row, 'subjectUscc')}：${acceptance.reasonZh}`,
        `${organizationKey.source}; ${enforceCheckDigits.source}`,
      ),
    );
  }
  return {
    subject: {
      code: check.normalized,
      codeKind: 'uscc',
      naturalPerson: false,
      viaDocument: null,
      provisional: false,
    },
    flags: acceptance.flaggedForReview === null ? [] : ['USCC_CHECK_FAILED_REVIEW'],
    returns: [],
  };
}

/** A natural person's document, read and checked; `birthDate` when the number carries one. */
type DocumentReading =
  | { ok: true; kind: CodeKind; normalized: string; birthDate: LocalDate | null }
  | { ok: false; reason: 'INVALID_ID_NUMBER' | 'INVALID_DOCUMENT_NUMBER'; message: string };

function birthDateOf(check: CodeCheck): LocalDate | null {
  switch (check.kind) {
    case 'resident_id':
    case 'hmt_residence_permit':
      return check.details.birthDate;
    case 'foreign_permanent_residence':
      return check.details.person?.birthDate ?? null;
    default:
      return null;
  }
}

/**
 * Reads `number` as the declared kind (or, undeclared, as whatever its structure says). A passport number
 * has no national format, so any ICAO-shaped number passes as a passport when the row says it is one.
 */
function readDocument(number: string, declared: CodeKind | null, today: LocalDate): DocumentReading {
  const check = checkCode(number, { today });
  const kind = declared ?? check.kind;
  const personal = kind !== 'uscc' && kind !== 'unknown';
  if (personal && check.kind === kind && check.valid) {
    return { ok: true, kind, normalized: check.normalized, birthDate: birthDateOf(check) };
  }
  const passport = kind === 'passport' ? readForeignPassport(check.normalized) : null;
  if (passport !== null) return { ok: true, kind, normalized: passport.normalized, birthDate: null };
  const reason = kind === 'resident_id' || kind === 'uscc' ? 'INVALID_ID_NUMBER' : 'INVALID_DOCUMENT_NUMBER';
  if (kind === 'uscc') {
    return {
      ok: false,
      reason,
      message: '自然人以居民身份证号码等身份证明为信用代码，不能使用统一社会信用代码',
    };
  }
  if (check.kind === kind) return { ok: false, reason, message: check.zh.error ?? '' };
  const label = CODE_KIND_LABELS[kind].zh;
  return {
    ok: false,
    reason,
    message: `号码不符合${label}的格式（按结构识别为${CODE_KIND_LABELS[check.kind].zh}）`,
  };
}

function identifyPerson(row: RowBase): Identified {
  const { facts, context, params } = row;
  // A person's ID number may stand in the credit-code column (000 第六条; 003 第七条).
  const numberRole: FactRole | null =
    facts.subjectDocumentNumber !== undefined
      ? 'subjectDocumentNumber'
      : facts.subjectUscc !== undefined
        ? 'subjectUscc'
        : null;
  if (numberRole === null) return missingCode(row, 'subjectDocumentNumber');
  const number = facts[numberRole] ?? '';
  let declared: CodeKind | null = numberRole === 'subjectUscc' ? 'resident_id' : null;
  if (numberRole === 'subjectDocumentNumber' && facts.subjectDocumentType !== undefined) {
    declared = readDocumentType(facts.subjectDocumentType);
    if (declared === null) {
      const source = params.scope.nonStandardIdentifier.source;
      return unidentified(notOneOf(row, 'subjectDocumentType', DOCUMENT_TYPE_WORDS, source));
    }
  }
  const document = readDocument(number, declared, context.receivedOn);
  if (!document.ok)
    return failure(row, numberRole, document.reason, `${named(row, numberRole)}：${document.message}`);
  if (document.kind === 'resident_id') {
    const subject = personKeyedBy(document.normalized, 'resident_id', null, false);
    return { subject, flags: [], returns: capacityReturns(row, document.birthDate, numberRole) };
  }
  const viaDocument = { kind: document.kind, number: document.normalized };
  // R41 (000 第六条): a linked passport or permit files the record under the person's credit code.
  const linked = params.scope.linkOtherIdentityDocuments.value
    ? context.linkedCreditCode(document.kind, document.normalized)
    : null;
  if (linked !== null) {
    const creditCode = checkCode(linked, { today: context.receivedOn });
    const subject = personKeyedBy(creditCode.normalized, creditCode.kind, viaDocument, false);
    return { subject, flags: [], returns: capacityReturns(row, birthDateOf(creditCode), numberRole) };
  }
  // R42: the document is a provisional key; XM links it later, WH and NT flag it for the center.
  const flagged = params.scope.nonStandardIdentifier.value === 'FLAG_FOR_REVIEW';
  return {
    subject: personKeyedBy(document.normalized, document.kind, null, true),
    flags: flagged ? ['NON_STANDARD_IDENTIFIER'] : [],
    returns: capacityReturns(row, document.birthDate, numberRole),
  };
}

function personKeyedBy(
  code: string,
  codeKind: CodeKind,
  viaDocument: ValidatedSubject['viaDocument'],
  provisional: boolean,
): ValidatedSubject {
  return { code, codeKind, naturalPerson: true, viaDocument, provisional };
}

function failure(
  row: RowBase,
  role: FactRole,
  reason: 'INVALID_ID_NUMBER' | 'INVALID_DOCUMENT_NUMBER',
  message: string,
): Identified {
  const { naturalPersonKey, enforceCheckDigits, nonStandardIdentifier } = row.params.scope;
  const source =
    reason === 'INVALID_ID_NUMBER'
      ? `${naturalPersonKey.source}; ${enforceCheckDigits.source}`
      : nonStandardIdentifier.source;
  return unidentified(returnOn(row, role, reason, message, source));
}

/**
 * R43: XM and NT admit only persons of full civil capacity, judged on the document date; WH has no
 * such limit. Without a birth date in the number only the provider's own "no capacity" can be acted on.
 */
function capacityReturns(row: RowBase, birthDate: LocalDate | null, numberRole: FactRole): RowReturn[] {
  const { facts, context, params } = row;
  const { requireFullCivilCapacity, capacityCheck } = params.scope;
  if (!requireFullCivilCapacity.value || capacityCheck.value === null) return [];
  const source = capacityCheck.source;
  const attestation = facts.fullCivilCapacity;
  if (birthDate === null) {
    if (attestation !== false) return [];
    const message = `${named(row, 'fullCivilCapacity')}标明该自然人不具有完全民事行为能力，其信息不属于公共信用信息`;
    return [returnOn(row, 'fullCivilCapacity', 'NO_FULL_CIVIL_CAPACITY', message, source)];
  }
  const assessment = assessCivilCapacity({
    birthDate,
    documentDate: facts.decidedOn ?? context.receivedOn,
    attestation,
    requireFullCivilCapacity: true,
  });
  if (assessment.ok) return [];
  // The assessment names its own input before "："; the message names the item's field instead.
  const reason = assessment.reasonZh.slice(assessment.reasonZh.indexOf('：') + 1);
  if (assessment.errorCode === 'DOCUMENT_BEFORE_BIRTH') {
    return [returnOn(row, 'decidedOn', 'INVALID_VALUE', `${named(row, 'decidedOn')}：${reason}`, source)];
  }
  const role: FactRole =
    attestation === false || assessment.errorCode === 'CAPACITY_ATTESTATION_REQUIRED'
      ? 'fullCivilCapacity'
      : numberRole;
  return [returnOn(row, role, assessment.errorCode, `${named(row, role)}：${reason}`, source)];
}

/** The catalog item says which subjects its records may be about (000 第九条 数据格式; 003 第八条; 004 第八条). */
function scopeReturns(row: RowBase, subjectCategory: SubjectCategory | null): RowReturn[] {
  const scope = row.context.item.subjectScope;
  if (subjectCategory === null || scope === 'all') return [];
  const person = subjectCategory === 'natural_person';
  if (person === (scope === 'natural_persons')) return [];
  const allowed = scope === 'natural_persons' ? '自然人' : '法人、非法人组织和个体工商户';
  return [
    returnOn(
      row,
      'subjectCategory',
      'SUBJECT_TYPE_NOT_IN_ITEM',
      `目录事项「${row.context.item.name}」只归集${allowed}的信息，本条记录的主体不在其列`,
      row.params.catalog.elements.source,
    ),
  ];
}
