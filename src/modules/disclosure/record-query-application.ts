import { HttpProblem } from '../../http/errors.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { findOrganization } from '../organizations/store.ts';
import { findQueryApplication, insertQueryApplication, type QueryApplication } from './store.ts';

export type QueryApplicationInput = Omit<QueryApplication, 'approvedBy' | 'createdAt'>;

/**
 * Records an agency's approved query application: in Weihai its written application to the center for
 * government-shared items, purpose, users and period (003 第二十三条 ¶1; R87); in Xiamen its application to the
 * competent department that an assisted query by center staff rests on (002 第九条 ¶3; R90).
 */
export async function recordQueryApplication(
  ctx: UseCaseContext,
  input: QueryApplicationInput & { approvedBy: string },
): Promise<QueryApplication> {
  if (!(await findOrganization(ctx.db, input.organizationCode))) {
    throw new InvalidInputError('organizationCode', '没有该单位', 'no such organization');
  }
  if (input.validUntil < input.validFrom) {
    throw new InvalidInputError('validUntil', '有效期截止日早于起始日', 'the period ends before it starts');
  }
  if (input.items.length === 0)
    throw new InvalidInputError('items', '须列明申请的信息事项', 'list the items');
  if (await findQueryApplication(ctx.db, input.applicationId)) {
    throw new HttpProblem(
      409,
      'APPLICATION_EXISTS',
      `申请编号 ${input.applicationId} 已登记 / already recorded`,
    );
  }
  const application: QueryApplication = { ...input, createdAt: ctx.clock.now() };
  await insertQueryApplication(ctx.db, application);
  await ctx.audit.record({
    action: 'query_application.recorded',
    objectType: 'organization',
    objectId: input.organizationCode,
    purpose: input.purpose,
    payload: application,
  });
  return application;
}
