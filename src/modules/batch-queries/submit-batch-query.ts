import { randomBytes } from 'node:crypto';
import { batchViewerOf } from '../../core/queries/batch.ts';
import { checkGovernmentQueryDeclaration } from '../../core/queries/government-query.ts';
import { HttpProblem } from '../../http/errors.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { governmentRefusal } from '../disclosure/querier.ts';
import { operatorRefusal } from '../disclosure/query-as-government.ts';
import { batchAccessOf } from './read-batch-access.ts';
import { type BatchQuery, insertBatch } from './store.ts';

export const MAX_BATCH_SUBJECTS = 100_000;

/** What a government unit's system states with its batch (004 第二十五条; R86, R88). */
export interface BatchDeclaration {
  scenario: string | null;
  scenarioBasis: string | null;
  /** API: its business system's call, which names its end operator; ONLINE: the signed-in account. */
  channel: 'API' | 'ONLINE';
  operator: string | null;
  /** The items the signed-in query account is scoped to (002 第九条 ¶2; R89); null: not scoped. */
  itemScope: readonly string[] | null;
}

/**
 * A party's batch of subject codes (000 第二十一条 ¶2; 004 第二十三条, 第二十四条; R98–R100): refused without an
 * approval or sharing agreement in force, else stored as a job that answers each subject as an individual,
 * logged query (run-batch-query.ts). A government unit's batch is judged as a government query (R63), so it
 * declares a purpose from the city's list like one; the grant it runs under stands for the case reference.
 */
export async function submitBatchQuery(
  ctx: UseCaseContext,
  input: {
    organizationCode: string | null;
    submittedBy: string;
    purpose: string;
    codes: readonly string[];
    /** Given on the government units' route; the batch port's parties declare a purpose only. */
    declaration?: BatchDeclaration;
  },
): Promise<BatchQuery> {
  if (!input.organizationCode)
    throw new HttpProblem(403, 'FORBIDDEN', '须以单位账号提交 / an organization account is required');
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
  const { queries, party, approval, refusal } = await batchAccessOf(ctx, input.organizationCode);
  if (refusal || !approval || !party) {
    const problem = refusal ?? { code: 'BATCH_NOT_APPROVED', zh: '未获批准', en: 'not approved' };
    throw new HttpProblem(403, problem.code, `${problem.zh} / ${problem.en}`);
  }
  const viewer = batchViewerOf(party);
  const declaration = viewer === 'GOV' ? input.declaration : undefined;
  if (viewer === 'GOV') {
    const stated = {
      scenario: declaration?.scenario ?? null,
      scenarioBasis: declaration?.scenarioBasis ?? null,
      purpose: input.purpose,
      caseReference: approval.approvalId,
    };
    const problem =
      operatorRefusal({
        channel: declaration?.channel ?? 'ONLINE',
        operator: declaration?.operator ?? null,
      }) ?? checkGovernmentQueryDeclaration(stated, queries);
    if (problem) throw governmentRefusal(problem);
  }
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  const batch = {
    batchId: `B-${today.toString().replaceAll('-', '')}-${randomBytes(4).toString('hex').toUpperCase()}`,
    organizationCode: input.organizationCode,
    approvalId: approval.approvalId,
    submittedBy: input.submittedBy,
    purpose: input.purpose.trim(),
    viewer,
    scenario: declaration?.scenario ?? null,
    scenarioBasis: declaration?.scenarioBasis ?? null,
    operator: declaration?.operator ?? null,
    itemScope: declaration?.itemScope ? [...declaration.itemScope] : null,
    total: codes.length,
    createdAt: now,
  };
  await insertBatch(ctx.db, batch, codes);
  await ctx.audit.record({
    action: 'batch_query.submitted',
    objectType: 'batch_query',
    objectId: batch.batchId,
    purpose: batch.purpose,
    payload: { approvalId: approval.approvalId, viewer, scenario: batch.scenario, codes },
  });
  return { ...batch, status: 'RUNNING', done: 0, finishedAt: null };
}
