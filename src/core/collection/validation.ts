import type { CatalogItemDefinition } from '../catalog/item.ts';
import type { CodeKind } from '../identity/reading.ts';
import type { RecordPeriods } from '../policy/record-periods.ts';
import type { DataClass, PolicyProfile } from '../policy/types.ts';
import type { LocalDate } from '../time/local-date.ts';
import type { WorkingDayCalendar } from '../time/working-day-calendar.ts';
import type { RecordFacts } from './facts.ts';

/*
 * The contract between the collection pipeline (src/modules/collection) and the pure collection rules
 * (src/core/collection/validate-record.ts). Every door — API, file upload, CLI import — calls the same
 * `validateRecord`, so a row is accepted or returned for the same reasons whichever way it came (R16).
 */

/** Why a row is returned (退回). Spec reason codes where the spec names one. */
export const RETURN_REASONS = [
  // Form of the row (R20).
  'REQUIRED_FIELD_MISSING',
  'INVALID_DATE',
  'INVALID_NUMBER',
  'INVALID_BOOLEAN',
  'INVALID_VALUE',
  'TOO_LONG',
  // The catalog item (R9, R10) and the provider's permission.
  'ITEM_NOT_PUBLISHED',
  'ITEM_HAS_NO_DISCLOSURE_ATTRIBUTE',
  'PROVIDER_NOT_PERMITTED',
  // Subject identity (R39–R43).
  'SUBJECT_CODE_MISSING',
  'INVALID_USCC',
  'INVALID_ID_NUMBER',
  'INVALID_DOCUMENT_NUMBER',
  'SUBJECT_TYPE_NOT_IN_ITEM',
  'NO_FULL_CIVIL_CAPACITY',
  'CAPACITY_ATTESTATION_REQUIRED',
  // Personal data (R21–R23).
  'FORBIDDEN_DATA',
  'CONSENT_REQUIRED',
  'NO_LAWFUL_BASIS',
  // Exclusions and documents (R24–R28, R30–R32).
  'EXCLUDED_SIMPLE_PROCEDURE',
  'EXCLUDED_MINOR',
  'NOT_FINAL_DOCUMENT',
  'MISSING_DOCUMENT_DATE',
  'MISSING_DETERMINATION',
  'MISSING_NOTICE',
  'NOTICE_AFTER_SUBMISSION',
  'REPAIR_RIGHTS_NOT_NOTIFIED',
  'MISSING_DEGREE',
  'MISSING_ACT_END',
  'AWARD_LEVEL_TOO_LOW',
  'EXCELLENT_GRADE_ORGANIZATIONS_ONLY',
  // Periods (R29, §2.E): the rejection codes of computeRecordPeriods, plus the declared-end check.
  'DISCLOSURE_PERIOD_UNDETERMINED',
  'PERIOD_MISMATCH',
  'PERIOD_REJECTED',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export interface RowReturn {
  /** The item's field code at fault (CF_XDR_SHXYM), or null when the row as a whole is at fault. */
  field: string | null;
  reason: ReturnReason;
  /** Chinese, for the provider's operator; names the field by its title and says what to do. */
  message: string;
  /** The article the rule comes from (000 第十四条). */
  source?: string;
}

/** Marks a stored record carries for someone to look at; never a reason to return it. */
export type RecordFlag =
  /** R42 (WH, NT): a natural person keyed by a document other than the resident ID number. */
  | 'NON_STANDARD_IDENTIFIER'
  /** DESIGN Decision 3: a USCC failing GB 32100 that the registration authority's own feed already holds. */
  | 'USCC_CHECK_FAILED_REVIEW'
  /** R34/R35: a correction or revocation that arrived after the profile's working-day deadline. */
  | 'LATE';

export interface RowDataClasses {
  /** Forbidden classes carried with a non-empty value, with the column that carried each (R21). */
  forbidden: ReadonlyArray<{ dataClass: DataClass; column: string }>;
  /** Consent-gated classes carried with a non-empty value (R22, R23). */
  consentGated: ReadonlyArray<{ dataClass: DataClass; column: string }>;
}

export interface ValidationContext {
  profile: PolicyProfile;
  /** The day the platform received the row: the submission and collection date of R22, R27, R34. */
  receivedOn: LocalDate;
  /** The published version the row was submitted under; null when the item has no published version (R10). */
  item: CatalogItemDefinition;
  itemPublished: boolean;
  /** The provider may submit this item (its duties). */
  providerPermitted: boolean;
  calendar: WorkingDayCalendar;
  /** DESIGN Decision 3: the subject is already in the registry from the registration authority's own feed. */
  subjectKnownFromRegistration: (code: string) => boolean;
  /** R41: the credit code a linked identity document resolves to, if any. */
  linkedCreditCode: (kind: CodeKind, number: string) => string | null;
  /** R45 → R48: the lifecycle dates the registry holds for a subject (termination, death). */
  subjectLifecycle?: (code: string) => { terminatedOn: LocalDate | null; diedOn: LocalDate | null };
}

export interface ValidatedSubject {
  /** The key the record is filed under: USCC, resident ID number, or (R42) the provisional document number. */
  code: string;
  codeKind: CodeKind;
  naturalPerson: boolean;
  /** The document the row named when it was filed under a linked credit code (R41). */
  viaDocument: { kind: CodeKind; number: string } | null;
  /** R42: keyed by a document other than a resident ID number. */
  provisional: boolean;
}

export interface RecordValidation {
  returns: RowReturn[];
  /** Present when the subject could be identified, even if the row is returned for another reason. */
  subject: ValidatedSubject | null;
  /** Present when the row is accepted. */
  periods: RecordPeriods | null;
  flags: RecordFlag[];
  /** R34/R35: when a correction was due and how many working days late it is (0 when on time). */
  correction: { dueOn: LocalDate; workingDaysLate: number } | null;
}

/** The pure rule every door applies to every row; implemented in validate-record.ts. */
export type ValidateRecord = (
  facts: RecordFacts,
  dataClasses: RowDataClasses,
  context: ValidationContext,
) => RecordValidation;
