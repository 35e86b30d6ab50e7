import { HttpProblem } from '../../http/errors.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { findOrganization } from '../organizations/store.ts';
import { approvalExists, type BatchApproval, insertApproval } from './store.ts';

export type ApprovalInput = Omit<BatchApproval, 'approvedBy' | 'createdAt'>;

/**
 * Records the competent department's approval of an agency's batch access (000 第二十一条 ¶2: 经市社会信用主管
 * 部门同意): approval number, scope, validity and the security conditions it was given on (R98).
 */
export async function approveBatchAgency(
  ctx: UseCaseContext,
  input: ApprovalInput & { approvedBy: string },
): Promise<BatchApproval> {
  const agency = await findOrganization(ctx.db, input.organizationCode);
  if (agency?.kind !== 'credit_service_agency') {
    throw new InvalidInputError(
      'organizationCode',
      '不是已登记的信用服务机构',
      'not a registered credit service agency',
    );
  }
  if (input.validUntil < input.validFrom) {
    throw new InvalidInputError('validUntil', '有效期截止日早于起始日', 'the validity ends before it starts');
  }
  if (await approvalExists(ctx.db, input.approvalId)) {
    throw new HttpProblem(409, 'APPROVAL_EXISTS', `批准文号 ${input.approvalId} 已登记 / already recorded`);
  }
  const approval: BatchApproval = { ...input, createdAt: ctx.clock.now() };
  await insertApproval(ctx.db, approval);
  await ctx.audit.record({
    action: 'batch_query.approved',
    objectType: 'organization',
    objectId: input.organizationCode,
    payload: approval,
  });
  return approval;
}
