import type { Kysely, Transaction } from 'kysely';
import { versionInForce } from '../../core/policy/resolver.ts';
import type {
  BatchAccessBasis,
  BatchParty,
  PolicyProfile,
  QueryParameters,
} from '../../core/policy/types.ts';
import { type BatchRefusal, batchRefusal } from '../../core/queries/batch.ts';
import { HttpProblem } from '../../http/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/schema.ts';
import { findOrganization } from '../organizations/store.ts';
import { batchPartyOf } from './batch-party.ts';
import { type BatchApproval, findApprovalFor } from './store.ts';

/** What reading batch access needs: a use case's context, or the platform itself outside a transaction. */
export interface ReadContext {
  db: Kysely<Database> | Transaction<Database>;
  clock: Clock;
  profile: PolicyProfile;
}

export interface BatchAccess {
  queries: QueryParameters;
  party: BatchParty | null;
  /** The grant in force today, else the latest one, else none. */
  approval: BatchApproval | null;
  /** Why a batch submitted today would be refused, or null. */
  refusal: BatchRefusal | null;
}

/** An organization's batch access today: what it is, what it holds, whether a batch would run (R98, R100). */
export async function batchAccessOf(ctx: ReadContext, organizationCode: string): Promise<BatchAccess> {
  const today = ctx.clock.today();
  const { queries } = versionInForce(ctx.profile, today).version.parameters;
  const organization = await findOrganization(ctx.db, organizationCode);
  const party = organization ? batchPartyOf(organization.kind) : null;
  const approval = (await findApprovalFor(ctx.db, organizationCode, today.toString())) ?? null;
  return { queries, party, approval, refusal: batchRefusal(queries, party, approval, today) };
}

/**
 * The signed-in party's own approval or sharing agreement and whether it may pull a batch today, so its page
 * can say so before it sends a list.
 */
export async function readBatchAccess(
  ctx: ReadContext,
  input: { organizationCode: string | null },
): Promise<{
  basis: BatchAccessBasis;
  approval: BatchApproval | null;
  refusal: { code: string; message: string } | null;
}> {
  if (!input.organizationCode)
    throw new HttpProblem(403, 'FORBIDDEN', '须以单位账号查看 / an organization account is required');
  const { queries, approval, refusal } = await batchAccessOf(ctx, input.organizationCode);
  return {
    basis: queries.batchAccess.value.basis,
    approval,
    refusal: refusal && { code: refusal.code, message: `${refusal.zh} / ${refusal.en}` },
  };
}
