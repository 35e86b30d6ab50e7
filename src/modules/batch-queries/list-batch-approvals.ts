import { versionInForce } from '../../core/policy/resolver.ts';
import type { BatchAccessBasis, BatchParty } from '../../core/policy/types.ts';
import { attributesOpenTo } from '../../core/queries/batch.ts';
import { organizationKindsOf } from './batch-party.ts';
import type { ReadContext } from './read-batch-access.ts';
import { type BatchApproval, listApprovals } from './store.ts';

/**
 * The city's terms of batch access (who may hold it, on an approval or an agreement, covering what at most)
 * and every approval or agreement recorded, each saying whether it is in force today (R98, R100).
 */
export async function listBatchApprovals(ctx: ReadContext): Promise<{
  basis: BatchAccessBasis;
  parties: Array<{ party: BatchParty; attributes: string[] }>;
  organizationKinds: string[];
  approvals: Array<BatchApproval & { organizationName: string | null; inForce: boolean }>;
}> {
  const today = ctx.clock.today();
  const { basis, parties } = versionInForce(ctx.profile, today).version.parameters.queries.batchAccess.value;
  const day = today.toString();
  return {
    basis,
    parties: parties.map((party) => ({ party, attributes: attributesOpenTo(party) })),
    organizationKinds: organizationKindsOf(parties),
    approvals: (await listApprovals(ctx.db)).map((approval) => ({
      ...approval,
      inForce: approval.validFrom <= day && day <= approval.validUntil,
    })),
  };
}
