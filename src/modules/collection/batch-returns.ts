import type { Kysely, Transaction } from 'kysely';
import type { RowReturn } from '../../core/collection/validation.ts';
import type { Database } from '../../platform/db/schema.ts';
import { listReturns, type StoredReturn } from './store.ts';

const PAGE = 1_000;

/** A returned row's reason as the provider reads it: `row` counts data rows from 1. */
export interface ReturnedRow {
  row: number;
  field: string | null;
  reason: RowReturn['reason'];
  message: string;
}

/** A batch's returned rows in row order, page by page, so a file with a million returns never sits in memory. */
export async function* storedReturns(
  db: Kysely<Database> | Transaction<Database>,
  batchId: number,
): AsyncGenerator<StoredReturn> {
  let afterRow = 0;
  for (;;) {
    const page = await listReturns(db, batchId, { afterRow, limit: PAGE });
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < PAGE) return;
    afterRow = last.rowNumber;
  }
}

/** Every reason of every returned row, one entry per reason. */
export async function* batchReturns(
  db: Kysely<Database> | Transaction<Database>,
  batchId: number,
): AsyncGenerator<ReturnedRow> {
  for await (const stored of storedReturns(db, batchId)) {
    for (const reason of stored.reasons) {
      yield { row: stored.rowNumber, field: reason.field, reason: reason.reason, message: reason.message };
    }
  }
}
