/** Typed client for the parts of the Gongxin HTTP API (`/api/v1`) that the web app calls. */

export const roles = ['public', 'subject', 'provider', 'gov', 'agency', 'center'] as const;
export type Role = (typeof roles)[number];

export interface Session {
  role: Role;
  displayName?: string;
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

/** A failed API call. `status` is the HTTP status, or 0 when no response arrived at all. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function serverMessage(body: unknown): string | undefined {
  if (typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string') {
    return body.message;
  }
  return undefined;
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, error instanceof Error ? error.message : String(error));
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    throw new ApiError(response.status, serverMessage(body) ?? `${response.status} ${response.statusText}`);
  }
  if (body === undefined) throw new ApiError(response.status, `${path} did not answer with JSON`);
  // The server validates its responses against the published schemas, so the body has the declared shape.
  return body as T;
}

export const api = {
  session: (signal?: AbortSignal) => getJson<Session>('/api/v1/session', signal),
  publicOverview: (signal?: AbortSignal) => getJson<PublicOverview>('/api/v1/public/overview', signal),
  searchSubjects: (query: { q: string; limit: number }, signal?: AbortSignal) => {
    const params = new URLSearchParams({ q: query.q, limit: String(query.limit) });
    return getJson<SubjectSearchResult>(`/api/v1/public/subjects?${params}`, signal);
  },
};
