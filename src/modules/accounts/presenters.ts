import { checkCode } from '../../core/identity/index.ts';
import { maskIdNumber, maskPersonName } from '../../core/privacy/masking.ts';
import type { LocalDate } from '../../core/time/local-date.ts';
import type { AccountRole } from './roles.ts';
import type { AccountRow, ApiClientRow, SessionRow } from './store.ts';

/** Whether the viewer may see a subject account's personal data in full: only the verified subject itself. */
export type Entitlement = 'full' | 'masked';

export interface AccountView {
  id: number;
  username: string;
  displayName: string;
  role: AccountRole;
  organization: { code: string; name: string } | null;
  subjectCode: string | null;
  operatorIdNumber: string | null;
  itemScope: string[] | null;
  status: 'active' | 'disabled';
  passwordMustChange: boolean;
  createdAt: string;
}

/**
 * 000 第六条: a natural person's credit code is its citizen ID number, which is personal data; an
 * organization's credit code is its USCC, which identifies it publicly.
 */
export function isPersonalCode(code: string, today: LocalDate): boolean {
  return checkCode(code, { today }).kind !== 'uscc';
}

/**
 * An account as an API answer: whitelisted fields; a natural person's name and ID number and an
 * operator's ID number masked unless the viewer is entitled to them.
 */
export function presentAccount(account: AccountRow, today: LocalDate, entitlement: Entitlement): AccountView {
  const full = entitlement === 'full';
  const personalSubject = account.subjectCode !== null && isPersonalCode(account.subjectCode, today);
  return {
    id: account.id,
    username: account.username,
    displayName: personalSubject && !full ? maskPersonName(account.displayName) : account.displayName,
    role: account.role,
    organization:
      account.organizationCode && account.organizationName
        ? { code: account.organizationCode, name: account.organizationName }
        : null,
    subjectCode:
      account.subjectCode && personalSubject && !full
        ? maskIdNumber(account.subjectCode)
        : account.subjectCode,
    operatorIdNumber:
      account.operatorIdNumber && !full ? maskIdNumber(account.operatorIdNumber) : account.operatorIdNumber,
    itemScope: account.itemScope,
    status: account.status,
    passwordMustChange: account.passwordMustChange,
    createdAt: account.createdAt.toISOString(),
  };
}

export interface ApiClientView {
  clientId: string;
  name: string;
  organization: { code: string; name: string };
  scopes: string[];
  status: 'active' | 'revoked';
  createdAt: string;
  revokedAt: string | null;
  lastTokenAt: string | null;
}

/** An API client without its secret hash, which never leaves the database. */
export function presentApiClient(client: ApiClientRow): ApiClientView {
  return {
    clientId: client.clientId,
    name: client.name,
    organization: { code: client.organizationCode, name: client.organizationName },
    scopes: client.scopes,
    status: client.status,
    createdAt: client.createdAt.toISOString(),
    revokedAt: client.revokedAt?.toISOString() ?? null,
    lastTokenAt: client.lastTokenAt?.toISOString() ?? null,
  };
}

export interface SessionView {
  id: number;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
}

/** One's own open sessions (R147: the account holder sees where it is signed in). */
export function presentSession(session: SessionRow, currentId: number | null): SessionView {
  return {
    id: session.id,
    current: session.id === currentId,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    userAgent: session.userAgent,
  };
}
