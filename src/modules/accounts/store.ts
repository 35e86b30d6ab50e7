import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { AccountRole } from './roles.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewAccount {
  username: string;
  displayName: string;
  role: AccountRole;
  organizationCode: string | null;
  subjectCode: string | null;
  passwordHash: string;
  operatorIdNumber?: string | null;
  passwordMustChange?: boolean;
}

export interface AccountRow {
  id: number;
  username: string;
  displayName: string;
  role: AccountRole;
  organizationCode: string | null;
  organizationName: string | null;
  subjectCode: string | null;
  operatorIdNumber: string | null;
  /** The catalog items a government query account is scoped to (002 第九条 ¶2; R89); null when not scoped. */
  itemScope: string[] | null;
  status: 'active' | 'disabled';
  passwordMustChange: boolean;
  createdAt: Date;
}

export async function insertAccounts(db: Db, accounts: NewAccount[], createdAt: Date): Promise<number[]> {
  if (accounts.length === 0) return [];
  const rows = await db
    .insertInto('account')
    .values(
      accounts.map((account) => ({
        username: account.username,
        display_name: account.displayName,
        role: account.role,
        organization_code: account.organizationCode,
        subject_code: account.subjectCode,
        password_hash: account.passwordHash,
        operator_id_number: account.operatorIdNumber ?? null,
        password_must_change: account.passwordMustChange ?? false,
        created_at: createdAt,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

function accountQuery(db: Db) {
  return db
    .selectFrom('account')
    .leftJoin('organization', 'organization.code', 'account.organization_code')
    .select([
      'account.id',
      'account.username',
      'account.display_name',
      'account.role',
      'account.organization_code',
      'organization.name as organization_name',
      'account.subject_code',
      'account.operator_id_number',
      'account.status',
      'account.password_must_change',
      'account.created_at',
      (eb) =>
        eb
          .selectFrom('account_item_scope as scope')
          .select(sql<string[] | null>`array_agg(scope.item_code ORDER BY scope.item_code)`.as('items'))
          .whereRef('scope.account_id', '=', 'account.id')
          .as('item_scope'),
    ]);
}

type AccountSelection = Awaited<ReturnType<ReturnType<typeof accountQuery>['executeTakeFirstOrThrow']>>;

function toAccountRow(row: AccountSelection): AccountRow {
  return {
    id: Number(row.id),
    username: row.username,
    displayName: row.display_name,
    // account_role_known (migration 20261122120000) admits only AccountRole values.
    role: row.role as AccountRole,
    organizationCode: row.organization_code,
    organizationName: row.organization_name,
    subjectCode: row.subject_code,
    operatorIdNumber: row.operator_id_number,
    itemScope: row.item_scope,
    status: row.status,
    passwordMustChange: row.password_must_change,
    createdAt: row.created_at,
  };
}

export async function findAccountById(db: Db, id: number): Promise<AccountRow | undefined> {
  const row = await accountQuery(db).where('account.id', '=', id).executeTakeFirst();
  return row && toAccountRow(row);
}

/** The account and its password hash, for sign-in only. */
export async function findAccountForSignIn(
  db: Db,
  username: string,
): Promise<(AccountRow & { passwordHash: string }) | undefined> {
  const row = await accountQuery(db)
    .select('account.password_hash')
    .where('account.username', '=', username)
    .executeTakeFirst();
  return row && { ...toAccountRow(row), passwordHash: row.password_hash };
}

/** Scopes a new account to catalog items (002 第九条 ¶2; R89). */
export async function insertAccountItemScope(
  db: Db,
  accountId: number,
  itemCodes: readonly string[],
): Promise<void> {
  if (itemCodes.length === 0) return;
  await db
    .insertInto('account_item_scope')
    .values(itemCodes.map((itemCode) => ({ account_id: accountId, item_code: itemCode })))
    .execute();
}

export async function passwordHashOf(db: Db, accountId: number): Promise<string> {
  const row = await db
    .selectFrom('account')
    .select('password_hash')
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  return row.password_hash;
}

export async function listAccounts(db: Db): Promise<AccountRow[]> {
  const rows = await accountQuery(db).orderBy('account.id').execute();
  return rows.map(toAccountRow);
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const row = await db.selectFrom('account').select('id').where('username', '=', username).executeTakeFirst();
  return row !== undefined;
}

export async function updateAccount(
  db: Db,
  id: number,
  change: {
    status?: 'active' | 'disabled';
    passwordHash?: string;
    passwordMustChange?: boolean;
  },
  updatedAt: Date,
): Promise<void> {
  await db
    .updateTable('account')
    .set({
      ...(change.status !== undefined && { status: change.status }),
      ...(change.passwordHash !== undefined && { password_hash: change.passwordHash }),
      ...(change.passwordMustChange !== undefined && { password_must_change: change.passwordMustChange }),
      updated_at: updatedAt,
    })
    .where('id', '=', id)
    .execute();
}

// Sessions ---------------------------------------------------------------------------------------------

export interface NewSession {
  tokenHash: string;
  accountId: number;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  clientAddress: string | null;
  userAgent: string | null;
}

export interface SessionRow {
  id: number;
  accountId: number;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
  clientAddress: string | null;
  userAgent: string | null;
  verifiedSubjectCode: string | null;
  verifiedAt: Date | null;
  verificationMethod: string | null;
}

export type SessionEndReason = NonNullable<Database['account_session']['end_reason']>;

export async function insertSession(db: Db, session: NewSession): Promise<number> {
  const row = await db
    .insertInto('account_session')
    .values({
      token_hash: session.tokenHash,
      account_id: session.accountId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      last_seen_at: session.createdAt,
      expires_at: session.expiresAt,
      client_address: session.clientAddress,
      user_agent: session.userAgent,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

function sessionQuery(db: Db) {
  return db
    .selectFrom('account_session')
    .select([
      'id',
      'account_id',
      'csrf_token',
      'created_at',
      'last_seen_at',
      'expires_at',
      'ended_at',
      'client_address',
      'user_agent',
      'verified_subject_code',
      'verified_at',
      'verification_method',
    ]);
}

type SessionSelection = Awaited<ReturnType<ReturnType<typeof sessionQuery>['executeTakeFirstOrThrow']>>;

function toSessionRow(row: SessionSelection): SessionRow {
  return {
    id: Number(row.id),
    accountId: Number(row.account_id),
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    endedAt: row.ended_at,
    clientAddress: row.client_address,
    userAgent: row.user_agent,
    verifiedSubjectCode: row.verified_subject_code,
    verifiedAt: row.verified_at,
    verificationMethod: row.verification_method,
  };
}

export async function findSessionByTokenHash(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  const row = await sessionQuery(db).where('token_hash', '=', tokenHash).executeTakeFirst();
  return row && toSessionRow(row);
}

export async function findSessionById(db: Db, id: number): Promise<SessionRow | undefined> {
  const row = await sessionQuery(db).where('id', '=', id).executeTakeFirst();
  return row && toSessionRow(row);
}

export async function openSessionsOf(db: Db, accountId: number): Promise<SessionRow[]> {
  const rows = await sessionQuery(db)
    .where('account_id', '=', accountId)
    .where('ended_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toSessionRow);
}

export async function touchSession(db: Db, id: number, seenAt: Date): Promise<void> {
  await db.updateTable('account_session').set({ last_seen_at: seenAt }).where('id', '=', id).execute();
}

export async function endSession(db: Db, id: number, reason: SessionEndReason, at: Date): Promise<void> {
  await db
    .updateTable('account_session')
    .set({ ended_at: at, end_reason: reason })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .execute();
}

/** Ends every open session of an account (disabled, password reset); answers how many were open. */
export async function endSessionsOf(
  db: Db,
  accountId: number,
  reason: SessionEndReason,
  at: Date,
  except: number | null = null,
): Promise<number> {
  let query = db
    .updateTable('account_session')
    .set({ ended_at: at, end_reason: reason })
    .where('account_id', '=', accountId)
    .where('ended_at', 'is', null);
  if (except !== null) query = query.where('id', '!=', except);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function markSessionVerified(
  db: Db,
  id: number,
  verification: { subjectCode: string; method: string; at: Date },
): Promise<void> {
  await db
    .updateTable('account_session')
    .set({
      verified_subject_code: verification.subjectCode,
      verified_at: verification.at,
      verification_method: verification.method,
    })
    .where('id', '=', id)
    .execute();
}

// Sign-in attempts -------------------------------------------------------------------------------------

export async function insertLoginAttempt(
  db: Db,
  attempt: {
    username: string;
    at: Date;
    outcome: 'success' | 'failure' | 'locked';
    clientAddress: string | null;
  },
): Promise<void> {
  await db
    .insertInto('login_attempt')
    .values({
      username: attempt.username,
      attempted_at: attempt.at,
      outcome: attempt.outcome,
      client_address: attempt.clientAddress,
    })
    .execute();
}

/**
 * Serialises sign-in attempts for one username until the transaction ends, so parallel guesses cannot all
 * read fewer failures than the lockout threshold before any of them is recorded.
 */
export async function serializeSignIns(db: Transaction<Database>, username: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`gongxin.sign_in:${username}`}))`.execute(db);
}

/** The username's attempts since `since`, newest first (the lockout rule reads at most `limit`). */
export async function recentLoginAttempts(
  db: Db,
  username: string,
  since: Date,
  limit: number,
): Promise<Array<{ at: Date; outcome: 'success' | 'failure' | 'locked' }>> {
  const rows = await db
    .selectFrom('login_attempt')
    .select(['attempted_at', 'outcome'])
    .where('username', '=', username)
    .where('attempted_at', '>', since)
    .orderBy('attempted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ at: row.attempted_at, outcome: row.outcome }));
}

// Single sign-on links -----------------------------------------------------------------------------------

export async function linkIdentity(
  db: Db,
  link: { issuer: string; subject: string; accountId: number; at: Date },
): Promise<void> {
  await db
    .insertInto('account_identity')
    .values({ issuer: link.issuer, subject: link.subject, account_id: link.accountId, linked_at: link.at })
    .execute();
}

export async function accountIdByIdentity(
  db: Db,
  issuer: string,
  subject: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('account_identity')
    .select('account_id')
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
  return row && Number(row.account_id);
}

export async function identityLinked(db: Db, issuer: string, subject: string): Promise<boolean> {
  return (await accountIdByIdentity(db, issuer, subject)) !== undefined;
}

// API clients --------------------------------------------------------------------------------------------

export interface ApiClientRow {
  clientId: string;
  organizationCode: string;
  organizationName: string;
  name: string;
  scopes: string[];
  status: 'active' | 'revoked';
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
  lastTokenAt: Date | null;
}

export async function insertApiClient(
  db: Db,
  apiClient: {
    clientId: string;
    organizationCode: string;
    name: string;
    scopes: string[];
    secretHash: string;
    createdAt: Date;
    createdBy: string;
  },
): Promise<void> {
  await db
    .insertInto('api_client')
    .values({
      client_id: apiClient.clientId,
      organization_code: apiClient.organizationCode,
      name: apiClient.name,
      scopes: apiClient.scopes,
      secret_hash: apiClient.secretHash,
      created_at: apiClient.createdAt,
      created_by: apiClient.createdBy,
    })
    .execute();
}

function apiClientQuery(db: Db) {
  return db
    .selectFrom('api_client')
    .innerJoin('organization', 'organization.code', 'api_client.organization_code')
    .select([
      'api_client.client_id',
      'api_client.organization_code',
      'organization.name as organization_name',
      'api_client.name',
      'api_client.scopes',
      'api_client.status',
      'api_client.created_at',
      'api_client.created_by',
      'api_client.revoked_at',
      'api_client.last_token_at',
    ]);
}

type ApiClientSelection = Awaited<ReturnType<ReturnType<typeof apiClientQuery>['executeTakeFirstOrThrow']>>;

function toApiClientRow(row: ApiClientSelection): ApiClientRow {
  return {
    clientId: row.client_id,
    organizationCode: row.organization_code,
    organizationName: row.organization_name,
    name: row.name,
    scopes: row.scopes,
    status: row.status,
    createdAt: row.created_at,
    createdBy: row.created_by,
    revokedAt: row.revoked_at,
    lastTokenAt: row.last_token_at,
  };
}

export async function listApiClients(
  db: Db,
  organizationCode: string | null = null,
): Promise<ApiClientRow[]> {
  let query = apiClientQuery(db);
  if (organizationCode !== null) query = query.where('api_client.organization_code', '=', organizationCode);
  const rows = await query.orderBy('api_client.created_at').orderBy('api_client.client_id').execute();
  return rows.map(toApiClientRow);
}

export async function findApiClient(db: Db, clientId: string): Promise<ApiClientRow | undefined> {
  const row = await apiClientQuery(db).where('api_client.client_id', '=', clientId).executeTakeFirst();
  return row && toApiClientRow(row);
}

export async function apiClientSecretHash(db: Db, clientId: string): Promise<string | null> {
  const row = await db
    .selectFrom('api_client')
    .select('secret_hash')
    .where('client_id', '=', clientId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row?.secret_hash ?? null;
}

export async function revokeApiClient(db: Db, clientId: string, at: Date, by: string): Promise<void> {
  await db
    .updateTable('api_client')
    .set({ status: 'revoked', revoked_at: at, revoked_by: by })
    .where('client_id', '=', clientId)
    .execute();
}

export async function noteTokenIssued(db: Db, clientId: string, at: Date): Promise<void> {
  await db.updateTable('api_client').set({ last_token_at: at }).where('client_id', '=', clientId).execute();
}

// Flows in progress --------------------------------------------------------------------------------------

export interface AuthFlowRow {
  flowHash: string;
  purpose: Database['auth_flow']['purpose'];
  sessionId: number | null;
  state: string | null;
  nonce: string | null;
  codeVerifier: string | null;
  codeHash: string | null;
  claimedName: string | null;
  claimedIdNumber: string | null;
  attempts: number;
  expiresAt: Date;
  finishedAt: Date | null;
}

export async function insertAuthFlow(
  db: Db,
  flow: Omit<AuthFlowRow, 'attempts' | 'finishedAt'> & { createdAt: Date },
): Promise<void> {
  await db
    .insertInto('auth_flow')
    .values({
      flow_hash: flow.flowHash,
      purpose: flow.purpose,
      session_id: flow.sessionId,
      state: flow.state,
      nonce: flow.nonce,
      code_verifier: flow.codeVerifier,
      code_hash: flow.codeHash,
      claimed_name: flow.claimedName,
      claimed_id_number: flow.claimedIdNumber,
      created_at: flow.createdAt,
      expires_at: flow.expiresAt,
    })
    .execute();
}

export async function findAuthFlow(db: Db, flowHash: string): Promise<AuthFlowRow | undefined> {
  const row = await db
    .selectFrom('auth_flow')
    .selectAll()
    .where('flow_hash', '=', flowHash)
    .executeTakeFirst();
  return (
    row && {
      flowHash: row.flow_hash,
      purpose: row.purpose,
      sessionId: row.session_id === null ? null : Number(row.session_id),
      state: row.state,
      nonce: row.nonce,
      codeVerifier: row.code_verifier,
      codeHash: row.code_hash,
      claimedName: row.claimed_name,
      claimedIdNumber: row.claimed_id_number,
      attempts: row.attempts,
      expiresAt: row.expires_at,
      finishedAt: row.finished_at,
    }
  );
}

export async function countFlowAttempt(db: Db, flowHash: string): Promise<void> {
  await db
    .updateTable('auth_flow')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('flow_hash', '=', flowHash)
    .execute();
}

/** Closes a flow for good and forgets the identity it carried. */
export async function finishAuthFlow(db: Db, flowHash: string, at: Date): Promise<void> {
  await db
    .updateTable('auth_flow')
    .set({
      finished_at: at,
      claimed_name: null,
      claimed_id_number: null,
      code_hash: null,
      code_verifier: null,
    })
    .where('flow_hash', '=', flowHash)
    .execute();
}

// Organizations, as account administration needs them -----------------------------------------------------

export async function findOrganization(
  db: Db,
  code: string,
): Promise<
  { code: string; name: string; nameEn: string | null; kind: string; isProvider: boolean } | undefined
> {
  const row = await db
    .selectFrom('organization')
    .select(['code', 'name', 'name_en', 'kind', 'is_provider'])
    .where('code', '=', code)
    .executeTakeFirst();
  return (
    row && {
      code: row.code,
      name: row.name,
      nameEn: row.name_en,
      kind: row.kind,
      isProvider: row.is_provider,
    }
  );
}

export async function listOrganizations(
  db: Db,
): Promise<Array<{ code: string; name: string; nameEn: string | null; kind: string; isProvider: boolean }>> {
  const rows = await db
    .selectFrom('organization')
    .select(['code', 'name', 'name_en', 'kind', 'is_provider'])
    .orderBy('code')
    .execute();
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    kind: row.kind,
    isProvider: row.is_provider,
  }));
}

export async function findSubject(
  db: Db,
  subjectCode: string,
): Promise<
  | {
      code: string;
      name: string;
      kind: string;
      codeType: string;
      divisionCode: string;
      registeredOn: string | null;
      legalRepresentative: string | null;
    }
  | undefined
> {
  const row = await db
    .selectFrom('subject')
    .select([
      'subject_code',
      'name',
      'kind',
      'code_type',
      'division_code',
      'registered_on',
      'legal_representative',
    ])
    .where('subject_code', '=', subjectCode)
    .executeTakeFirst();
  return (
    row && {
      code: row.subject_code,
      name: row.name,
      kind: row.kind,
      codeType: row.code_type,
      divisionCode: row.division_code,
      registeredOn: row.registered_on,
      legalRepresentative: row.legal_representative,
    }
  );
}
