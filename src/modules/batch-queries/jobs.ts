import type { Job } from '../../platform/jobs.ts';
import { resumeBatchQueries } from './run-batch-query.ts';

/** Finishes the batches a stopped process left half answered. */
export const batchQueryJob: Job = {
  name: 'batch-queries',
  description: '完成未处理完的批量查询 / finish batch queries left running',
  async run(platform) {
    const resumed = await resumeBatchQueries(platform);
    return { summary: `${resumed} 个批次已处理完 / batches finished`, detail: { resumed } };
  },
};
