/** Typed client for the parts of the Gongxin HTTP API (`/api/v1`) that the web app calls. */

/** The public (no account) and the account roles of src/modules/accounts/roles.ts. */
export const roles = [
  'public',
  'subject',
  'provider',
  'gov',
  'agency',
  'center_admin',
  'center_staff',
  'archive',
  'competent',
] as const;
export type Role = (typeof roles)[number];
export type AccountRole = Exclude<Role, 'public'>;
export const accountRoles = roles.filter((role): role is AccountRole => role !== 'public');

export function isRole(value: string): value is Role {
  return roles.some((role) => role === value);
}

export interface OrganizationRef {
  code: string;
  name: string;
}

/** GET /api/v1/session: who the browser is, what it may do, and the CSRF token its writes must echo. */
export interface Session {
  /** `api_client` never reaches the web app; it is in the server's answer for bearer-token callers. */
  role: Role | 'api_client';
  displayName?: string;
  username?: string;
  organization?: OrganizationRef | null;
  permissions: string[];
  csrfToken?: string;
  expiresAt?: string;
  passwordMustChange?: boolean;
  realName?: { verified: boolean; method: string | null };
  signIn: { sso: boolean; realName: 'oidc' | 'local' };
}

export interface AdminAlert {
  code: string;
  zh: string;
  en: string;
}

export interface Account {
  id: number;
  username: string;
  displayName: string;
  role: AccountRole;
  organization: OrganizationRef | null;
  subjectCode: string | null;
  operatorIdNumber: string | null;
  /** The catalog items a government query account is scoped to (002 第九条 ¶2; R89); null when not scoped. */
  itemScope: string[] | null;
  status: 'active' | 'disabled';
  passwordMustChange: boolean;
  createdAt: string;
}

export interface SessionInfo {
  id: number;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
}

export interface ApiClient {
  clientId: string;
  name: string;
  organization: OrganizationRef;
  scopes: string[];
  status: 'active' | 'revoked';
  createdAt: string;
  revokedAt: string | null;
  lastTokenAt: string | null;
}

export interface Organization {
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
  isProvider: boolean;
}

/** An organization as the center's administration lists it. */
export interface ListedOrganization extends Organization {
  /** The scopes an API client of this organization may be granted. */
  apiClientScopes: string[];
}

/** An information provider with the type and channel the center registered it under (R18, R19). */
export interface ProviderSummary {
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
  divisionCode: string;
  /** null until the center registers the provider's type. */
  providerType: string | null;
  collectionChannel: string | null;
}

/** A provider type the city's regulation allows, named in both languages, with the channels it uses. */
export interface ProviderTypeOption {
  type: string;
  zh: string;
  en: string;
  /** The article the type comes from. */
  source: string;
  voluntary: boolean;
  channels: Array<{ channel: string; zh: string; en: string }>;
}

export interface ProviderRegistrationOptions {
  types: ProviderTypeOption[];
  divisions: Array<{ code: string; name: string }>;
}

export interface ProviderRegistration {
  /** The organization's USCC, or the code of an organization already in the registry. */
  code: string;
  name: string;
  nameEn?: string | null;
  providerType: string;
  collectionChannel: string;
  divisionCode: string;
}

export interface ProviderItems {
  code: string;
  items: string[];
  added: string[];
  removed: string[];
}

export interface OwnOrganization extends Organization {
  apiClients: ApiClient[];
}

export interface OwnSubject {
  code: string;
  name: string;
  kind: string;
  division: { code: string; name: string | null };
  registeredOn: string | null;
  legalRepresentative: string | null;
  verifiedAt: string;
  verificationMethod: string;
}

export type RealNameStep = { kind: 'redirect'; url: string } | { kind: 'code_sent'; expiresAt: string };

export interface LoadedNotice {
  year: number;
  source: string;
  loadedAt: string;
  loadedBy: string;
  holidays: number;
  workdays: number;
}

export interface CalendarOverview {
  coveredYears: number[];
  notices: LoadedNotice[];
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: AccountRole;
  organizationCode?: string | null;
  subjectCode?: string | null;
  operatorIdNumber?: string | null;
  ssoSubject?: string | null;
  /** A government query account's catalog items (R89); absent: not scoped. */
  itemScope?: string[] | null;
}

export interface PublicOverview {
  city: { code: string; name: string; portalName: string };
  profile: {
    id: string;
    /** Stable name of the rules version in force, e.g. "xiamen-2020". */
    versionId: string;
    /** null when the regulation names no date and none is configured yet. */
    effectiveFrom: string | null;
    /** null while the version has no end. */
    effectiveTo: string | null;
    /** Whether `today` lies inside the version's dates; outside them the last version still applies. */
    inForce: boolean;
  };
  counts: { providers: number; subjects: number; organizations: number };
  /** The platform's current date (YYYY-MM-DD), which demos and tests can move. */
  today: string;
}

export const subjectKinds = [
  'company',
  'individual_business',
  'social_organization',
  'public_institution',
  'other_organization',
  'natural_person',
] as const;
export type SubjectKind = (typeof subjectKinds)[number];

export function isSubjectKind(kind: string): kind is SubjectKind {
  return subjectKinds.some((known) => known === kind);
}

export interface SubjectSummary {
  code: string;
  name: string;
  /** One of `subjectKinds` today; the schema allows any string, so a kind added later still displays. */
  kind: string;
  districtName: string | null;
}

export interface SubjectSearchResult {
  items: SubjectSummary[];
  /** All matches, counted up to 1000, of which `items` holds at most the requested limit. */
  total: number;
  /** False when more than `total` organisations match (the count stops at 1000). */
  totalExact: boolean;
}

/** A cell of a submitted row as the server keeps it. */
export type Cell = string | number | boolean | null;

/** One reason a row was returned (退回): the field at fault (null for the row as a whole) and why. */
export interface ReturnReason {
  field: string | null;
  /** The spec's stable reason code (INVALID_USCC …); `message` says it in Chinese. */
  reason: string;
  message: string;
}

/** POST /api/v1/collection/uploads: what became of a submitted file. */
export interface BatchOutcome {
  batch: number;
  received: number;
  /** New records and corrections (new versions). */
  accepted: number;
  /** Rows identical to records already stored. */
  unchanged: number;
  returned: number;
  /** The first returned rows' reasons; the returns file holds them all. */
  returns: Array<ReturnReason & { row: number }>;
  returnsTruncated: boolean;
}

export type BatchChannel = 'api' | 'file' | 'cli';
export type BatchStatus = 'RUNNING' | 'DONE' | 'FAILED';

export interface Batch {
  id: number;
  itemCode: string;
  itemVersion: number;
  providerCode: string;
  providerName: string;
  channel: BatchChannel;
  fileName: string | null;
  /** The file's own column headers, in its order. */
  columns: string[];
  receivedAt: string;
  finishedAt: string | null;
  status: BatchStatus;
  failure: string | null;
  received: number;
  accepted: number;
  unchanged: number;
  returned: number;
  /** The batch whose returned rows this one resubmits. */
  resubmits: number | null;
}

export interface BatchPage {
  items: Batch[];
  total: number;
}

/** A returned row as stored: its cells under the file's own headers and every reason. */
export interface StoredReturnRow {
  rowNumber: number;
  cells: Record<string, Cell>;
  reasons: ReturnReason[];
}

export interface BatchDetail {
  batch: Batch;
  /** One page of returned rows, in row order. */
  returns: StoredReturnRow[];
}

/** A provider reads its own organization's batches; the center reads every provider's. */
export type BatchScope = 'own' | 'overview';

/** A record the collection stored with a mark for the center to look at (R42, DESIGN Decision 3). */
export interface FlaggedRecord {
  subjectCode: string;
  recordId: number;
  itemCode: string;
  providerCode: string;
  flags: string[];
  createdAt: string;
}

export interface ArchiveRecord {
  recordId: number;
  itemCode: string;
  itemName: string;
  category: string;
  disclosure: string;
  state: string;
  flags: string[];
  providerCode: string;
  providerName: string;
  divisionCode: string;
  recordStart: string | null;
  disclosureLastDay: string | null;
  expiresOn: string | null;
  openEnded: boolean;
  recordPeriodEnd: string | null;
  repairEligibleFrom: string | null;
  currentVersion: number;
  content: Record<string, unknown>;
  submittedAt: string;
  derivedFrom: { subjectCode: string; recordId: number } | null;
}

/** GET /api/v1/subjects/{code}/archive: everything every provider submitted about one subject. */
export interface CreditArchive {
  subject: {
    code: string;
    name: string;
    kind: string;
    divisionCode: string;
    registrationStatus: string | null;
    terminatedOn: string | null;
    diedOn: string | null;
    linkedDocuments: Array<{ kind: string; number: string }>;
  };
  records: ArchiveRecord[];
}

export interface RecordVersion {
  version: number;
  itemVersion: number;
  content: Record<string, unknown>;
  payloadHash: string;
  hashVerified: boolean;
  providerCode: string;
  operator: string;
  channel: string;
  batchId: number;
  rowNumber: number;
  sourceId: string | null;
  submittedAt: string;
  modifiedOn: string | null;
  workingDaysLate: number | null;
  caseReference: string | null;
}

export type CatalogFieldType = 'text' | 'date' | 'number' | 'enum' | 'boolean';
export type DisclosureAttribute = 'public' | 'authorized' | 'government';
export type CategoryCode = 'basic' | 'good' | 'dishonest' | 'other';
export const categoryCodes: readonly CategoryCode[] = ['basic', 'good', 'dishonest', 'other'];
export const disclosureAttributes: readonly DisclosureAttribute[] = ['public', 'authorized', 'government'];
export const catalogFieldTypes: readonly CatalogFieldType[] = ['text', 'date', 'number', 'enum', 'boolean'];

/** One column of a catalog item's data format (src/core/catalog/item.ts FieldDefinition). */
export interface CatalogField {
  code: string;
  title: string;
  aliases?: string[];
  type: CatalogFieldType;
  values?: string[];
  required: boolean;
  maxLength?: number;
  /** IDENTITY, ORDINARY or a personal-data class the regulations single out (R14). */
  dataClass: string;
  /** What the collection rules read from the field (subjectUscc, decidedOn …). */
  role?: string;
  description?: string;
}

export interface CatalogPeriod {
  years?: number;
  months?: number;
  days?: number;
}

export type ItemPeriodRule =
  | { kind: 'PROFILE_RULE' }
  | { kind: 'ITEM_PERIOD'; period: CatalogPeriod; basisType?: string };

export interface LegalBasis {
  type: string;
  title: string;
  article?: string;
}

/** What one version of an item says, apart from the item's code and level. */
export interface CatalogDraft {
  name: string;
  recordKind: string;
  subjectScope: 'organizations' | 'natural_persons' | 'all';
  category: CategoryCode | null;
  disclosure: DisclosureAttribute | null;
  frequency: string | null;
  /** Organization codes of the agencies that may retrieve government-shared records (R15). */
  usagePermission: string[] | null;
  period: ItemPeriodRule | null;
  retentionPeriod: CatalogPeriod | null;
  dataSource: string | null;
  listType?: string;
  specificBehaviour: boolean;
  legalBases: LegalBasis[];
  fields: CatalogField[];
}

export interface CatalogDefinition extends CatalogDraft {
  code: string;
  levelDivisionCode: string | null;
}

export interface PublishedItemSummary {
  code: string;
  name: string;
  version: number;
  publishedOn: string | null;
  category: CategoryCode | null;
  /** The city's own name for the category (守信信息, 良好信息 …). */
  categoryName: string | null;
  disclosure: DisclosureAttribute | null;
  disclosureName: string | null;
  recordKind: string;
  subjectScope: string;
  frequency: string | null;
  levelDivisionCode: string | null;
  providers: OrganizationRef[];
}

export interface PublishedItem extends PublishedItemSummary {
  owner: OrganizationRef | null;
  usagePermission: OrganizationRef[] | null;
  definition: CatalogDefinition;
}

/** A published item the signed-in provider may submit, with the fields its files carry. */
export interface SubmittableItem {
  code: string;
  version: number;
  publishedOn: string | null;
  definition: CatalogDefinition;
}

export interface ManagedVersion {
  version: number;
  /**
   * DRAFT, PUBLIC_CONSULTATION, MUNICIPAL_GOVERNMENT_APPROVED, PUBLISHED or RETIRED; a string, so that a
   * status added later still displays.
   */
  status: string;
  statusName: string;
  name: string;
  consultationOpenedOn: string | null;
  consultationClosesOn: string | null;
  approvedOn: string | null;
  publishedOn: string | null;
  updatedAt: string;
  updatedBy: string;
}

export interface ManagedItemSummary {
  code: string;
  name: string;
  owner: OrganizationRef | null;
  levelDivisionCode: string | null;
  providers: OrganizationRef[];
  versions: ManagedVersion[];
}

/** Why an item cannot take its next step yet (R7–R14), in both languages with the article it comes from. */
export interface CatalogProblem {
  code: string;
  path: string;
  element?: string;
  zh: string;
  en: string;
  source: string;
}

export interface ManagedItem extends ManagedItemSummary {
  versions: Array<ManagedVersion & { definition: CatalogDefinition }>;
  /** The latest version while it is not published: its next step and what blocks that step today. */
  pending: { version: number; nextStep: string | null; problems: CatalogProblem[] } | null;
}

export type CatalogTransition =
  | { to: 'PUBLIC_CONSULTATION'; closesOn: string; reference?: string }
  | { to: 'MUNICIPAL_GOVERNMENT_APPROVED'; approvedOn: string; reference?: string }
  | { to: 'PUBLISHED'; reference?: string };

/** One record as a disclosure channel shows it: the item's fields in catalog order, masked for the viewer. */
export interface DisclosedRecord {
  /** `subjectCode/recordId`, the record's stable reference in the query log. */
  reference: string;
  itemName: string;
  providerName: string;
  recordStart: string | null;
  /** The last day of disclosure; null when open-ended. */
  disclosureLastDay: string | null;
  fields: Array<{ label: string; value: string }>;
  /** Markers in Chinese as the regulations word them, e.g. 异议处理中. */
  markers: string[];
}

/** A category of records under the city's own title; a section may hold none. */
export interface DisclosureSection {
  category: string;
  title: string;
  records: DisclosedRecord[];
  /** On screens (not in reports): how many records the category holds in all; `records` may be a page of them. */
  total?: number;
}

/** A window on the public page's records: `limit` per category, or one category from `offset` (显示更多). */
export interface SectionPage {
  limit?: number;
  category?: string;
  offset?: number;
}

/** GET /api/v1/public/subjects/{code}: what one viewer may see of a subject today. */
export interface SubjectView {
  subject: { code: string; name: string; kind: string; naturalPerson: boolean };
  today: string;
  sections: DisclosureSection[];
}

/** GET /api/v1/me/records: the verified subject's own records. */
export interface SelfQueryView extends SubjectView {
  /** The code asked for is not the verified subject's: only public records came back. */
  mismatchedIdentity: boolean;
}

/** What a government user states before a query (000 第十九条, 第二十条). */
export interface GovernmentQuery {
  code: string;
  scenario: string | null;
  scenarioBasis?: string | null;
  purpose: string | null;
  caseReference: string | null;
}

export interface GovernmentQueryView extends SubjectView {
  queryLogEntry: number;
}

/** GET /api/v1/gov/scenarios: the profile's list; an entry with `needsBasis` needs its basis in words. */
export interface QueryScenarios {
  closed: boolean;
  scenarios: Array<{ value: string; needsBasis: boolean }>;
  citation: string;
}

/** One query-log entry: who queried which subject, when, why and what came back (000 第二十条). */
export interface QueryLogEntry {
  entryId: number;
  subjectCode: string;
  queriedAt: string;
  viewer: string;
  channel: string;
  account: string;
  accountName: string;
  organizationCode: string | null;
  organizationName: string | null;
  scenario: string | null;
  scenarioBasis: string | null;
  purpose: string | null;
  caseReference: string | null;
  operator: string | null;
  batchId: string | null;
  reportNumber: string | null;
  /** References of the records returned. */
  returned: string[];
  outcome: string;
  refusalCode: string | null;
}

/** The content of a public credit report (src/modules/reports/document.ts): what its signature covers. */
export interface ReportDocument {
  number: string;
  /** Beijing time to the second, `YYYY-MM-DD HH:mm:ss`. */
  queryTime: string;
  issuer: string;
  viewer: 'public' | 'self' | 'auth_3p' | 'gov';
  subject: { code: string; name: string; linkedCodes: string[] };
  purpose: string | null;
  statements: string[];
  sections: DisclosureSection[];
  verificationUrl: string;
}

/** A report just issued: the document, the code that opens it, and how it was signed. */
export interface IssuedReport {
  number: string;
  verificationCode: string;
  pdfUrl: string;
  contentHash: string;
  signatureAlgorithm: string;
  signingKeyId: string;
  signature: string;
  document: ReportDocument;
}

export interface ReportMetadata {
  number: string;
  subjectCode: string;
  queryTime: string;
  issuer: string;
  contentHash: string;
  signatureAlgorithm: string;
  signingKeyId: string;
}

/** Whether a report is authentic; the document only for the holder of the file or of the number and code. */
export interface ReportVerification {
  authentic: boolean;
  failure: string | null;
  message: { zh: string; en: string };
  metadata: ReportMetadata | null;
  document: ReportDocument | null;
}

/** The viewers the center can ask about (src/modules/disclosure/explain-record.ts). */
export const explainableViewers = [
  'PUBLIC',
  'SELF',
  'AUTH_3P',
  'GOV',
  'CSA',
  'SCORING',
  'PROVIDER',
  'ARCHIVE',
] as const;
export type ExplainableViewer = (typeof explainableViewers)[number];

/** GET /api/v1/records/{subject}/{id}/explain: why one viewer sees a record today, or which rule hides it. */
export interface RecordExplanation {
  reference: string;
  viewer: string;
  today: string;
  storedState: string;
  stateToday: string;
  disclosure: string;
  shown: boolean;
  markers: string[];
  rule: string | null;
  reason: { zh: string; en: string } | null;
  citation: string | null;
}

/** A subject's authorization of a named party to query its non-public records (000 第十八条; R80). */
export interface SubjectAuthorization {
  authorizationId: number;
  subjectCode: string;
  granteeCode: string;
  granteeName: string;
  purpose: string;
  /** Item codes; null: all 授权查询 items. */
  items: string[] | null;
  /** WRITTEN, ONLINE_CODE or SMS_VERIFICATION; a string, so that a form added later still displays. */
  form: string;
  signedOn: string;
  validFrom: string;
  /** null: the authorization states no validity and serves one report on the day (A-30). */
  validUntil: string | null;
  /** The code an online grant gives the party to present; null for the other forms. */
  accessCode: string | null;
  /** ACTIVE, REVOKED or CONSUMED. */
  status: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface AuthorizationGrant {
  granteeCode: string;
  granteeName: string;
  purpose: string;
  /** Omitted or null: all 授权查询 items. */
  items?: string[] | null;
  /** Omitted or null: one report on the day. */
  validUntil?: string | null;
}

/** A report issued under a subject's authorization, with when the application was accepted (R78). */
export interface ThirdPartyReport extends IssuedReport {
  acceptedAt: string;
  authorizationId: number;
}

/** Who applies at a service point: the materials to check differ (002 第七条; A-29). */
export const applicantKinds = ['natural_person', 'organization'] as const;
export type ApplicantKind = (typeof applicantKinds)[number];

/** A written authorization as the officer records it from the document presented (R80). */
export interface WrittenAuthorization {
  purpose: string;
  items?: string[] | null;
  signedOn: string;
  /** Omitted or null: one report on the day of application (A-30). */
  validUntil?: string | null;
}

/** A third party's application at a service point: the checked materials and one form of authorization. */
export interface ServicePointApplication {
  subjectCode: string;
  applicant: { code: string; name: string; kind: ApplicantKind };
  materials: string[];
  accessCode?: string;
  written?: WrittenAuthorization;
}

/** What batch access rests on: the competent department's approval (XM) or a sharing agreement (NT). */
export type BatchAccessBasis = 'APPROVAL' | 'AGREEMENT';

/**
 * A party's batch access as recorded: XM's approval by the competent department (000 第二十一条 ¶2; R98) or
 * NT's sharing agreement (004 第二十三条, 第二十四条; R100), with the attributes and items it covers.
 */
export interface BatchApprovalInput {
  approvalId: string;
  organizationCode: string;
  scope: string;
  attributes: DisclosureAttribute[];
  /** Item codes it is narrowed to; null: every item of the attributes covered. */
  items: string[] | null;
  validFrom: string;
  validUntil: string;
  securityConditions: string;
}

export interface BatchApproval extends BatchApprovalInput {
  basis: BatchAccessBasis;
}

/** The city's terms of batch access and every grant recorded (GET /api/v1/batch-approvals). */
export interface BatchApprovals {
  basis: BatchAccessBasis;
  /** BatchParty codes, each with the attributes Table F-1 can let it see. */
  parties: Array<{ party: string; attributes: DisclosureAttribute[] }>;
  /** The kinds of organization of the register that may hold batch access. */
  organizationKinds: string[];
  approvals: Array<BatchApproval & { organizationName: string | null; inForce: boolean }>;
}

/** The signed-in party's own grant and whether a batch would run today. */
export interface BatchAccess {
  basis: BatchAccessBasis;
  approval: BatchApproval | null;
  refusal: { code: string; message: string } | null;
}

/** An agency's batch of subjects, answered in the background (R99, R100). */
export interface BatchQuery {
  batchId: string;
  approvalId: string;
  purpose: string;
  /** CSA (the batch port) or GOV (a government unit's exchange). */
  viewer: string;
  scenario: string | null;
  /** RUNNING or DONE. */
  status: string;
  total: number;
  done: number;
  createdAt: string;
  finishedAt: string | null;
  /** The results as CSV, one line per record returned. */
  resultsUrl: string;
}

/**
 * A failed API call. `status` is the HTTP status, or 0 when no response arrived at all; `code` is the
 * server's stable error code (e.g. SIGN_IN_FAILED) and `fields` the inputs it refused.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    message: string,
    readonly code: string | null = null,
    readonly fields: Array<{ field: string; reason: string }> = [],
  ) {
    super(message);
  }
}

function field<T>(body: unknown, key: string, check: (value: unknown) => value is T): T | undefined {
  if (typeof body !== 'object' || body === null || !(key in body)) return undefined;
  const value = (body as Record<string, unknown>)[key];
  return check(value) ? value : undefined;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isFieldList = (value: unknown): value is Array<{ field: string; reason: string }> =>
  Array.isArray(value);

/**
 * The CSRF token of the browser's session (synchronizer token): every state-changing request sends it in
 * X-CSRF-Token. PlatformProvider sets it whenever the session is loaded.
 */
let csrfToken: string | undefined;
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}
export function csrfHeader(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

/** The error a failed answer stands for, from its status and its (possibly absent) JSON body. */
export function answerError(status: number, statusText: string, answer: unknown): ApiError {
  return new ApiError(
    status,
    field(answer, 'message', isString) ?? `${status} ${statusText}`,
    field(answer, 'error', isString) ?? null,
    field(answer, 'fields', isFieldList) ?? [],
  );
}

/** What a write sends: a value as JSON, or a file as it is with its media type. */
type Payload = { json: unknown } | { file: Blob; contentType: string };

async function request<T>(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  payload?: Payload,
  signal?: AbortSignal,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') {
    if (payload) headers['Content-Type'] = 'file' in payload ? payload.contentType : 'application/json';
    Object.assign(headers, csrfHeader());
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: payload && ('file' in payload ? payload.file : JSON.stringify(payload.json)),
      signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, error instanceof Error ? error.message : String(error));
  }
  if (response.status === 204) return undefined as T;
  const answer: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw answerError(response.status, response.statusText, answer);
  if (answer === undefined) throw new ApiError(response.status, `${path} did not answer with JSON`);
  // The server validates its responses against the published schemas, so the body has the declared shape.
  return answer as T;
}

const getJson = <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal);
const postJson = <T>(path: string, body?: unknown) =>
  request<T>('POST', path, body === undefined ? undefined : { json: body });
const putJson = <T>(path: string, body: unknown) => request<T>('PUT', path, { json: body });

export function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) params.set(key, String(value));
  return params.toString();
}

const reportPath = (number: string) => `/api/v1/reports/${encodeURIComponent(number)}`;

const batchesPath = (scope: BatchScope) =>
  scope === 'own' ? '/api/v1/collection/batches' : '/api/v1/collection/overview/batches';

/** One deadline-bound step of an objection case: start, due date, completion, OVERDUE from the next day (R6). */
export interface ObjectionStep {
  step: string;
  startOn: string;
  dueOn: string;
  completedAt: string | null;
  overdue: boolean;
}

/** An objection case (异议, R121–R133) as the subject, the center and the provider see it. */
export interface ObjectionCase {
  caseNumber: string;
  subjectCode: string;
  recordIds: number[];
  ground: string;
  statement: string;
  evidence: string | null;
  channel: string;
  providerCode: string;
  receivedOn: string;
  acceptedOn: string | null;
  status: string;
  notAcceptedCode: string | null;
  notAcceptedReason: string | null;
  comparison: string | null;
  forwardedAt: string | null;
  providerVerdict: string | null;
  providerOpinion: string | null;
  providerReasons: string | null;
  providerAnsweredAt: string | null;
  outcome: string | null;
  outcomeReasons: string | null;
  closedAt: string | null;
  disputePersists: boolean;
  steps: ObjectionStep[];
}

/** What an objection may rest on in the city today (R121). */
export interface ObjectionFilingTerms {
  grounds: string[];
  groundsSource: string;
  evidenceRequired: boolean;
  evidenceSource: string;
}

export interface ObjectionFiling {
  recordIds: number[];
  ground: string;
  statement: string;
  evidence?: string | null;
}

export interface SubjectNotification {
  kind: string;
  reference: string;
  title: string;
  body: string;
  createdAt: string;
}

const objectionPath = (caseNumber: string, step: string) =>
  `/api/v1/objections/${encodeURIComponent(caseNumber)}/${step}`;

export const api = {
  session: (signal?: AbortSignal) => getJson<Session>('/api/v1/session', signal),
  publicOverview: (signal?: AbortSignal) => getJson<PublicOverview>('/api/v1/public/overview', signal),
  searchSubjects: (query: { q: string; limit: number }, signal?: AbortSignal) => {
    const params = new URLSearchParams({ q: query.q, limit: String(query.limit) });
    return getJson<SubjectSearchResult>(`/api/v1/public/subjects?${params}`, signal);
  },

  login: (credentials: { username: string; password: string }) =>
    postJson<Session>('/api/v1/auth/login', credentials),
  logout: () => postJson<void>('/api/v1/auth/logout'),
  ownAccount: (signal?: AbortSignal) =>
    getJson<{ account: Account; sessions: SessionInfo[] }>('/api/v1/me/account', signal),
  changePassword: (change: { currentPassword: string; newPassword: string }) =>
    postJson<void>('/api/v1/me/password', change),
  ownOrganization: (signal?: AbortSignal) => getJson<OwnOrganization>('/api/v1/me/organization', signal),
  ownSubject: (signal?: AbortSignal) => getJson<OwnSubject>('/api/v1/me/subject', signal),
  startRealName: (claim: { name: string; idNumber: string } | Record<string, never>) =>
    postJson<RealNameStep>('/api/v1/me/realname/start', claim),
  confirmRealName: (code: string) =>
    postJson<{ verified: true; method: string }>('/api/v1/me/realname/confirm', { code }),

  adminAlerts: (signal?: AbortSignal) => getJson<AdminAlert[]>('/api/v1/admin/alerts', signal),
  organizations: (signal?: AbortSignal) =>
    getJson<ListedOrganization[]>('/api/v1/admin/organizations', signal),
  accounts: (signal?: AbortSignal) => getJson<Account[]>('/api/v1/admin/accounts', signal),
  createAccount: (account: NewAccount) =>
    postJson<{ account: Account; temporaryPassword: string }>('/api/v1/admin/accounts', account),
  setAccountStatus: (id: number, action: 'disable' | 'enable') =>
    postJson<Account>(`/api/v1/admin/accounts/${id}/${action}`),
  resetPassword: (id: number) =>
    postJson<{ account: Account; temporaryPassword: string }>(`/api/v1/admin/accounts/${id}/reset-password`),
  apiClients: (signal?: AbortSignal) => getJson<ApiClient[]>('/api/v1/admin/api-clients', signal),
  createApiClient: (client: { organizationCode: string; name: string; scopes: string[] }) =>
    postJson<{ client: ApiClient; clientSecret: string }>('/api/v1/admin/api-clients', client),
  calendar: (signal?: AbortSignal) => getJson<CalendarOverview>('/api/v1/calendar/notices', signal),
  loadHolidayNotice: (notice: unknown) =>
    postJson<{ year: number; source: string; holidays: number; workdays: number; replaced: boolean }>(
      '/api/v1/calendar/notices',
      notice,
    ),
  revokeApiClient: (clientId: string) =>
    postJson<ApiClient>(`/api/v1/admin/api-clients/${encodeURIComponent(clientId)}/revoke`),

  providers: (signal?: AbortSignal) => getJson<ProviderSummary[]>('/api/v1/providers', signal),
  providerRegistrationOptions: (signal?: AbortSignal) =>
    getJson<ProviderRegistrationOptions>('/api/v1/providers/registration-options', signal),
  registerProvider: (registration: ProviderRegistration) =>
    postJson<{ provider: ProviderSummary; created: boolean }>('/api/v1/providers', registration),
  /** The whole list of items the provider may submit; each changed item follows the catalog's rules. */
  setProviderItems: (code: string, itemCodes: string[]) =>
    putJson<ProviderItems>(`/api/v1/providers/${encodeURIComponent(code)}/items`, { itemCodes }),

  catalog: (signal?: AbortSignal) =>
    getJson<{ items: PublishedItemSummary[] }>('/api/v1/catalog', signal).then((answer) => answer.items),
  catalogItem: (code: string, signal?: AbortSignal) =>
    getJson<PublishedItem>(`/api/v1/catalog/${encodeURIComponent(code)}`, signal),
  submittableItems: (signal?: AbortSignal) =>
    getJson<{ items: SubmittableItem[] }>('/api/v1/catalog/mine', signal).then((answer) => answer.items),
  managedCatalog: (signal?: AbortSignal) =>
    getJson<{ items: ManagedItemSummary[] }>('/api/v1/catalog/manage', signal).then((answer) => answer.items),
  managedItem: (code: string, signal?: AbortSignal) =>
    getJson<ManagedItem>(`/api/v1/catalog/manage/${encodeURIComponent(code)}`, signal),
  createCatalogItem: (definition: CatalogDefinition) =>
    postJson<ManagedItem>('/api/v1/catalog/items', { definition }),
  editCatalogDraft: (code: string, definition: CatalogDraft) =>
    putJson<ManagedItem>(`/api/v1/catalog/items/${encodeURIComponent(code)}/draft`, { definition }),
  startCatalogVersion: (code: string) =>
    postJson<ManagedItem>(`/api/v1/catalog/items/${encodeURIComponent(code)}/versions`),
  advanceCatalogItem: (code: string, transition: CatalogTransition) =>
    postJson<ManagedItem>(`/api/v1/catalog/items/${encodeURIComponent(code)}/transitions`, transition),
  setCatalogProviders: (code: string, organizationCodes: string[]) =>
    putJson<ManagedItem>(`/api/v1/catalog/items/${encodeURIComponent(code)}/providers`, {
      organizationCodes,
    }),

  batches: (scope: BatchScope, page: { limit: number; offset: number }, signal?: AbortSignal) =>
    getJson<BatchPage>(`${batchesPath(scope)}?${query(page)}`, signal),
  batch: (scope: BatchScope, id: number, page: { afterRow: number; limit: number }, signal?: AbortSignal) =>
    getJson<BatchDetail>(`${batchesPath(scope)}/${id}?${query(page)}`, signal),
  /** The returned rows in the provider's own columns with 原行号 and 退回原因, to fix and upload again. */
  returnsFileUrl: (id: number) => `/api/v1/collection/batches/${id}/returns.xlsx`,
  reviewQueue: (page: { limit: number; offset: number }, signal?: AbortSignal) =>
    getJson<FlaggedRecord[]>(`/api/v1/collection/review?${query(page)}`, signal),
  creditArchive: (code: string, signal?: AbortSignal) =>
    getJson<CreditArchive>(`/api/v1/subjects/${encodeURIComponent(code)}/archive`, signal),
  recordVersions: (subject: string, id: number, signal?: AbortSignal) =>
    getJson<RecordVersion[]>(`/api/v1/records/${encodeURIComponent(subject)}/${id}/versions`, signal),
  explainRecord: (
    record: { subject: string; id: number },
    viewer: { kind: ExplainableViewer; organization?: string },
    signal?: AbortSignal,
  ) =>
    getJson<RecordExplanation>(
      `/api/v1/records/${encodeURIComponent(record.subject)}/${record.id}/explain?${query({ viewer: viewer.kind, organization: viewer.organization })}`,
      signal,
    ),

  publicSubject: (code: string, signal?: AbortSignal, page: SectionPage = {}) => {
    const query = new URLSearchParams(
      Object.entries(page).flatMap(([key, value]): [string, string][] =>
        value === undefined ? [] : [[key, String(value)]],
      ),
    ).toString();
    return getJson<SubjectView>(
      `/api/v1/public/subjects/${encodeURIComponent(code)}${query ? `?${query}` : ''}`,
      signal,
    );
  },
  issuePublicReport: (code: string) => postJson<IssuedReport>('/api/v1/public/reports', { code }),
  ownRecords: (signal?: AbortSignal) => getJson<SelfQueryView>('/api/v1/me/records', signal),
  issueOwnReport: () => postJson<IssuedReport>('/api/v1/me/reports'),
  whoQueriedMe: (page: { limit: number; offset: number }, signal?: AbortSignal) =>
    getJson<QueryLogEntry[]>(`/api/v1/me/queries?${query(page)}`, signal),
  govScenarios: (signal?: AbortSignal) => getJson<QueryScenarios>('/api/v1/gov/scenarios', signal),
  govQuery: (declaration: GovernmentQuery) =>
    postJson<GovernmentQueryView>('/api/v1/gov/queries', declaration),
  govReport: (declaration: GovernmentQuery) => postJson<IssuedReport>('/api/v1/gov/reports', declaration),
  /** The agency's own ledger; both days inclusive. */
  govQueryLog: (range: { from: string; to: string }, signal?: AbortSignal) =>
    getJson<QueryLogEntry[]>(`/api/v1/gov/query-log?${query(range)}`, signal),

  /** By number: the metadata; with the verification code printed on the report, the content too. */
  verifyReport: (report: { number: string; code?: string }, signal?: AbortSignal) =>
    getJson<ReportVerification>(
      `${reportPath(report.number)}/verification?${query({ code: report.code })}`,
      signal,
    ),
  /** The file itself: authentic only when every byte is the one issued. */
  verifyReportFile: (file: Blob) =>
    request<ReportVerification>('POST', '/api/v1/reports/verification', {
      file,
      contentType: 'application/pdf',
    }),
  reportPdfUrl: (report: { number: string; code: string }) =>
    `${reportPath(report.number)}/pdf?${query({ code: report.code })}`,

  ownAuthorizations: (signal?: AbortSignal) =>
    getJson<SubjectAuthorization[]>('/api/v1/me/authorizations', signal),
  grantAuthorization: (grant: AuthorizationGrant) =>
    postJson<SubjectAuthorization>('/api/v1/me/authorizations', grant),
  revokeAuthorization: (id: number) =>
    postJson<SubjectAuthorization>(`/api/v1/me/authorizations/${id}/revoke`),
  /** Online, with the access code the subject gave; only where the city allows it (R77, R79, R81). */
  thirdPartyReport: (presented: { subjectCode: string; accessCode: string }) =>
    postJson<ThirdPartyReport>('/api/v1/third-party/reports', presented),
  applicationMaterials: (applicant: ApplicantKind, signal?: AbortSignal) =>
    getJson<string[]>(`/api/v1/service-point/materials?${query({ applicant })}`, signal),
  /** A self-report at a service point or a provider's counter, after the officer checked the identity document. */
  servicePointSelfReport: (check: { code: string; verification: string }) =>
    postJson<IssuedReport>('/api/v1/service-point/self-reports', check),
  servicePointThirdPartyReport: (application: ServicePointApplication) =>
    postJson<ThirdPartyReport>('/api/v1/service-point/third-party-reports', application),

  approveBatchAccess: (approval: BatchApprovalInput) =>
    postJson<BatchApproval>('/api/v1/batch-approvals', approval),
  batchApprovals: (signal?: AbortSignal) => getJson<BatchApprovals>('/api/v1/batch-approvals', signal),
  batchAccess: (signal?: AbortSignal) => getJson<BatchAccess>('/api/v1/agency/batch-access', signal),
  submitBatchQuery: (batch: { purpose: string; codes: string[] }) =>
    postJson<BatchQuery>('/api/v1/agency/batches', batch),
  batchQuery: (id: string, signal?: AbortSignal) =>
    getJson<BatchQuery>(`/api/v1/agency/batches/${encodeURIComponent(id)}`, signal),
  /** Any organization's query ledger (the center, the competent department); both days inclusive. */
  queryLog: (range: { organization: string; from: string; to: string }, signal?: AbortSignal) =>
    getJson<QueryLogEntry[]>(`/api/v1/query-log?${query(range)}`, signal),

  ownObjections: (signal?: AbortSignal) => getJson<ObjectionCase[]>('/api/v1/me/objections', signal),
  objectionFilingTerms: (signal?: AbortSignal) =>
    getJson<ObjectionFilingTerms>('/api/v1/me/objections/terms', signal),
  fileObjection: (filing: ObjectionFiling) => postJson<ObjectionCase>('/api/v1/me/objections', filing),
  ownNotifications: (signal?: AbortSignal) =>
    getJson<SubjectNotification[]>('/api/v1/me/notifications', signal),
  objections: (status: string | undefined, signal?: AbortSignal) =>
    getJson<ObjectionCase[]>(`/api/v1/objections?${query({ status })}`, signal),
  acceptObjection: (caseNumber: string, decision: { decision: 'ACCEPT' | 'DECLINE'; reason?: string }) =>
    postJson<ObjectionCase>(objectionPath(caseNumber, 'accept'), decision),
  forwardObjection: (caseNumber: string, comparison: string | null) =>
    postJson<{ forwarded: boolean; case: ObjectionCase }>(objectionPath(caseNumber, 'forward'), {
      comparison,
    }),
  closeObjection: (caseNumber: string, closing: { outcome?: string | null; reasons?: string }) =>
    postJson<ObjectionCase>(objectionPath(caseNumber, 'close'), closing),
  providerObjections: (signal?: AbortSignal) =>
    getJson<ObjectionCase[]>('/api/v1/provider/objections', signal),
  answerObjection: (
    caseNumber: string,
    answer: { verdict: 'UPHELD' | 'REJECTED'; opinion?: string | null; reasons?: string },
  ) =>
    postJson<ObjectionCase>(`/api/v1/provider/objections/${encodeURIComponent(caseNumber)}/answer`, answer),
};
