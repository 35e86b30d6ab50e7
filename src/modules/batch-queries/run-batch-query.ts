import { type Platform, runUseCase, systemActor } from '../../platform/context.ts';
import { answerBatchRows } from './answer-batch-rows.ts';
import { findBatch, finishBatch, runningBatchIds } from './store.ts';

/**
 * Runs a batch to the end, a chunk per transaction, so progress shows as it goes and a process that dies
 * mid-way loses at most one uncommitted chunk: the next run (`gongxin jobs run`, or the next submission's
 * runner) picks up the rows still unanswered.
 */
export async function runBatchQuery(platform: Platform, batchId: string): Promise<void> {
  const actor = systemActor('batch-query');
  for (;;) {
    const batch = await findBatch(platform.db, batchId);
    if (!batch || batch.status === 'DONE') return;
    const answered = await runUseCase(platform, actor, (ctx) => answerBatchRows(ctx, batch));
    if (answered === 0) {
      await runUseCase(platform, actor, async (ctx) => {
        if (!(await finishBatch(ctx.db, batchId, ctx.clock.now()))) return;
        await ctx.audit.record({
          action: 'batch_query.finished',
          objectType: 'batch_query',
          objectId: batchId,
          payload: { total: batch.total },
        });
      });
      return;
    }
  }
}

/** Finishes every batch a stopped process left running (the periodic job). */
export async function resumeBatchQueries(platform: Platform): Promise<number> {
  const ids = await runningBatchIds(platform.db);
  for (const id of ids) await runBatchQuery(platform, id);
  return ids.length;
}
