import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

export interface AuditEventRow {
  occurredAt: Date;
  actor: string;
  organizationCode: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  purpose: string | null;
  requestId: string | null;
  payloadHash: string;
  detail: Record<string, unknown>;
}

export async function insertAuditEvent(db: Transaction<Database>, event: AuditEventRow): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      occurred_at: event.occurredAt,
      actor: event.actor,
      organization_code: event.organizationCode,
      action: event.action,
      object_type: event.objectType,
      object_id: event.objectId,
      purpose: event.purpose,
      request_id: event.requestId,
      payload_hash: event.payloadHash,
      detail: JSON.stringify(event.detail),
    })
    .execute();
}
