import { addDays, isAfter, isBefore, type LocalDate } from '../time/local-date.ts';
import {
  addPeriod,
  firstDayAfterElapsed,
  formatPeriod,
  lastDayOfPeriod,
  type Period,
  type PeriodConvention,
} from '../time/period.ts';
import { type Cited, cite } from './cited.ts';
import { type LayerRuling, mergeWithNationalBaseline } from './national-layer.ts';
import type { ProfileId } from './profile-id.ts';
import { NATIONAL_BASELINE_VERSIONS } from './profiles/national.ts';
import { nationalBaselineOn, type ProfileLapse, versionInForce } from './resolver.ts';
import type {
  CategoryCode,
  DisclosureStart,
  ExpiryState,
  LegalBasisType,
  ListType,
  NationalBaselineVersion,
  PolicyParameters,
  PolicyProfile,
  Severity,
} from './types.ts';

/** A hypothetical or real record, as far as its periods depend on it (spec §2.E). */
export interface RecordPeriodInput {
  category: CategoryCode;
  severity?: Severity;
  list?: ListType;
  /** The document issue date (XM), determination date (NT), listing date, or a warning's publication date. */
  decidedOn: LocalDate;
  /** WH: the date the dishonest act or event ended; absent while it is ongoing (R52). */
  actEndedOn?: LocalDate;
  /** Only needed when a profile counts a period from publication (A-15 alternative). */
  publishedOn?: LocalDate;
  /** Defaults to `decidedOn`; selects the profile version (R3) and the state on arrival (R54). */
  acceptedOn?: LocalDate;
  /** The catalog item's own period: WH data-list period P, NT 使用期限, per-item basic/good periods. */
  itemPeriod?: Period;
  /** The legal basis of the item period, needed when it exceeds the profile's cap (R53). */
  itemPeriodBasis?: LegalBasisType;
  /** A per-record period under "法律法规规章另有规定" (R57). */
  override?: { period: Period; basisType: LegalBasisType };
  /** NT: the date the act was corrected; starts the clean period before a repair (R117). */
  correctedOn?: LocalDate;
  /** XM good information: the validity end stated on it (R49). */
  validUntil?: LocalDate;
  /** XM good information without a stated validity: the date it was cancelled (R49). */
  cancelledOn?: LocalDate;
  /** XM basic information: organization termination date (R48). */
  subjectTerminatedOn?: LocalDate;
  /** XM basic information: natural person's date of death (R48). */
  subjectDiedOn?: LocalDate;
  /** NT catalog 保存期限, counted from the end of validity (R59). */
  retentionPeriod?: Period;
}

export type PeriodRejectionCode =
  | 'ACCEPTED_BEFORE_DECIDED'
  | 'CATEGORY_NOT_IN_PROFILE'
  | 'LIST_TYPE_NOT_IN_PROFILE'
  | 'LIST_CATEGORY_MISMATCH'
  | 'SEVERITY_NOT_IN_PROFILE'
  | 'DISCLOSURE_PERIOD_UNDETERMINED'
  | 'MISSING_ITEM_PERIOD'
  | 'MISSING_PUBLICATION_DATE'
  | 'PERIOD_EXCEEDS_CAP'
  | 'OVERRIDE_BASIS_NOT_ACCEPTED'
  | 'OVERRIDE_NOT_APPLICABLE';

export interface PeriodRejection {
  code: PeriodRejectionCode;
  /** The input field at fault. */
  field: keyof RecordPeriodInput;
  /** RECORD_RETURNED: no periods can be computed. VALUE_IGNORED: the field is ignored and the rule applies. */
  effect: 'RECORD_RETURNED' | 'VALUE_IGNORED';
  message: string;
}

/** The state of a record, as far as its periods decide it. NOT_PUBLISHED: 轻微失信 under the national layer. */
export type PeriodState = 'ACTIVE' | ExpiryState | 'RECORD_PERIOD_ENDED' | 'NOT_PUBLISHED';

/** Why `repairEligibleFrom` is null. */
export type RepairNote =
  | 'NOT_DISHONEST'
  | 'NO_REPAIR_RULE'
  | 'DEPENDS_ON_CORRECTION_DATE'
  | 'NOT_ELIGIBLE_BEFORE_EXPIRY'
  | 'NOT_PUBLISHED';

/** The periods of one record under a profile; dates are ISO strings, null where none applies. */
export interface RecordPeriods {
  profileId: ProfileId;
  profileVersion: string;
  /** Set when no loaded version was in force on the acceptance date; the last one was applied (R2). */
  profileLapse: ProfileLapse | null;
  nationalBaseline: string | null;
  acceptedOn: string;
  recordStart: string | null;
  disclosureStart: string | null;
  /** The last day the record is disclosed (or, for basic and good information, queryable). */
  disclosureLastDay: string | null;
  /** True while the record is disclosed with no end yet: an ongoing act (R52) or a list entry until revoked. */
  openEnded: boolean;
  /** The day the record leaves every query: disclosureLastDay + 1, from 00:00 (C3, R60). */
  expiresOn: string | null;
  expiryState: ExpiryState | 'RECORD_PERIOD_ENDED' | null;
  /** The last day the record is kept before disposal review or purge; null: kept without end. */
  recordPeriodEnd: string | null;
  /** NT: the day the record joins the disposal-review list (R59). */
  disposalReviewFrom: string | null;
  /** The first day a repair may be requested (§2.L, with the national layer). */
  repairEligibleFrom: string | null;
  repairNote: RepairNote | null;
  /** The state the record takes when it is accepted (R54: WH records expired on arrival). */
  stateOnAcceptance: PeriodState | null;
  rejections: PeriodRejection[];
  /** Output field → the provision it comes from. */
  citations: Record<string, string>;
}

const DISHONEST_LISTS: readonly ListType[] = ['joint_punishment', 'key_attention', 'credit_warning', 'black'];
const GOOD_LISTS: readonly ListType[] = ['joint_incentive', 'red'];
/** list entries that take the list repair wait. */
const LISTS_WITH_LIST_WAIT: readonly ListType[] = ['joint_punishment', 'key_attention'];

interface Evaluation {
  input: RecordPeriodInput;
  params: PolicyParameters;
  convention: PeriodConvention;
  acceptedOn: LocalDate;
  national: NationalBaselineVersion | null;
  rejections: PeriodRejection[];
}

interface Outcome {
  disclosureStart: Cited<LocalDate | null>;
  ruling: LayerRuling;
  expiryState: Cited<ExpiryState | 'RECORD_PERIOD_ENDED'>;
  openEnded: boolean;
  repairNote: RepairNote | null;
}

/**
 * The periods of a record under `profile` (spec §2.E), using the profile version and the national baseline in
 * force on the acceptance date (R3, A-4). Pure: everything it needs is in its arguments.
 */
export function computeRecordPeriods(
  profile: PolicyProfile,
  input: RecordPeriodInput,
  nationalVersions: readonly NationalBaselineVersion[] = NATIONAL_BASELINE_VERSIONS,
): RecordPeriods {
  const acceptedOn = input.acceptedOn ?? input.decidedOn;
  const { version, lapse } = versionInForce(profile, acceptedOn);
  const params = version.parameters;
  const evaluation: Evaluation = {
    input,
    params,
    convention: params.periods.convention.value,
    acceptedOn,
    national: nationalBaselineOn(acceptedOn, nationalVersions),
    rejections: [],
  };
  checkInput(evaluation);
  const outcome = returned(evaluation)
    ? null
    : input.category === 'dishonest'
      ? dishonestOutcome(evaluation)
      : recordPeriodOutcome(evaluation);
  const base = {
    profileId: profile.id,
    profileVersion: version.versionId,
    profileLapse: lapse,
    nationalBaseline: evaluation.national?.versionId ?? null,
    acceptedOn: acceptedOn.toString(),
    rejections: evaluation.rejections,
  };
  if (outcome === null || returned(evaluation)) return { ...base, ...NO_PERIODS };
  return { ...base, ...finish(evaluation, outcome) };
}

/** The part of `RecordPeriods` that the rules compute. */
type RecordDates = Omit<
  RecordPeriods,
  'profileId' | 'profileVersion' | 'profileLapse' | 'nationalBaseline' | 'acceptedOn' | 'rejections'
>;

const NO_PERIODS: RecordDates = {
  recordStart: null,
  disclosureStart: null,
  disclosureLastDay: null,
  openEnded: false,
  expiresOn: null,
  expiryState: null,
  recordPeriodEnd: null,
  disposalReviewFrom: null,
  repairEligibleFrom: null,
  repairNote: null,
  stateOnAcceptance: null,
  citations: {},
};

function reject(
  evaluation: Evaluation,
  code: PeriodRejectionCode,
  field: keyof RecordPeriodInput,
  message: string,
  effect: PeriodRejection['effect'] = 'RECORD_RETURNED',
): void {
  evaluation.rejections.push({ code, field, effect, message });
}

function returned(evaluation: Evaluation): boolean {
  return evaluation.rejections.some((rejection) => rejection.effect === 'RECORD_RETURNED');
}

function checkInput(evaluation: Evaluation): void {
  const { input, params, acceptedOn } = evaluation;
  if (isBefore(acceptedOn, input.decidedOn)) {
    reject(
      evaluation,
      'ACCEPTED_BEFORE_DECIDED',
      'acceptedOn',
      `acceptance ${acceptedOn} precedes ${input.decidedOn}`,
    );
  }
  const categories = params.catalog.categories.value.map((category) => category.code);
  if (!categories.includes(input.category)) {
    reject(
      evaluation,
      'CATEGORY_NOT_IN_PROFILE',
      'category',
      `category "${input.category}" is not defined in this profile; accepted: ${categories.join(', ')}`,
    );
  }
  if (input.list !== undefined) checkList(evaluation, input.list);
  if (input.override !== undefined && input.category !== 'dishonest') {
    reject(
      evaluation,
      'OVERRIDE_NOT_APPLICABLE',
      'override',
      'a period override applies to dishonest information only',
      'VALUE_IGNORED',
    );
  }
}

function checkList(evaluation: Evaluation, list: ListType): void {
  const { input, params } = evaluation;
  if (params.periods.lists[list].value.kind === 'NOT_IN_PROFILE') {
    const defined = Object.entries(params.periods.lists)
      .filter(([, rule]) => rule.value.kind !== 'NOT_IN_PROFILE')
      .map(([name]) => name);
    reject(
      evaluation,
      'LIST_TYPE_NOT_IN_PROFILE',
      'list',
      `list type "${list}" is not defined in this profile; accepted: ${defined.join(', ') || 'none'}`,
    );
  }
  const expected: CategoryCode = DISHONEST_LISTS.includes(list) ? 'dishonest' : 'good';
  if (input.category !== expected) {
    reject(evaluation, 'LIST_CATEGORY_MISMATCH', 'list', `a ${list} entry belongs to category "${expected}"`);
  }
}

function startDate(rule: DisclosureStart, input: RecordPeriodInput): LocalDate | null | 'MISSING' {
  switch (rule) {
    case 'DOCUMENT_ISSUE_DATE':
    case 'DETERMINATION_DATE':
      return input.decidedOn;
    case 'ACT_END_DATE':
      return input.actEndedOn ?? null;
    case 'PUBLICATION_DATE':
      return input.publishedOn ?? 'MISSING';
  }
}

function lastDay(evaluation: Evaluation, start: LocalDate | null, period: Period | null): LocalDate | null {
  return start === null || period === null ? null : lastDayOfPeriod(start, period, evaluation.convention);
}

/** Dishonest information: disclosure period (R47, R50, R52, R56, R57) and repair (§2.L), then the national layer. */
function dishonestOutcome(evaluation: Evaluation): Outcome | null {
  const { input, params } = evaluation;
  const startRule = params.periods.dishonestStart;
  const start = startDate(startRule.value, input);
  if (start === 'MISSING') {
    reject(
      evaluation,
      'MISSING_PUBLICATION_DATE',
      'publishedOn',
      `the period counts from publication (${startRule.source})`,
    );
    return null;
  }
  const basePeriod = cityDisclosurePeriod(evaluation, start ?? input.decidedOn);
  if (basePeriod === null) return null;
  const { period, overrideBasis } = applyOverride(evaluation, basePeriod);
  const repair = cityRepair(evaluation, start);
  const city: LayerRuling = {
    published: cite(true, startRule.source),
    disclosureLastDay: cite(lastDay(evaluation, start, period.value), period.source),
    repairEligibleFrom: repair.ruling,
  };
  const ruling = mergeWithNationalBaseline(city, nationalRuling(evaluation, overrideBasis));
  return {
    disclosureStart: cite(start, startRule.source),
    ruling,
    expiryState: params.periods.expiryState,
    openEnded: ruling.published.value && ruling.disclosureLastDay.value === null,
    repairNote: ruling.repairEligibleFrom.value === null ? repair.note : null,
  };
}

/** The city's period for a dishonest record before any override; null when the record is returned. */
function cityDisclosurePeriod(evaluation: Evaluation, capReference: LocalDate): Cited<Period | null> | null {
  const { input, params } = evaluation;
  if (input.list !== undefined) {
    const rule = params.periods.lists[input.list];
    if (rule.value.kind === 'FIXED') return cite(rule.value.period, rule.source);
    if (rule.value.kind === 'UNTIL_REVOKED') return cite(null, rule.source);
  }
  const { dishonestGeneral, dishonestSerious } = params.periods;
  if (dishonestGeneral.value === null && dishonestSerious.value === null)
    return itemPeriod(evaluation, capReference);
  const severity = citySeverity(evaluation);
  if (severity === null) return null;
  const rule = severity === 'serious' ? dishonestSerious : dishonestGeneral;
  return rule.value === null ? itemPeriod(evaluation, capReference) : rule;
}

/** The city's severity class; a national 轻微 record is in the city's general class (DESIGN Decision 1). */
function citySeverity(evaluation: Evaluation): 'general' | 'serious' | null {
  const { input, params } = evaluation;
  const classes = params.collection.severityClasses;
  if (input.severity === undefined) {
    reject(
      evaluation,
      'DISCLOSURE_PERIOD_UNDETERMINED',
      'severity',
      `a dishonest record needs a severity (${classes.value.join(' | ')}) or a list type (${classes.source})`,
    );
    return null;
  }
  if (input.severity === 'minor') {
    if (evaluation.national !== null) return 'general';
    reject(
      evaluation,
      'SEVERITY_NOT_IN_PROFILE',
      'severity',
      `severity "minor" exists only under the national baseline (from 2026-04-01); this profile has ${classes.value.join(', ')} (${classes.source})`,
    );
    return null;
  }
  return input.severity;
}

/** The data-list item period P, which may not exceed the cap without a qualifying basis (R53). */
function itemPeriod(evaluation: Evaluation, capReference: LocalDate): Cited<Period> | null {
  const { input, params } = evaluation;
  const { dishonestCap, overrideAuthorities, dishonestGeneral } = params.periods;
  if (input.itemPeriod === undefined) {
    reject(
      evaluation,
      'MISSING_ITEM_PERIOD',
      'itemPeriod',
      `this profile takes the period from the catalog item (${dishonestGeneral.source})`,
    );
    return null;
  }
  const cap = dishonestCap.value;
  const basisQualifies =
    input.itemPeriodBasis !== undefined && overrideAuthorities.value.includes(input.itemPeriodBasis);
  if (cap !== null && exceeds(input.itemPeriod, cap, capReference) && !basisQualifies) {
    reject(
      evaluation,
      'PERIOD_EXCEEDS_CAP',
      'itemPeriod',
      `${formatPeriod(input.itemPeriod)} exceeds the cap of ${formatPeriod(cap)} (${dishonestCap.source}); a longer period needs a basis of type ${overrideAuthorities.value.join(' or ')}`,
    );
    return null;
  }
  return cite(input.itemPeriod, `catalog item period; ${dishonestGeneral.source}`);
}

function exceeds(period: Period, cap: Period, reference: LocalDate): boolean {
  return isAfter(addPeriod(reference, period), addPeriod(reference, cap));
}

/** R57: an override replaces the period only when its basis type is one the profile accepts. */
function applyOverride(
  evaluation: Evaluation,
  base: Cited<Period | null>,
): { period: Cited<Period | null>; overrideBasis: LegalBasisType | null } {
  const { override } = evaluation.input;
  if (override === undefined) return { period: base, overrideBasis: null };
  const authorities = evaluation.params.periods.overrideAuthorities;
  if (!authorities.value.includes(override.basisType)) {
    reject(
      evaluation,
      'OVERRIDE_BASIS_NOT_ACCEPTED',
      'override',
      `an override needs a basis of type ${authorities.value.join(', ')} (${authorities.source}); ${override.basisType} is not one, so the profile's period applies`,
      'VALUE_IGNORED',
    );
    return { period: base, overrideBasis: null };
  }
  return {
    period: cite(override.period, `override on a ${override.basisType} basis; ${authorities.source}`),
    overrideBasis: override.basisType,
  };
}

/** The first day the city's own rule lets a repair be requested (R111, R116, R117). */
function cityRepair(
  evaluation: Evaluation,
  start: LocalDate | null,
): { ruling: Cited<LocalDate | null>; note: RepairNote | null } {
  const { input, params, convention, acceptedOn } = evaluation;
  const repair = params.repair;
  switch (repair.eligibility.value) {
    case 'AFTER_WAIT': {
      const wait = repairWait(evaluation);
      if (wait === null || wait.value === null) {
        return { ruling: cite(null, wait?.source ?? repair.eligibility.source), note: 'NO_REPAIR_RULE' };
      }
      const from = start === null ? null : firstDayAfterElapsed(start, wait.value, convention);
      return { ruling: cite(from, wait.source), note: from === null ? 'NO_REPAIR_RULE' : null };
    }
    case 'ANY_TIME_WHILE_DISCLOSED':
      return { ruling: cite(acceptedOn, repair.eligibility.source), note: null };
    case 'AFTER_CLEAN_PERIOD': {
      if (input.correctedOn === undefined) {
        return { ruling: cite(null, repair.cleanPeriod.source), note: 'DEPENDS_ON_CORRECTION_DATE' };
      }
      const clean = repair.cleanPeriod.value;
      if (clean === null || repair.cleanPeriodMode.value === 'NO_RECURRENCE_SO_FAR') {
        return { ruling: cite(input.correctedOn, repair.cleanPeriodMode.source), note: null };
      }
      return {
        ruling: cite(firstDayAfterElapsed(input.correctedOn, clean, convention), repair.cleanPeriod.source),
        note: null,
      };
    }
  }
}

function repairWait(evaluation: Evaluation): Cited<Period | null> | null {
  const { input, params } = evaluation;
  const { listWait, waitGeneral, waitSerious } = params.repair;
  if (input.list !== undefined && LISTS_WITH_LIST_WAIT.includes(input.list)) return listWait;
  if (input.list === 'credit_warning') return null;
  return input.severity === 'serious' ? waitSerious : waitGeneral;
}

/** What the national baseline says about this record; null where it says nothing. */
function nationalRuling(
  evaluation: Evaluation,
  overrideBasis: LegalBasisType | null,
): Partial<LayerRuling> | null {
  const { national, input, convention } = evaluation;
  if (national === null) return null;
  const { tiers, listTiers, publicityStart, capExemptBasisTypes } = national.parameters;
  const tier = input.list !== undefined ? listTiers.value[input.list] : input.severity;
  if (tier === undefined) return null;
  const rule = tiers[tier];
  const start = startDate(publicityStart.value, input);
  if (start === null || start === 'MISSING') return { published: rule.publishedByDefault };
  const minimum = rule.minimumPublicity;
  const repairEligibleFrom = cite(
    minimum.value === null ? start : firstDayAfterElapsed(start, minimum.value, convention),
    minimum.source,
  );
  const capExempt = overrideBasis !== null && capExemptBasisTypes.value.includes(overrideBasis);
  if (capExempt) return { published: rule.publishedByDefault, repairEligibleFrom };
  return {
    published: rule.publishedByDefault,
    disclosureLastDay: cite(
      lastDayOfPeriod(start, rule.maximumPublicity.value, convention),
      rule.maximumPublicity.source,
    ),
    repairEligibleFrom,
  };
}

/** Basic, good and other information: the record period (R48, R49) or the catalog item's period. */
function recordPeriodOutcome(evaluation: Evaluation): Outcome | null {
  const { input, params } = evaluation;
  const end = recordPeriodEnd(evaluation);
  if (end === null) return null;
  return {
    disclosureStart: cite(input.decidedOn, params.periods.recordStart.source),
    ruling: {
      published: cite(true, params.periods.recordStart.source),
      disclosureLastDay: end,
      repairEligibleFrom: cite(null, params.repair.eligibility.source),
    },
    expiryState: cite('RECORD_PERIOD_ENDED', end.source),
    openEnded: end.value === null,
    repairNote: 'NOT_DISHONEST',
  };
}

function recordPeriodEnd(evaluation: Evaluation): Cited<LocalDate | null> | null {
  const { input, params, convention } = evaluation;
  if (input.list !== undefined && GOOD_LISTS.includes(input.list)) {
    const rule = params.periods.lists[input.list];
    if (rule.value.kind === 'FIXED')
      return cite(lastDay(evaluation, input.decidedOn, rule.value.period), rule.source);
    return cite(null, rule.source);
  }
  // NT 其他信息 follows its catalog 使用期限 like basic information (004 第八条).
  const rule = input.category === 'good' ? params.periods.goodRecordPeriod : params.periods.basicRecordPeriod;
  switch (rule.value.kind) {
    case 'SUBJECT_LIFECYCLE': {
      if (input.subjectTerminatedOn !== undefined) {
        return cite(
          lastDayOfPeriod(input.subjectTerminatedOn, rule.value.afterTermination, convention),
          rule.source,
        );
      }
      return cite(input.subjectDiedOn ?? null, rule.source);
    }
    case 'STATED_VALIDITY_OR_UNTIL_CANCELLED':
      return cite(input.validUntil ?? input.cancelledOn ?? null, rule.source);
    case 'PER_ITEM': {
      if (input.itemPeriod === undefined) {
        reject(
          evaluation,
          'MISSING_ITEM_PERIOD',
          'itemPeriod',
          `this profile takes the period from the catalog item (${rule.source})`,
        );
        return null;
      }
      return cite(
        lastDay(evaluation, input.decidedOn, input.itemPeriod),
        `catalog item period; ${rule.source}`,
      );
    }
  }
}

function finish(evaluation: Evaluation, outcome: Outcome): RecordDates {
  const { input, params, acceptedOn, convention } = evaluation;
  const { ruling } = outcome;
  const published = ruling.published.value;
  const last = published ? ruling.disclosureLastDay.value : null;
  let repairFrom = published ? ruling.repairEligibleFrom.value : null;
  let repairNote = published ? outcome.repairNote : 'NOT_PUBLISHED';
  if (repairFrom !== null && isBefore(repairFrom, acceptedOn)) repairFrom = acceptedOn;
  if (repairFrom !== null && last !== null && isAfter(repairFrom, last)) {
    repairFrom = null;
    repairNote = 'NOT_ELIGIBLE_BEFORE_EXPIRY';
  }
  const retention = input.retentionPeriod;
  const endsWithRecordPeriod = outcome.expiryState.value === 'RECORD_PERIOD_ENDED';
  // Dishonest records stay archived without end unless purged or given a retention period.
  const keptUntil = endsWithRecordPeriod || params.periods.expiryPurge.value ? last : null;
  const recordEnd =
    retention !== undefined && last !== null ? lastDayOfPeriod(last, retention, convention) : keptUntil;
  const state: PeriodState = !published
    ? 'NOT_PUBLISHED'
    : last !== null && isBefore(last, acceptedOn)
      ? outcome.expiryState.value
      : 'ACTIVE';
  const citations: Record<string, string> = {
    convention: params.periods.convention.source,
    recordStart: params.periods.recordStart.source,
    disclosureStart: outcome.disclosureStart.source,
    disclosureLastDay: published ? ruling.disclosureLastDay.source : ruling.published.source,
    expiryState: outcome.expiryState.source,
    repairEligibleFrom: published ? ruling.repairEligibleFrom.source : ruling.published.source,
  };
  citations.recordPeriodEnd =
    retention !== undefined
      ? `catalog retention period; ${params.periods.expiryPurge.source}`
      : endsWithRecordPeriod
        ? ruling.disclosureLastDay.source
        : params.periods.expiryPurge.source;
  return {
    recordStart: input.decidedOn.toString(),
    disclosureStart: published ? iso(outcome.disclosureStart.value) : null,
    disclosureLastDay: iso(last),
    openEnded: outcome.openEnded,
    expiresOn: iso(last === null ? null : addDays(last, 1)),
    expiryState: published ? outcome.expiryState.value : null,
    recordPeriodEnd: iso(recordEnd),
    disposalReviewFrom: iso(retention !== undefined && recordEnd !== null ? addDays(recordEnd, 1) : null),
    repairEligibleFrom: iso(repairFrom),
    repairNote: repairFrom === null ? repairNote : null,
    stateOnAcceptance: state,
    citations,
  };
}

function iso(date: LocalDate | null): string | null {
  return date === null ? null : date.toString();
}
