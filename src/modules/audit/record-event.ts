import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import { assignTransactionId, insertAuditEvent } from './store.ts';

export interface AuditEventInput {
  /** What was done, as `module.verb`: `seed.demo_city`, `provider.create`. */
  action: string;
  objectType: string;
  objectId?: string | null;
  purpose?: string | null;
  /** The payload the event is about; stored as its SM3 hash, so the log proves content without holding it. */
  payload: unknown;
  /** A few non-personal facts worth reading in the log (counts, ids). Never personal data. */
  detail?: Record<string, unknown>;
}

export interface AuditRecorder {
  record(event: AuditEventInput): Promise<void>;
}

/** JSON with object keys sorted, so the same payload always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : item,
  );
}

export function payloadHash(payload: unknown): string {
  return createHash('sm3')
    .update(canonicalJson(payload) ?? 'null')
    .digest('hex');
}

/** Records audit events inside the use case's own transaction (DESIGN: the write and its event commit together). */
export function auditRecorder(
  db: Transaction<Database>,
  clock: Clock,
  actor: Actor,
  requestId: string | null,
): AuditRecorder {
  let transactionIdAssigned = false;
  return {
    async record(event) {
      if (!transactionIdAssigned) {
        await assignTransactionId(db);
        transactionIdAssigned = true;
      }
      await insertAuditEvent(db, {
        occurredAt: clock.now(),
        actor: actor.id,
        organizationCode: actor.organizationCode,
        action: event.action,
        objectType: event.objectType,
        objectId: event.objectId ?? null,
        purpose: event.purpose ?? null,
        requestId,
        payloadHash: payloadHash(event.payload),
        detail: event.detail ?? {},
      });
    },
  };
}
