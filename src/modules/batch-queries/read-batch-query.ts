import type { Kysely, Transaction } from 'kysely';
import { HttpProblem } from '../../http/errors.ts';
import type { Database } from '../../platform/db/schema.ts';
import { type BatchQuery, findBatch } from './store.ts';

/** A batch and its progress, for the agency that submitted it only. */
export async function readBatchQuery(
  ctx: { db: Kysely<Database> | Transaction<Database> },
  input: { batchId: string; organizationCode: string | null },
): Promise<BatchQuery> {
  const batch = await findBatch(ctx.db, input.batchId);
  if (!batch || batch.organizationCode !== input.organizationCode) {
    throw new HttpProblem(404, 'BATCH_NOT_FOUND', '未找到该批次 / no such batch');
  }
  return batch;
}
