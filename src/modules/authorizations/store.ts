import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type AuthorizationForm = 'WRITTEN' | 'ONLINE_CODE' | 'SMS_VERIFICATION';
export type AuthorizationStatus = 'ACTIVE' | 'REVOKED' | 'CONSUMED';

export interface AuthorizationRow {
  subjectCode: string;
  authorizationId: number;
  granteeCode: string;
  granteeName: string;
  purpose: string;
  /** null: all 授权查询 items (R80). */
  items: string[] | null;
  form: AuthorizationForm;
  signedOn: string;
  validFrom: string;
  validUntil: string | null;
  accessCode: string | null;
  status: AuthorizationStatus;
  recordedBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export type NewAuthorization = Omit<AuthorizationRow, 'authorizationId' | 'status' | 'revokedAt'>;

function toRow(row: {
  subject_code: string;
  authorization_id: number;
  grantee_code: string;
  grantee_name: string;
  purpose: string;
  items: string[] | null;
  form: string;
  signed_on: string;
  valid_from: string;
  valid_until: string | null;
  access_code: string | null;
  status: string;
  recorded_by: string;
  created_at: Date;
  revoked_at: Date | null;
}): AuthorizationRow {
  return {
    subjectCode: row.subject_code,
    authorizationId: row.authorization_id,
    granteeCode: row.grantee_code,
    granteeName: row.grantee_name,
    purpose: row.purpose,
    items: row.items,
    form: row.form as AuthorizationForm,
    signedOn: row.signed_on,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    accessCode: row.access_code,
    status: row.status as AuthorizationStatus,
    recordedBy: row.recorded_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

export async function insertAuthorization(
  db: Db,
  authorization: NewAuthorization,
): Promise<AuthorizationRow> {
  const row = await db
    .insertInto('subject_authorization')
    .values({
      subject_code: authorization.subjectCode,
      grantee_code: authorization.granteeCode,
      grantee_name: authorization.granteeName,
      purpose: authorization.purpose,
      items: authorization.items,
      form: authorization.form,
      signed_on: authorization.signedOn,
      valid_from: authorization.validFrom,
      valid_until: authorization.validUntil,
      access_code: authorization.accessCode,
      status: 'ACTIVE',
      recorded_by: authorization.recordedBy,
      created_at: authorization.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRow(row);
}

/** The authorization an access code names for a subject; locked for the query that uses it. */
export async function findAuthorizationByCode(
  db: Db,
  subjectCode: string,
  accessCode: string,
): Promise<AuthorizationRow | undefined> {
  const row = await db
    .selectFrom('subject_authorization')
    .selectAll()
    .where('subject_code', '=', subjectCode)
    .where('access_code', '=', accessCode)
    .forUpdate()
    .executeTakeFirst();
  return row && toRow(row);
}

export async function findAuthorization(
  db: Db,
  subjectCode: string,
  authorizationId: number,
): Promise<AuthorizationRow | undefined> {
  const row = await db
    .selectFrom('subject_authorization')
    .selectAll()
    .where('subject_code', '=', subjectCode)
    .where('authorization_id', '=', authorizationId)
    .forUpdate()
    .executeTakeFirst();
  return row && toRow(row);
}

export async function listAuthorizationsOf(db: Db, subjectCode: string): Promise<AuthorizationRow[]> {
  const rows = await db
    .selectFrom('subject_authorization')
    .selectAll()
    .where('subject_code', '=', subjectCode)
    .orderBy('authorization_id', 'desc')
    .execute();
  return rows.map(toRow);
}

export async function setAuthorizationStatus(
  db: Db,
  authorization: AuthorizationRow,
  status: AuthorizationStatus,
  at: Date,
): Promise<void> {
  await db
    .updateTable('subject_authorization')
    .set({ status, revoked_at: status === 'REVOKED' ? at : authorization.revokedAt })
    .where('subject_code', '=', authorization.subjectCode)
    .where('authorization_id', '=', authorization.authorizationId)
    .execute();
}

/** A subject's active authorizations of one grantee, newest first: what an agency holds "on file". */
export async function listActiveAuthorizationsOf(
  db: Db,
  subjectCode: string,
  granteeCode: string,
): Promise<AuthorizationRow[]> {
  const rows = await db
    .selectFrom('subject_authorization')
    .selectAll()
    .where('subject_code', '=', subjectCode)
    .where('grantee_code', '=', granteeCode)
    .where('status', '=', 'ACTIVE')
    .orderBy('authorization_id', 'desc')
    .forUpdate()
    .execute();
  return rows.map(toRow);
}

export interface SmsRequest {
  subjectCode: string;
  requestId: number;
  granteeCode: string;
  granteeName: string;
  purpose: string;
  items: string[] | null;
  codeHash: string;
  expiresAt: Date;
  attempts: number;
  status: 'PENDING' | 'USED' | 'LOCKED';
}

export async function insertSmsRequest(
  db: Db,
  request: Omit<SmsRequest, 'requestId' | 'attempts' | 'status'> & { createdAt: Date },
): Promise<number> {
  const row = await db
    .insertInto('sms_authorization_request')
    .values({
      subject_code: request.subjectCode,
      grantee_code: request.granteeCode,
      grantee_name: request.granteeName,
      purpose: request.purpose,
      items: request.items,
      code_hash: request.codeHash,
      expires_at: request.expiresAt,
      status: 'PENDING',
      created_at: request.createdAt,
    })
    .returning('request_id')
    .executeTakeFirstOrThrow();
  return row.request_id;
}

export async function findSmsRequest(
  db: Db,
  subjectCode: string,
  requestId: number,
): Promise<SmsRequest | undefined> {
  const row = await db
    .selectFrom('sms_authorization_request')
    .selectAll()
    .where('subject_code', '=', subjectCode)
    .where('request_id', '=', requestId)
    .forUpdate()
    .executeTakeFirst();
  return (
    row && {
      subjectCode: row.subject_code,
      requestId: row.request_id,
      granteeCode: row.grantee_code,
      granteeName: row.grantee_name,
      purpose: row.purpose,
      items: row.items,
      codeHash: row.code_hash,
      expiresAt: row.expires_at,
      attempts: row.attempts,
      status: row.status as SmsRequest['status'],
    }
  );
}

export async function updateSmsRequest(
  db: Db,
  request: SmsRequest,
  change: { attempts: number; status: SmsRequest['status'] },
): Promise<void> {
  await db
    .updateTable('sms_authorization_request')
    .set(change)
    .where('subject_code', '=', request.subjectCode)
    .where('request_id', '=', request.requestId)
    .execute();
}
