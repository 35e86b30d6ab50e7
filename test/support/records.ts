import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';

export interface StoredRecordFixture {
  subjectCode: string;
  itemCode: string;
  providerCode: string;
  /** Defaults to the item's published attribute. */
  disclosure?: 'public' | 'authorized' | 'government';
  state?: string;
  recordStart?: string;
  disclosureLastDay?: string | null;
  content?: Record<string, unknown>;
}

/**
 * A record stored as collection leaves it (record, version 1, its batch), for disclosure tests that are about
 * who sees a record, not about how it was collected (collection has its own tests through its three doors).
 */
export async function storeRecord(db: Kysely<Database>, fixture: StoredRecordFixture): Promise<number> {
  const item = await db
    .selectFrom('catalog_item_version')
    .select(['version', 'definition'])
    .where('item_code', '=', fixture.itemCode)
    .where('status', '=', 'PUBLISHED')
    .executeTakeFirstOrThrow();
  const definition = item.definition as { category: string; disclosure: string };
  const now = new Date('2024-03-01T02:00:00Z');
  const batch = await db
    .insertInto('collection_batch')
    .values({
      item_code: fixture.itemCode,
      item_version: item.version,
      provider_code: fixture.providerCode,
      channel: 'api',
      file_name: null,
      columns: '[]',
      submitted_by: 'test',
      received_at: now,
      progressed_at: now,
      status: 'DONE',
      resubmits: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const record = await db
    .insertInto('credit_record')
    .values({
      subject_code: fixture.subjectCode,
      item_code: fixture.itemCode,
      provider_code: fixture.providerCode,
      record_key: `fixture:${batch.id}`,
      category: definition.category,
      disclosure: fixture.disclosure ?? definition.disclosure,
      state: fixture.state ?? 'ACTIVE',
      current_version: 1,
      division_code: '350200',
      record_start: fixture.recordStart ?? '2024-03-01',
      disclosure_last_day: fixture.disclosureLastDay ?? null,
      expires_on: null,
      open_ended: fixture.disclosureLastDay == null,
      record_period_end: null,
      repair_eligible_from: null,
      derived_from_subject: null,
      derived_from_record: null,
      flags: [],
      created_at: now,
      updated_at: now,
    })
    .returning('record_id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('credit_record_version')
    .values({
      subject_code: fixture.subjectCode,
      record_id: record.record_id,
      version: 1,
      item_version: item.version,
      content: JSON.stringify(fixture.content ?? {}),
      payload_hash: `fixture-${batch.id}`,
      provider_code: fixture.providerCode,
      operator: 'test',
      channel: 'api',
      batch_id: batch.id,
      row_number: 1,
      submitted_at: now,
      source_id: null,
      modified_on: null,
      working_days_late: null,
      case_reference: null,
    })
    .execute();
  return record.record_id;
}
