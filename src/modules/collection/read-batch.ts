import type { Kysely } from 'kysely';
import { HttpProblem } from '../../http/errors.ts';
import type { Database } from '../../platform/db/schema.ts';
import { type BatchRow, findBatch, listBatches } from './store.ts';

/**
 * A provider sees its own organization's batches only; the center's overview (`providerCode` null) sees
 * every provider's. A batch of another provider reads as not found, so ids reveal nothing.
 */
export async function readBatch(
  db: Kysely<Database>,
  input: { batchId: number; providerCode: string | null },
): Promise<BatchRow> {
  const batch = await findBatch(db, input.batchId);
  if (!batch || (input.providerCode !== null && batch.providerCode !== input.providerCode)) {
    throw new HttpProblem(404, 'BATCH_NOT_FOUND', `没有编号为 ${input.batchId} 的报送批次`);
  }
  return batch;
}

export function listProviderBatches(
  db: Kysely<Database>,
  input: { providerCode: string | null; limit: number; offset: number },
) {
  return listBatches(db, input);
}
