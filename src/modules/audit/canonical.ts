/**
 * The bytes an audit event's Merkle leaf hashes: HASH(0x00 || canonicalEventBytes(event)).
 *
 * Version 1, UTF-8: the line `gongxin.audit_event.v1`, then every column of audit_event in this fixed
 * order, each on its own line as `<byte length>:<value>` (or `-` for SQL NULL):
 *   id, occurred_at, actor, organization_code, action, object_type, object_id, purpose, request_id,
 *   payload_hash, detail
 * `id` is decimal; `occurred_at` is UTC with microseconds (`2026-11-22T10:00:00.123000Z`), the column's
 * full precision; `detail` is PostgreSQL's text form of the jsonb value (keys in jsonb's own order),
 * which is deterministic for a given value. The length prefixes make the encoding unambiguous, so a
 * change to any column, even one that moves characters from one field to the next, changes the leaf.
 */
export interface CanonicalEvent {
  id: number;
  occurredAt: string;
  actor: string;
  organizationCode: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  purpose: string | null;
  requestId: string | null;
  payloadHash: string;
  detail: string;
}

export const CANONICAL_EVENT_VERSION = 'gongxin.audit_event.v1';

function field(value: string | null): string {
  return value === null ? '-\n' : `${Buffer.byteLength(value, 'utf8')}:${value}\n`;
}

export function canonicalEventBytes(event: CanonicalEvent): Buffer {
  return Buffer.from(
    `${CANONICAL_EVENT_VERSION}\n${field(String(event.id))}${field(event.occurredAt)}${field(event.actor)}` +
      `${field(event.organizationCode)}${field(event.action)}${field(event.objectType)}` +
      `${field(event.objectId)}${field(event.purpose)}${field(event.requestId)}` +
      `${field(event.payloadHash)}${field(event.detail)}`,
    'utf8',
  );
}

/** A timestamp in the canonical form, from a JS Date (millisecond precision, so the microseconds are 000). */
export function isoMicros(date: Date): string {
  return date.toISOString().replace(/Z$/, '000Z');
}
