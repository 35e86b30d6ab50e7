import type { UseCaseContext } from '../../platform/context.ts';
import { failStalledBatches } from './store.ts';

/**
 * How long a RUNNING batch may go without committing a chunk before it is taken for the batch of a process
 * that died. A chunk commits within seconds; a quarter of an hour leaves room for a database paused by a
 * backup or a machine under load, and is short enough that a provider is not left waiting the day.
 */
export const STALLED_AFTER_MS = 15 * 60 * 1000;

/** What the provider reads on such a batch: what happened, and that submitting the file again is safe. */
export const INTERRUPTED =
  '处理中断：处理该批次的进程已停止，请重新提交该文件（已入库的行不会重复入库） / ' +
  'interrupted: the process handling this batch stopped; submit the file again (rows already stored are not stored twice)';

/**
 * Ends as FAILED the batches a dead process left RUNNING (a crash, a killed `gongxin import`), so the provider
 * and the center see them ended (000 第十五条: the provider learns the outcome of what it submitted) and the
 * file is submitted again; identical rows then come back `unchanged` (idempotent collection, issue #5).
 */
export async function endStalledBatches(ctx: UseCaseContext): Promise<number[]> {
  const now = ctx.clock.now();
  const ended = await failStalledBatches(
    ctx.db,
    new Date(now.getTime() - STALLED_AFTER_MS),
    INTERRUPTED,
    now,
  );
  for (const batch of ended) {
    await ctx.audit.record({
      action: 'collection.batch_failed',
      objectType: 'collection_batch',
      objectId: String(batch),
      payload: { batch, failure: INTERRUPTED },
    });
  }
  return ended;
}
