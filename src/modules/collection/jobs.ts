import { runUseCase, systemActor } from '../../platform/context.ts';
import type { Job } from '../../platform/jobs.ts';
import { endStalledBatches } from './end-stalled-batches.ts';

/** Ends the collection batches a stopped process left RUNNING. */
export const stalledCollectionBatchesJob: Job = {
  name: 'collection-batches',
  description: '结束中断的报送批次 / end collection batches a stopped process left running',
  async run(platform) {
    const ended = await runUseCase(platform, systemActor('collection-batches'), endStalledBatches);
    return {
      summary: `${ended.length} 个报送批次已标记为中断 / batches marked interrupted`,
      detail: { ended },
    };
  },
};
