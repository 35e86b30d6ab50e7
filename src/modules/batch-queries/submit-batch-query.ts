import { randomBytes } from 'node:crypto';
import { versionInForce } from '../../core/policy/resolver.ts';
import { batchRefusal } from '../../core/queries/batch.ts';
import { HttpProblem } from '../../http/errors.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { type BatchQuery, findApprovalFor, insertBatch } from './store.ts';

export const MAX_BATCH_SUBJECTS = 100_000;

/**
 * An agency's batch of subject codes (000 第二十一条 ¶2; R98, R99): refused without an approval in force, else
 * stored as a job that answers each subject as an individual, logged query (run-batch-query.ts).
 */
export async function submitBatchQuery(
  ctx: UseCaseContext,
  input: { organizationCode: string | null; submittedBy: string; purpose: string; codes: readonly string[] },
): Promise<BatchQuery> {
  if (!input.organizationCode)
    throw new HttpProblem(403, 'FORBIDDEN', '须以信用服务机构账号提交 / an agency account is required');
  const codes = input.codes.map((code) => code.trim().toUpperCase()).filter(Boolean);
  if (codes.length === 0) throw new InvalidInputError('codes', '名单为空', 'the list holds no code');
  if (codes.length > MAX_BATCH_SUBJECTS) {
    throw new InvalidInputError(
      'codes',
      `一批最多 ${MAX_BATCH_SUBJECTS} 个主体`,
      `at most ${MAX_BATCH_SUBJECTS} subjects`,
    );
  }
  if (input.purpose.trim() === '')
    throw new InvalidInputError('purpose', '须填写查询用途', 'the purpose is required');
  const today = ctx.clock.today();
  const { queries } = versionInForce(ctx.profile, today).version.parameters;
  const approval = await findApprovalFor(ctx.db, input.organizationCode, today.toString());
  const refusal = batchRefusal(queries, approval ?? null, today);
  if (refusal || !approval) {
    const problem = refusal ?? { code: 'BATCH_NOT_APPROVED', zh: '未获批准', en: 'not approved' };
    throw new HttpProblem(403, problem.code, `${problem.zh} / ${problem.en}`);
  }
  const now = ctx.clock.now();
  const batch = {
    batchId: `B-${today.toString().replaceAll('-', '')}-${randomBytes(4).toString('hex').toUpperCase()}`,
    organizationCode: input.organizationCode,
    approvalId: approval.approvalId,
    submittedBy: input.submittedBy,
    purpose: input.purpose.trim(),
    total: codes.length,
    createdAt: now,
  };
  await insertBatch(ctx.db, batch, codes);
  await ctx.audit.record({
    action: 'batch_query.submitted',
    objectType: 'batch_query',
    objectId: batch.batchId,
    purpose: batch.purpose,
    payload: { approvalId: approval.approvalId, codes },
  });
  return { ...batch, status: 'RUNNING', done: 0, finishedAt: null };
}
