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
  /** All matches, of which `items` holds at most the requested limit. */
  total: number;
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

async function request<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') {
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, error instanceof Error ? error.message : String(error));
  }
  if (response.status === 204) return undefined as T;
  const answer: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    throw new ApiError(
      response.status,
      field(answer, 'message', isString) ?? `${response.status} ${response.statusText}`,
      field(answer, 'error', isString) ?? null,
      field(answer, 'fields', isFieldList) ?? [],
    );
  }
  if (answer === undefined) throw new ApiError(response.status, `${path} did not answer with JSON`);
  // The server validates its responses against the published schemas, so the body has the declared shape.
  return answer as T;
}

const getJson = <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal);
const postJson = <T>(path: string, body?: unknown) => request<T>('POST', path, body);

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
};
