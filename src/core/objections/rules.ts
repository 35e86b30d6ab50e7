import type { ProfileId } from '../policy/profile-id.ts';
import type { DisclosureParameters, ObjectionParameters } from '../policy/types.ts';
import { compareDates, type LocalDate } from '../time/local-date.ts';
import type { WorkingDayCalendar } from '../time/working-day-calendar.ts';

/*
 * An objection case's rules per profile (spec §2.M, §3.7): which applications are admissible, whether the
 * center forwards to the provider, every step's due date, and when a late provider suspends the record.
 * Pure: the caller passes the calendar, the profile version's parameters and the dates.
 */

export const OBJECTION_GROUNDS = [
  'ERROR_OR_OMISSION',
  'RIGHTS_INFRINGEMENT',
  'FORBIDDEN_DATA_COLLECTED',
  'USED_BEYOND_PERIOD',
] as const;
export type ObjectionGround = (typeof OBJECTION_GROUNDS)[number];

export function isObjectionGround(value: string): value is ObjectionGround {
  return (OBJECTION_GROUNDS as readonly string[]).includes(value);
}

/** Why an application is not accepted (R121). */
export type NotAcceptedCode = 'GROUND_NOT_ADMISSIBLE' | 'EVIDENCE_REQUIRED';

export const NOT_ACCEPTED_REASONS: Readonly<Record<NotAcceptedCode, { zh: string; en: string }>> = {
  GROUND_NOT_ADMISSIBLE: {
    zh: '异议申请未载明本地规定的异议事由',
    en: 'The application names no ground the city admits',
  },
  EVIDENCE_REQUIRED: {
    zh: '提出异议申请须提供相关证明材料',
    en: 'An objection must come with supporting evidence',
  },
};

/**
 * R121: the ground must be one the profile admits (000 第二十六条; 003 第二十八条 ¶1; 004 第三十一条), and
 * NT wants supporting evidence with every application (004 第三十一条 并提供相关证明材料).
 */
export function admissibility(
  params: ObjectionParameters,
  application: { ground: ObjectionGround; evidence: string | null },
): NotAcceptedCode | null {
  if (!params.grounds.value.includes(application.ground)) return 'GROUND_NOT_ADMISSIBLE';
  const evidence = application.evidence?.trim() ?? '';
  if (params.evidenceRequired.value && evidence === '') return 'EVIDENCE_REQUIRED';
  return null;
}

/** The platform data comparison's result (R123, R127). */
export type ComparisonResult = 'CONSISTENT' | 'INCONSISTENT';

/**
 * Whether the center forwards the objection to the provider after its comparison (A-44,
 * `objection.forward_rule`): XM always (000 第二十七条 ¶1), WH only when the platform matches the source
 * (003 第二十九条 ¶1). Where the profile is silent (NT), the receiving body forwards when it needs the
 * provider's verification (004 第三十二条 ¶2): `null` means the center decides.
 */
export function forwardRequired(
  params: ObjectionParameters,
  comparison: ComparisonResult | null,
): boolean | null {
  switch (params.forwardRule.value) {
    case 'ALWAYS':
      return true;
    case 'IF_CONSISTENT':
      return comparison === 'CONSISTENT';
    case 'IF_INCONSISTENT':
      return comparison === 'INCONSISTENT';
    case null:
      return null;
  }
}

/**
 * Whether the center may close a case without a provider result. Never where it always forwards: in XM the
 * provider is the party responsible for the objection (000 第二十七条 ¶2). In WH, once the comparison is
 * recorded: a case whose platform data differ from the source stays with the center (003 第二十九条 ¶1, R127).
 * In NT, with no comparison step, the receiving body may decide alone (004 第三十二条 ¶2).
 */
export function closableWithoutVerification(
  params: ObjectionParameters,
  comparisonRecorded: boolean,
): boolean {
  if (params.forwardRule.value === 'ALWAYS') return false;
  return params.centerComparisonWorkingDays.value === null || comparisonRecorded;
}

/** The deadline-bound steps of a case (R6). */
export const OBJECTION_STEPS = [
  // XM: the center's platform data comparison (R123); WH: the center's own-scope handling (R127)
  'COMPARISON',
  // WH: the center's 7-WD target when other units help, a warning only (R128, A-45)
  'SLA_TARGET',
  // NT: the receiving body's review (R132)
  'REVIEW',
  // The provider's verification (R124, R128, R132)
  'PROVIDER_VERIFICATION',
  // The center applies the provider's result and notifies the applicant (R125, R128)
  'CENTER_FINAL',
] as const;
export type ObjectionStep = (typeof OBJECTION_STEPS)[number];

export interface StepDeadline {
  step: ObjectionStep;
  startOn: LocalDate;
  dueOn: LocalDate;
}

function step(
  calendar: WorkingDayCalendar,
  name: ObjectionStep,
  startOn: LocalDate,
  workingDays: number | null,
): StepDeadline[] {
  return workingDays === null
    ? []
    : [{ step: name, startOn, dueOn: calendar.addWorkdays(startOn, workingDays) }];
}

/**
 * The steps that start when the center accepts a case. XM's comparison runs from acceptance (000 第二十七条 ¶1);
 * WH's own-scope handling and 7-WD target from receipt (003 第二十八条 ¶2); NT's review from receipt
 * (004 第三十二条 ¶1).
 */
export function stepsOnAcceptance(
  calendar: WorkingDayCalendar,
  params: ObjectionParameters,
  dates: { receivedOn: LocalDate; acceptedOn: LocalDate },
): StepDeadline[] {
  // XM counts the comparison from acceptance (000 第二十七条 ¶1 自受理之日起); WH, the profile whose comparison
  // decides whether to forward at all, from receipt (003 第二十八条 ¶2 自收到之日起).
  const comparisonStart = params.forwardRule.value === 'ALWAYS' ? dates.acceptedOn : dates.receivedOn;
  return [
    ...step(calendar, 'COMPARISON', comparisonStart, params.centerComparisonWorkingDays.value),
    ...step(calendar, 'SLA_TARGET', dates.receivedOn, params.centerAssistedTargetWorkingDays.value),
    ...step(calendar, 'REVIEW', dates.receivedOn, params.reviewWorkingDays.value),
  ];
}

/** The provider's verification, from its receipt of the forwarded objection (R124, R128, R132). */
export function providerStep(
  calendar: WorkingDayCalendar,
  params: ObjectionParameters,
  forwardedOn: LocalDate,
): StepDeadline {
  return {
    step: 'PROVIDER_VERIFICATION',
    startOn: forwardedOn,
    dueOn: calendar.addWorkdays(forwardedOn, params.providerVerificationWorkingDays.value),
  };
}

/**
 * The center's last step, from the provider's result (000 第二十七条 ¶2; 003 第二十九条 ¶2, A-45). NT has no
 * such step: its receiving body closes within the review window (004 第三十二条).
 */
export function centerFinalStep(
  calendar: WorkingDayCalendar,
  params: ObjectionParameters,
  resultOn: LocalDate,
): StepDeadline | null {
  return step(calendar, 'CENTER_FINAL', resultOn, params.centerFinalWorkingDays.value)[0] ?? null;
}

/**
 * Whether a provider's verification is late on `today` and so suspends the record (R68, R126, R129): XM hides
 * the record from every channel, WH from society (Table F-2 decides the audience), NT never suspends (R133,
 * Late means: no result by the due date, from 00:00 of the next day (spec C2), or a result that came
 * after it — the suspension lasts until the center has processed the late result and closed the case.
 */
export function suspendedByLateVerification(
  disclosure: Pick<DisclosureParameters, 'suspensionOnOverdueVerification'>,
  verification: { dueOn: LocalDate; answeredOn: LocalDate | null },
  today: LocalDate,
): boolean {
  if (disclosure.suspensionOnOverdueVerification.value === 'NONE') return false;
  return compareDates(verification.answeredOn ?? today, verification.dueOn) > 0;
}

const CITY_PREFIX: Readonly<Record<ProfileId, string>> = { xiamen: 'XM', weihai: 'WH', nantong: 'NT' };

/** A case's number, as the applicant and the audit log name it (e.g. OBJ-NT-15; spec R135). */
export function objectionCaseNumber(profileId: ProfileId, caseId: number): string {
  return `OBJ-${CITY_PREFIX[profileId]}-${caseId}`;
}

/** The case id a case number names, or null when it names none of this city's cases. */
export function parseObjectionCaseNumber(profileId: ProfileId, caseNumber: string): number | null {
  const match = /^OBJ-([A-Z]{2})-(\d{1,15})$/.exec(caseNumber.trim().toUpperCase());
  if (!match || match[1] !== CITY_PREFIX[profileId]) return null;
  return Number(match[2]);
}
