import type { UseCaseContext } from '../../platform/context.ts';
import { finishBatch } from './store.ts';

/**
 * Closes a batch: DONE once every row was accepted, found unchanged or returned; FAILED when the run broke
 * off (an unreadable file part-way, a database error), with the reason, so the provider sees the batch
 * ended and can submit the file again without creating duplicates.
 */
export async function finishBatchRun(
  ctx: UseCaseContext,
  input: { batchId: number; columns: readonly string[]; failure: unknown },
): Promise<void> {
  const failure =
    input.failure === null
      ? null
      : input.failure instanceof Error
        ? input.failure.message
        : String(input.failure);
  await finishBatch(ctx.db, input.batchId, {
    status: failure === null ? 'DONE' : 'FAILED',
    failure,
    columns: input.columns,
    at: ctx.clock.now(),
  });
  await ctx.audit.record({
    action: failure === null ? 'collection.batch_done' : 'collection.batch_failed',
    objectType: 'collection_batch',
    objectId: String(input.batchId),
    payload: { batch: input.batchId, failure },
  });
}
