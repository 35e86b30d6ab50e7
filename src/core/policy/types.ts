import type { LocalDate } from '../time/local-date.ts';
import type { Period, PeriodConvention } from '../time/period.ts';
import type { Cited } from './cited.ts';
import type { ProfileId } from './profile-id.ts';

/*
 * The parameters of one city's policy profile, grouped as spec §3 groups them (3.1 … 3.11). Every leaf is a
 * `Cited` value, so the type system refuses a profile that leaves a parameter out and a value without a source.
 * A value of `null` means "the city's text has nothing here"; its source says whether that means "not
 * applicable" or "must be configured before go-live".
 */

/** One code name per information category; each city's own names map onto these (spec R8). */
export const CATEGORY_CODES = ['basic', 'good', 'dishonest', 'other'] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

/** 轻微 / 一般 / 严重失信. `minor` exists only in the national baseline (NDRC 令第36号). */
export const SEVERITIES = ['general', 'serious', 'minor'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const LIST_TYPES = [
  'joint_punishment',
  'key_attention',
  'credit_warning',
  'joint_incentive',
  'red',
  'black',
] as const;
export type ListType = (typeof LIST_TYPES)[number];

/** The kinds of legal basis an override, a waiver or a measure may cite (立法法 hierarchy, plus policy documents). */
export const LEGAL_BASIS_TYPES = [
  'LAW',
  'ADMINISTRATIVE_REGULATION',
  'LOCAL_REGULATION',
  'DEPARTMENT_RULE',
  'LOCAL_RULE',
  'CPC_STATE_COUNCIL_POLICY',
  'NATIONAL_PROVISION',
  'NORMATIVE_DOCUMENT',
] as const;
export type LegalBasisType = (typeof LEGAL_BASIS_TYPES)[number];

/** The date a disclosure period is counted from (spec; switch `period.dishonest.start`). */
export type DisclosureStart =
  | 'DOCUMENT_ISSUE_DATE'
  | 'DETERMINATION_DATE'
  | 'ACT_END_DATE'
  | 'PUBLICATION_DATE';

/** The state a dishonest record takes when its disclosure period ends (spec §1.8). */
export type ExpiryState = 'EXPIRED_ARCHIVED' | 'EXPIRED_REMOVED' | 'EXPIRED_UNPUBLISHED';

export type SubjectScope = 'NATURAL_PERSONS' | 'ALL' | 'NONE';
export type DataClass =
  | 'RELIGION'
  | 'GENES'
  | 'FINGERPRINT'
  | 'BLOOD_TYPE'
  | 'DISEASE'
  | 'MEDICAL_HISTORY'
  | 'INCOME'
  | 'DEPOSITS'
  | 'SECURITIES'
  | 'COMMERCIAL_INSURANCE'
  | 'REAL_ESTATE'
  | 'TAX_AMOUNT';
export type ProviderKind =
  | 'STATE_ORGAN'
  | 'ADMINISTRATIVE_ORGAN'
  | 'JUDICIAL_ORGAN'
  | 'AUTHORIZED_ORGANIZATION'
  | 'MASS_ORGANIZATION';
export type SubjectType = 'enterprise' | 'natural_person' | 'social_organization' | 'public_institution';
export type CatalogWorkflowStep =
  | 'DRAFT'
  | 'PUBLIC_CONSULTATION'
  | 'MUNICIPAL_GOVERNMENT_APPROVED'
  | 'PUBLISHED';
export type CollectionChannel =
  | 'SYSTEM_INTEGRATION'
  | 'FILE_REPORTING'
  | 'JUDICIAL_AND_STATIONED_UNITS'
  | 'EXCHANGE_PLATFORM'
  | 'DISTRICT_SUBSYSTEM'
  | 'PROVINCIAL_PUSH'
  | 'SAME_LEVEL_PUSH';
export type Office = 'CENTER' | 'PROVIDER';
/** 批准 (000 第二十一条 ¶2) or 协议 (004 第二十三条): what a party's batch access rests on. */
export type BatchAccessBasis = 'APPROVAL' | 'AGREEMENT';
/**
 * Who may pull batches: 信用服务机构; 征信机构 and 金融机构 (004 第二十三条); 政府部门（单位）, the information
 * user units that are state organs or bodies managing public affairs (004 第六条 ¶2, 第二十四条).
 */
export type BatchParty =
  | 'CREDIT_SERVICE_AGENCY'
  | 'CREDIT_REPORTING_AGENCY'
  | 'FINANCIAL_INSTITUTION'
  | 'GOVERNMENT_UNIT';
export type WorkingDays = number;
/** 长期保存 and 永久保存 both mean: never deleted automatically (spec C8, A-2). */
export type LogRetention = 'LONG_TERM' | 'PERMANENT';

export interface SourceDocument {
  code: string;
  title: string;
  number: string | null;
  dated: string | null;
  status: 'NORMATIVE' | 'EXPLANATORY' | 'DRAFT';
}

export interface CategoryDefinition {
  code: CategoryCode;
  /** The city's own names; the first is the one the UI shows. */
  names: readonly string[];
}

export interface NamedElement {
  code: string;
  zh: string;
}

/** How long a list entry is disclosed (spec §3.4 list rows, A-22). */
export type ListPeriodRule =
  | { kind: 'FIXED'; period: Period }
  | { kind: 'UNTIL_REVOKED' }
  | { kind: 'BY_SEVERITY' }
  | { kind: 'NOT_IN_PROFILE' };

/** §3.1 Scope, governance, identity. */
export interface ScopeParameters {
  sourceDocuments: Cited<readonly SourceDocument[]>;
  repealedPredecessor: Cited<string | null>;
  higherLevelBasis: Cited<readonly string[]>;
  principles: Cited<readonly string[]>;
  competentDepartments: Cited<readonly string[]>;
  interpretingBody: Cited<string | null>;
  workingBody: Cited<string>;
  providerKinds: Cited<readonly ProviderKind[]>;
  /** Organs or associations that may provide voluntarily under the same rules (R19). */
  voluntaryProviders: Cited<string | null>;
  /** `subject.require_full_civil_capacity`. */
  requireFullCivilCapacity: Cited<boolean>;
  /** reject under `rejectBelowAge`; require a provider attestation below `attestationBelowAge`. */
  capacityCheck: Cited<{ rejectBelowAge: number; attestationBelowAge: number } | null>;
  organizationKey: Cited<'USCC'>;
  naturalPersonKey: Cited<'RESIDENT_ID'>;
  /** 000 第六条: passports, residence permits … are linked to the credit code. */
  linkOtherIdentityDocuments: Cited<boolean>;
  /** what happens to a natural person keyed by another document. */
  nonStandardIdentifier: Cited<'LINK_TO_CREDIT_CODE' | 'FLAG_FOR_REVIEW'>;
  /** GB 32100 / GB 11643 check characters. */
  enforceCheckDigits: Cited<boolean>;
  publicPortals: Cited<readonly string[]>;
}

/** §3.2 Catalog. */
export interface CatalogParameters {
  name: Cited<string>;
  /** `catalog.elements`: what every item must state before it can be published (R7). */
  elements: Cited<readonly NamedElement[]>;
  compiledBy: Cited<string | null>;
  /** `catalog.workflow` (R10, A-58). */
  workflow: Cited<readonly CatalogWorkflowStep[]>;
  registeredInSharingCatalog: Cited<boolean>;
  /** One catalog per level (city, county/district) (R11). */
  perLevelCatalogs: Cited<boolean>;
  categories: Cited<readonly CategoryDefinition[]>;
  ownersBySubjectType: Cited<Readonly<Record<SubjectType, string>> | null>;
  /** The bases a specific-behaviour (特定行为) item must rest on (R13). */
  specificBehaviourBasisTypes: Cited<readonly LegalBasisType[] | null>;
}

/** §3.3 Collection and validation. */
export interface CollectionParameters {
  channels: Cited<readonly CollectionChannel[]>;
  /** `collection.forbidden_np`, without fingerprints, which `forbidFingerprint` governs. */
  forbiddenNaturalPersonData: Cited<readonly DataClass[]>;
  /** A-8 (`nt.forbid_fingerprint`): XM and WH name 指纹; NT forbids it through its catch-all by default. */
  forbidFingerprint: Cited<boolean>;
  /** A-11 (`wh.sensitive_lawful_basis_allowed`). */
  sensitiveLawfulBasisAllowed: Cited<boolean>;
  /** `collection.consent_gated_np` and what unlocks it (R22, R23, A-12). */
  consentGatedNaturalPersonData: Cited<{
    classes: readonly DataClass[];
    requirement: 'WRITTEN_CONSENT_AFTER_NOTICE' | 'LAW_OR_AGREEMENT';
  } | null>;
  tradeInPersonalInformationBanned: Cited<boolean>;
  /** `collection.exclude_simple_procedure` (R24, A-10; NT switch `nt.exclude_simple_procedure`). */
  simpleProcedureExcludedFor: Cited<SubjectScope>;
  simpleProcedureWaiverBasisTypes: Cited<readonly LegalBasisType[]>;
  /** `collection.exclude_minor_violation` (R25). */
  minorViolationExcludedFor: Cited<SubjectScope>;
  /** A-9 (`collection.minor_violation_logic`). */
  minorViolationLogic: Cited<'ANY' | 'MINOR_AND_ANY_OTHER' | null>;
  minorViolationWaiverBasisTypes: Cited<readonly LegalBasisType[]>;
  /** `collection.legal_document_required` (R26, A-14). */
  legalDocumentRequiredFor: Cited<'DISHONEST' | 'ALL'>;
  finalDocumentRequired: Cited<boolean>;
  priorWrittenNoticeRequired: Cited<boolean>;
  repairRightsNoticeRequired: Cited<boolean>;
  /** The city's own severity classes; `minor` comes only from the national baseline. */
  severityClasses: Cited<readonly ('general' | 'serious')[]>;
  awardLevelThreshold: Cited<'MUNICIPAL_OR_HIGHER' | 'COUNTY_OR_HIGHER' | 'ANY_LEVEL'>;
  excellentGradeSubjects: Cited<'ORGANIZATIONS_ONLY' | 'ALL' | null>;
  /** `collection.correction_wd`. */
  correctionWorkingDays: Cited<WorkingDays | null>;
  /**
   * Which changed records the correction deadline binds: XM every record a provider finds changed, lapsed or
   * wrong (000 第十二条 ¶2); WH only dishonest records whose legal document was revoked or changed (003 第三十一条).
   */
  correctionDeadlineCovers: Cited<'ALL_RECORDS' | 'DISHONEST_RECORDS' | null>;
  derivedRecordsForResponsiblePersons: Cited<boolean>;
  centerMayAuthorRecords: Cited<boolean>;
  selfDeclared: Cited<'WITH_PUBLIC_COMMITMENT' | 'SUBJECT_RESPONSIBLE' | 'COMMITMENTS_AS_OTHER_INFORMATION'>;
  naturalPersonBasicFields: Cited<readonly string[]>;
  /** A-63 (`provider.maker_checker`). */
  providerMakerChecker: Cited<'MANDATORY' | 'OPTIONAL'>;
}

/** §3.4 Record and disclosure periods. */
export interface PeriodParameters {
  /** 公示期限 / 披露期限 / 有效期. */
  termZh: Cited<string>;
  /** A-1 (`period.convention`). */
  convention: Cited<PeriodConvention>;
  /** `period.record_start`. */
  recordStart: Cited<'DOCUMENT_ISSUE_DATE'>;
  /** `period.dishonest.start`. */
  dishonestStart: Cited<DisclosureStart>;
  /** `period.dishonest.general`; null: each data-list item states its own period P. */
  dishonestGeneral: Cited<Period | null>;
  /** `period.dishonest.serious`; null: each data-list item states its own period P. */
  dishonestSerious: Cited<Period | null>;
  /** `period.dishonest.cap`; longer periods need a basis in `overrideAuthorities` (R53). */
  dishonestCap: Cited<Period | null>;
  /** `period.override_authorities` (R57). */
  overrideAuthorities: Cited<readonly LegalBasisType[]>;
  lists: {
    joint_punishment: Cited<ListPeriodRule>;
    key_attention: Cited<ListPeriodRule>;
    credit_warning: Cited<ListPeriodRule>;
    /** XM switch `xm.incentive_list_period`. */
    joint_incentive: Cited<ListPeriodRule>;
    red: Cited<ListPeriodRule>;
    black: Cited<ListPeriodRule>;
  };
  /** Basic-information record period (R48): subject lifecycle, or the item's own period. */
  basicRecordPeriod: Cited<{ kind: 'SUBJECT_LIFECYCLE'; afterTermination: Period } | { kind: 'PER_ITEM' }>;
  /** Good-information record period (R49). */
  goodRecordPeriod: Cited<{ kind: 'STATED_VALIDITY_OR_UNTIL_CANCELLED' } | { kind: 'PER_ITEM' }>;
  /** `expiry.action`, as the state the record takes. */
  expiryState: Cited<ExpiryState>;
  /** A-18 (`wh.expiry_purge`): purge content at expiry, leaving a content-free stub. */
  expiryPurge: Cited<boolean>;
}

/** §3.5 Disclosure and visibility. */
export interface DisclosureParameters {
  attributeNames: Cited<{ public: string; authorized: string; government: string }>;
  governmentSharingDefinition: Cited<string>;
  /** `disclosure.np_public_allowed` (R64; WH needs a national-exception flag, A-57). */
  naturalPersonPublicAllowed: Cited<boolean>;
  providerRepublication: Cited<'OWN_PUBLIC_RECORDS' | 'OWN_PRODUCED_ONLY' | null>;
  /** A-23 (`visibility.self_sees_gov_shared`). */
  selfSeesGovShared: Cited<boolean>;
  /** A-23 (`visibility.third_party_sees_gov_shared`). */
  thirdPartySeesGovShared: Cited<boolean>;
  /** A-34 (`visibility.self_sees_inactive`). */
  selfSeesInactive: Cited<boolean>;
  objectionMarker: Cited<'DURING_PROCESSING' | 'DURING_AND_WHILE_DISPUTED' | 'DURING_PROCESSING_NO_EFFECT'>;
  /** Who stops seeing a record whose provider missed its objection deadline. */
  suspensionOnOverdueVerification: Cited<'ALL_QUERIES' | 'SOCIETY' | 'NONE'>;
  /** calendar days after acceptance by which public records are published. */
  publicationLatencyDays: Cited<number | null>;
  /** A-20 (`nt.expired_visible_to_gov`). */
  expiredVisibleToGov: Cited<boolean>;
}

/** §3.6 Queries, authorization, reports, batch. */
export interface QueryParameters {
  publicChannels: Cited<readonly string[]>;
  selfQueryOnlineAuthentication: Cited<string>;
  selfQueryOnSite: Cited<boolean>;
  thirdPartyChannels: Cited<readonly ('ON_SITE' | 'DESIGNATED_WINDOW' | 'ONLINE')[]>;
  thirdPartyAuthorizationForms: Cited<readonly ('WRITTEN' | 'SMS_VERIFICATION')[]>;
  thirdPartyMaterials: Cited<readonly string[]>;
  purposeRestricted: Cited<boolean>;
  govScenarios: Cited<readonly string[]>;
  /** XM's list is closed (R85); WH and NT allow "other" with free text (R86). */
  govScenarioListClosed: Cited<boolean>;
  govAccessModes: Cited<readonly string[]>;
  /**
   * 政务共享 records reach an agency only within an application the center approved, with its items and
   * period (WH 003 第二十三条 ¶1; R87); elsewhere the catalog's usage permission alone decides (R63).
   */
  sharingRequiresApplication: Cited<boolean>;
  reportFields: Cited<readonly string[] | null>;
  /** a report carries no score or evaluation. */
  reportNoEvaluation: Cited<boolean>;
  selfPrint: Cited<boolean>;
  /** `batch.enabled`. */
  batchEnabled: Cited<boolean>;
  batchRequiresApproval: Cited<boolean>;
  /**
   * What a party's batch access rests on, the competent department's approval (XM) or a sharing agreement
   * (NT), and which parties may hold it (R98, R100); none where there is no batch port (WH).
   */
  batchAccess: Cited<{ basis: BatchAccessBasis; parties: readonly BatchParty[] }>;
  /** `query.anomaly_daily_subjects` (R150). */
  anomalyDailySubjects: Cited<number>;
}

/** §3.7 Objections. */
export interface ObjectionParameters {
  filedWith: Cited<readonly Office[]>;
  grounds: Cited<
    readonly (
      | 'ERROR_OR_OMISSION'
      | 'RIGHTS_INFRINGEMENT'
      | 'FORBIDDEN_DATA_COLLECTED'
      | 'USED_BEYOND_PERIOD'
    )[]
  >;
  evidenceRequired: Cited<boolean>;
  centerComparisonWorkingDays: Cited<WorkingDays | null>;
  /** WH 7-WD target when other units must help; tracked as an SLA warning only. */
  centerAssistedTargetWorkingDays: Cited<WorkingDays | null>;
  reviewWorkingDays: Cited<WorkingDays | null>;
  /** A-44 (`objection.forward_rule`). */
  forwardRule: Cited<'ALWAYS' | 'IF_INCONSISTENT' | 'IF_CONSISTENT' | null>;
  providerVerificationWorkingDays: Cited<WorkingDays>;
  centerFinalWorkingDays: Cited<WorkingDays | null>;
  correctionWorkingDays: Cited<WorkingDays | null>;
  totalWorkingDays: Cited<WorkingDays | null>;
  /** WH's marker while the subject still disagrees. */
  persistentDisputeMarker: Cited<boolean>;
  furtherRemedies: Cited<readonly ('APPEAL' | 'ADMINISTRATIVE_RECONSIDERATION' | 'LITIGATION')[]>;
  /** a confirmed forbidden-data objection purges the values. */
  forbiddenDataPurgeOnConfirmation: Cited<boolean>;
}

/** §3.8 Credit repair. */
export interface RepairParameters {
  filedWith: Cited<readonly Office[]>;
  eligibility: Cited<'AFTER_WAIT' | 'ANY_TIME_WHILE_DISCLOSED' | 'AFTER_CLEAN_PERIOD'>;
  /** Counted from the disclosure start. */
  waitGeneral: Cited<Period | null>;
  waitSerious: Cited<Period | null>;
  /** A-39 (`xm.repair.list_wait_months`): joint-punishment and key-attention entries. */
  listWait: Cited<Period | null>;
  /** NT: 1 year without a same-type act, counted from the correction date. */
  cleanPeriod: Cited<Period | null>;
  /** A-42 (`nt.repair.clean_period_mode`). */
  cleanPeriodMode: Cited<'FULL_PERIOD_ELAPSED' | 'NO_RECURRENCE_SO_FAR' | null>;
  commitmentRequired: Cited<boolean>;
  creditManagementSystemRequired: Cited<boolean>;
  /** the 001 list of fields, behaviours and penalties that cannot be repaired while disclosed. */
  nonRepairable: Cited<{
    fields: readonly string[];
    behaviours: readonly string[];
    penalties: readonly string[];
  } | null>;
  priorInterviewRequired: Cited<boolean>;
  cityReviewWorkingDays: Cited<WorkingDays | null>;
  higherReviewWorkingDays: Cited<WorkingDays | null>;
  /** XM 10 WD; WH switch `wh.repair_processing_wd` (A-41, unset = no SLA). */
  totalWorkingDays: Cited<WorkingDays | null>;
  /** A-43 (`nt.repair.provider_opinion_wd`): must be configured before an NT go-live. */
  providerOpinionWorkingDays: Cited<WorkingDays | null>;
  publicNoticeWorkingDays: Cited<WorkingDays | null>;
  adoptionWorkingDays: Cited<WorkingDays | null>;
  effect: Cited<'REPAIRED' | 'ARCHIVED_ORIGINAL'>;
}

/** §3.8 Good-record opt-out. */
export interface OptOutParameters {
  mode: Cited<'SUSPEND_AND_ARCHIVE' | 'DELETE' | 'NOT_OFFERED'>;
  /** */
  scope: Cited<'ALL_GOOD_RECORDS' | null>;
  reversible: Cited<boolean | null>;
  processingWorkingDays: Cited<WorkingDays | null>;
  notifyProviderWorkingDays: Cited<WorkingDays | null>;
  /** A-51 (`wh.deletion_anchor`). */
  anchor: Cited<'ACCEPTANCE' | 'CENTER_RECEIPT' | 'PROVIDER_NOTIFICATION' | null>;
}

/** §3.9 Logs, retention, archives, security. */
export interface RetentionParameters {
  agencyQueryLedger: Cited<{ fields: readonly string[]; retention: LogRetention } | null>;
  centerLifecycleLog: Cited<LogRetention | null>;
  centerQueryLog: Cited<LogRetention | null>;
  queryApplicationMaterials: Cited<Period | null>;
  /** objection, repair, opt-out and appeal materials, counted from case closure. */
  caseMaterials: Cited<Period>;
  securityBaseline: Cited<readonly string[]>;
  /** `export.bulk_threshold` (R149). */
  exportBulkThreshold: Cited<number>;
}

/** §3.10 Lists, warnings, joint reward and punishment. The list periods sit with the other periods (§3.4). */
export interface ListParameters {
  determinedBy: Cited<string | null>;
  reportingDeadline: Cited<'END_OF_FOLLOWING_MONTH' | null>;
  measuresLists: Cited<readonly string[]>;
  rewardPunishmentSystem: Cited<string | null>;
  measureBasisTypes: Cited<readonly LegalBasisType[] | null>;
  /** A-13 (`xm.key_attention_external_basis_allowed`). */
  keyAttentionExternalBasisAllowed: Cited<boolean | null>;
  /** distinct fields within a rolling window; repaired entries still count. */
  creditWarningTrigger: Cited<{ distinctFields: number; window: Period; countRepaired: boolean } | null>;
  /** `jrp.feedback_due_wd` (R103): must be configured. */
  feedbackDueWorkingDays: Cited<WorkingDays | null>;
  /** NT monthly case report. */
  monthlyCaseReportDue: Cited<'END_OF_FOLLOWING_MONTH' | null>;
  /** alert the awarding provider of an honour when a dishonest record in its field appears. */
  honourReviewAlert: Cited<boolean>;
}

/** §3.11 Supervision and multi-level. */
export interface SupervisionParameters {
  nonReportingSanction: Cited<string>;
  /** `xm.cuibao_response_wd`: must be configured. */
  cuibaoResponseWorkingDays: Cited<WorkingDays | null>;
  sharingSuspensionAvailable: Cited<boolean>;
  /** red/yellow/green thresholds; must be configured before an NT go-live. */
  trafficLightThresholds: Cited<{ greenOnTimeRate: number; redOnTimeRate: number } | null>;
  /** `nt.bulletin_period`. */
  bulletinPeriod: Cited<'QUARTERLY' | null>;
  annualAssessment: Cited<boolean>;
  levels: Cited<
    'CITY_WITH_DISTRICT_DEPARTMENTS' | 'CITY_WITH_DISTRICT_SUBSYSTEMS' | 'CITY_AND_COUNTY_INSTANCES'
  >;
  /** `nt.upward_report_cadence`. */
  upwardReportCadence: Cited<'DAILY' | null>;
  externalIntegrations: Cited<readonly string[]>;
}

export interface PolicyParameters {
  scope: ScopeParameters;
  catalog: CatalogParameters;
  collection: CollectionParameters;
  periods: PeriodParameters;
  disclosure: DisclosureParameters;
  queries: QueryParameters;
  objections: ObjectionParameters;
  repair: RepairParameters;
  optOut: OptOutParameters;
  retention: RetentionParameters;
  lists: ListParameters;
  supervision: SupervisionParameters;
}

/** One version of a city's rules, in force from `effectiveFrom` through `effectiveTo` (DESIGN Decision 2). */
export interface ProfileVersion {
  profileId: ProfileId;
  /** Stable name of the version, e.g. "xiamen-2020". */
  versionId: string;
  /** null: the date must be configured (NT's text carries none, A-3). */
  effectiveFrom: Cited<LocalDate | null>;
  /** null: no end. */
  effectiveTo: Cited<LocalDate | null>;
  parameters: PolicyParameters;
}

/** A city's loaded versions, oldest first. */
export interface PolicyProfile {
  id: ProfileId;
  /** Short code used in alerts: XM, WH, NT. */
  code: string;
  nameZh: string;
  versions: readonly ProfileVersion[];
}

/** 轻微 / 一般 / 严重 under the national repair baseline (DESIGN Decision 1). */
export type NationalTier = Severity;

export interface NationalTierRule {
  /** Repair may be requested once this has elapsed; null: as soon as the legal obligations are met. */
  minimumPublicity: Cited<Period | null>;
  maximumPublicity: Cited<Period>;
  /** 轻微失信信息原则上不予公示: false means not published unless a competent department decides otherwise. */
  publishedByDefault: Cited<boolean>;
}

export interface NationalBaselineParameters {
  /** The date publicity periods are counted from. */
  publicityStart: Cited<DisclosureStart>;
  tiers: { minor: NationalTierRule; general: NationalTierRule; serious: NationalTierRule };
  /** Which tier each list's entries fall in; a list without a tier is left to the city rule. */
  listTiers: Cited<Readonly<Partial<Record<ListType, NationalTier>>>>;
  /** Bases that outrank a department rule, so an override resting on one is not capped by the maximum. */
  capExemptBasisTypes: Cited<readonly LegalBasisType[]>;
}

/** One version of the national layer that sits under every city profile. */
export interface NationalBaselineVersion {
  versionId: string;
  title: string;
  effectiveFrom: Cited<LocalDate>;
  effectiveTo: Cited<LocalDate | null>;
  parameters: NationalBaselineParameters;
}
