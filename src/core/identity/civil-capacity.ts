import { isBefore, type LocalDate } from '../time/local-date.ts';
import { ageOn } from './resident-id.ts';

export interface CivilCapacityInput {
  birthDate: LocalDate;
  /** The date of the document the record rests on; age is taken on this date (R43). */
  documentDate: LocalDate;
  /** The provider's attestation of full civil capacity (`full_civil_capacity`), or undefined when not given. */
  attestation: boolean | undefined;
  /** The profile's `subject.require_full_civil_capacity`: true in XM and NT, false in WH. */
  requireFullCivilCapacity: boolean;
}

export type CivilCapacityAssessment =
  | { ok: true }
  | {
      ok: false;
      errorCode: 'NO_FULL_CIVIL_CAPACITY' | 'CAPACITY_ATTESTATION_REQUIRED' | 'DOCUMENT_BEFORE_BIRTH';
      /** Null when the document predates the birth. */
      ageOnDocumentDate: number | null;
      reason: string;
      reasonZh: string;
    };

/** 民法典 第十七条, 第十八条: adults (18+) have full capacity; from 16 only if living on their own labour income. */
const FULL_CAPACITY_AGE = 18;
const EARLIEST_FULL_CAPACITY_AGE = 16;

/**
 * Whether a natural person may be the subject of a record (R43, A-5). XM and NT limit subjects to natural
 * persons with full civil capacity (000 第二条; 004 第二条); WH has no such limit (003 第二条). The platform
 * cannot judge capacity itself, so: under 16 is refused, 16–17 needs the provider's attestation
 * (民法典 第十八条), and a provider saying the person lacks capacity is refused at any age.
 */
export function assessCivilCapacity(input: CivilCapacityInput): CivilCapacityAssessment {
  if (!input.requireFullCivilCapacity) return { ok: true };
  const on = input.documentDate.toString();
  if (isBefore(input.documentDate, input.birthDate)) {
    const born = input.birthDate.toString();
    return {
      ok: false,
      errorCode: 'DOCUMENT_BEFORE_BIRTH',
      ageOnDocumentDate: null,
      reason: `document date: ${on} is before the person's birth date ${born}`,
      reasonZh: `文书日期：${on} 早于该自然人的出生日期 ${born}`,
    };
  }
  const age = ageOn(input.birthDate, input.documentDate);
  if (input.attestation === false) {
    return {
      ok: false,
      errorCode: 'NO_FULL_CIVIL_CAPACITY',
      ageOnDocumentDate: age,
      reason: 'full_civil_capacity: the provider states the person lacks full civil capacity',
      reasonZh: 'full_civil_capacity：信息提供单位标明该自然人不具有完全民事行为能力',
    };
  }
  if (age < EARLIEST_FULL_CAPACITY_AGE) {
    return {
      ok: false,
      errorCode: 'NO_FULL_CIVIL_CAPACITY',
      ageOnDocumentDate: age,
      reason: `birth date: the person was ${age} on ${on}, under ${EARLIEST_FULL_CAPACITY_AGE}, so cannot have full civil capacity`,
      reasonZh: `出生日期：该自然人在 ${on} 为 ${age} 周岁，不满 ${EARLIEST_FULL_CAPACITY_AGE} 周岁，不具有完全民事行为能力`,
    };
  }
  if (age < FULL_CAPACITY_AGE && input.attestation !== true) {
    return {
      ok: false,
      errorCode: 'CAPACITY_ATTESTATION_REQUIRED',
      ageOnDocumentDate: age,
      reason: `full_civil_capacity: the person was ${age} on ${on}; a minor of 16 or 17 has full civil capacity only when living on their own labour income, which the provider must attest`,
      reasonZh: `full_civil_capacity：该自然人在 ${on} 为 ${age} 周岁；十六周岁以上的未成年人以自己的劳动收入为主要生活来源的，方视为完全民事行为能力人，须由信息提供单位确认`,
    };
  }
  return { ok: true };
}
