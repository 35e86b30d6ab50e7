import { runUseCase, systemActor } from '../../platform/context.ts';
import type { Job } from '../../platform/jobs.ts';
import { enforceObjectionDeadlines } from './enforce-objection-deadlines.ts';

/** Flags late objection steps and suspends records whose provider missed its verification (R6, R126, R129, R133). */
export const objectionDeadlinesJob: Job = {
  name: 'objection-deadlines',
  description:
    '异议处理期限：逾期标记、中止查询、监督记录 / objection deadlines: overdue, suspension, supervision',
  async run(platform) {
    const run = await runUseCase(platform, systemActor('objection-deadlines'), enforceObjectionDeadlines);
    return {
      summary: `${run.overdueSteps} 个环节逾期，${run.suspendedRecords} 条信息中止查询 / steps overdue, records suspended`,
      detail: { ...run },
    };
  },
};
