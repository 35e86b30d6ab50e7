import { DISCLOSURE_ATTRIBUTES } from '../../core/catalog/item.ts';
import { versionInForce } from '../../core/policy/resolver.ts';
import {
  attributesOpenTo,
  type BatchCoverage,
  coverageProblem,
  partyRefusal,
} from '../../core/queries/batch.ts';
import { HttpProblem } from '../../http/errors.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { publishedVersions } from '../catalog/store.ts';
import { findOrganization } from '../organizations/store.ts';
import { batchPartyOf } from './batch-party.ts';
import { approvalExists, type BatchApproval, insertApproval } from './store.ts';

export type ApprovalInput = Omit<BatchApproval, 'approvedBy' | 'createdAt' | 'basis' | keyof BatchCoverage> &
  Partial<BatchCoverage>;

/**
 * Records a party's batch access: in Xiamen the competent department's approval of a credit service agency
 * (000 第二十一条 ¶2: 经市社会信用主管部门同意; R98), in Nantong the sharing agreement with a credit reporting
 * agency, a financial institution or an information user unit (004 第二十三条, 第二十四条; R100). Either states
 * its number, scope, the disclosure attributes and items it covers (by default all Table F-1 lets the party
 * see), its validity and the security conditions it was given on.
 */
export async function approveBatchAgency(
  ctx: UseCaseContext,
  input: ApprovalInput & { approvedBy: string },
): Promise<BatchApproval> {
  const { queries } = versionInForce(ctx.profile, ctx.clock.today()).version.parameters;
  const organization = await findOrganization(ctx.db, input.organizationCode);
  const party = organization ? batchPartyOf(organization.kind) : null;
  const ineligible = partyRefusal(queries, party);
  if (ineligible || !party) {
    const reason = ineligible ?? { zh: '不是已登记的单位', en: 'not a registered organization' };
    throw new InvalidInputError('organizationCode', reason.zh, reason.en);
  }
  if (input.validUntil < input.validFrom) {
    throw new InvalidInputError('validUntil', '有效期截止日早于起始日', 'the validity ends before it starts');
  }
  const coverage: BatchCoverage = {
    // In the order of the attributes, whatever order they were ticked in.
    attributes: input.attributes
      ? DISCLOSURE_ATTRIBUTES.filter((a) => input.attributes?.includes(a))
      : attributesOpenTo(party),
    items: input.items && input.items.length > 0 ? input.items : null,
  };
  const problem = coverageProblem(party, coverage);
  if (problem) throw new InvalidInputError(problem.field, problem.zh, problem.en);
  if (coverage.items) await checkItems(ctx, coverage);
  if (await approvalExists(ctx.db, input.approvalId)) {
    throw new HttpProblem(409, 'APPROVAL_EXISTS', `批准文号 ${input.approvalId} 已登记 / already recorded`);
  }
  const approval: BatchApproval = {
    ...input,
    attributes: [...coverage.attributes],
    items: coverage.items ? [...coverage.items] : null,
    basis: queries.batchAccess.value.basis,
    createdAt: ctx.clock.now(),
  };
  await insertApproval(ctx.db, approval);
  await ctx.audit.record({
    action: approval.basis === 'AGREEMENT' ? 'batch_query.agreement_recorded' : 'batch_query.approved',
    objectType: 'organization',
    objectId: input.organizationCode,
    payload: approval,
  });
  return approval;
}

/** Each item named is published, of an attribute the grant covers (else it could never be delivered). */
async function checkItems(ctx: UseCaseContext, coverage: BatchCoverage): Promise<void> {
  const published = new Map((await publishedVersions(ctx.db)).map((v) => [v.itemCode, v.definition]));
  for (const item of coverage.items ?? []) {
    const definition = published.get(item);
    if (!definition) {
      throw new InvalidInputError(
        'items',
        `信息事项 ${item} 不在已发布的目录中`,
        `no published item ${item}`,
      );
    }
    if (definition.disclosure === null || !coverage.attributes.includes(definition.disclosure)) {
      throw new InvalidInputError(
        'items',
        `信息事项 ${item} 的公开属性不在所选范围内`,
        `item ${item} is of a disclosure attribute not covered`,
      );
    }
  }
}
