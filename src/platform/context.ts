import type { Kysely, Transaction } from 'kysely';
import type { PolicyProfile } from '../core/policy/types.ts';
import { type AuditRecorder, auditRecorder } from '../modules/audit/record-event.ts';
import type { Clock } from './clock.ts';
import type { Database } from './db/schema.ts';

/** Who acts. Every use case knows its actor, and the audit log names it. */
export interface Actor {
  kind: 'system' | 'anonymous' | 'account' | 'api_client';
  /** A stable id for the audit log: `system:seed`, `anonymous`, `account:42`, `client:gxc_…`. */
  id: string;
  organizationCode: string | null;
}

export const anonymousActor: Actor = { kind: 'anonymous', id: 'anonymous', organizationCode: null };

export function systemActor(task: string): Actor {
  return { kind: 'system', id: `system:${task}`, organizationCode: null };
}

/** What a process holds for its whole life and hands to every use case. */
export interface Platform {
  db: Kysely<Database>;
  clock: Clock;
  /** The instance's city profile with all its loaded versions; rules pick the version in force on a date. */
  profile: PolicyProfile;
}

/** A database handle for reads: the use case's transaction, or the pool for a read that needs none. */
export type Db = Kysely<Database> | Transaction<Database>;

/** What a use case that only reads, and records nothing, is given (runReadOnly). */
export interface ReadContext {
  db: Db;
  clock: Clock;
  profile: PolicyProfile;
  actor: Actor;
}

/** The argument of every use case (DESIGN house rules): one transaction, the clock, the profile, the actor, the audit log. */
export interface UseCaseContext {
  db: Transaction<Database>;
  clock: Clock;
  profile: PolicyProfile;
  actor: Actor;
  audit: AuditRecorder;
}

/**
 * Runs one use case in one transaction; the audit events it records commit or roll back with its writes.
 */
export function runUseCase<T>(
  platform: Platform,
  actor: Actor,
  useCase: (ctx: UseCaseContext) => Promise<T>,
  requestId: string | null = null,
): Promise<T> {
  return platform.db.transaction().execute((db) =>
    useCase({
      db,
      clock: platform.clock,
      profile: platform.profile,
      actor,
      audit: auditRecorder(db, platform.clock, actor, requestId),
    }),
  );
}

/**
 * Runs a use case that only reads and records nothing (no audit event, no query log) outside a transaction.
 * Every use case runs at READ COMMITTED, where each statement reads its own snapshot either way, so BEGIN and
 * COMMIT bought such a read nothing but two round trips (npm run bench -- report).
 */
export function runReadOnly<T>(
  platform: Platform,
  actor: Actor,
  read: (ctx: ReadContext) => Promise<T>,
): Promise<T> {
  return read({ db: platform.db, clock: platform.clock, profile: platform.profile, actor });
}
