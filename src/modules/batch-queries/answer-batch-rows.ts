import { versionInForce } from '../../core/policy/resolver.ts';
import { authorizationUseRefusal } from '../../core/queries/third-party.ts';
import type { Authorization, Viewer } from '../../core/visibility/decide-visibility.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { listActiveAuthorizationsOf, setAuthorizationStatus } from '../authorizations/store.ts';
import { agencyPermissions } from '../disclosure/agency-permissions.ts';
import { discloseSubject } from '../disclosure/disclose-subject.ts';
import { recordQuery } from '../disclosure/record-query.ts';
import { presentSubject } from '../disclosure/subject-view.ts';
import { findOrganization } from '../organizations/store.ts';
import { resolveSubject } from '../subjects/resolve-subject.ts';
import {
  type AnsweredRow,
  type BatchQuery,
  findApproval,
  saveAnsweredRows,
  takePendingRows,
} from './store.ts';

export const BATCH_CHUNK = 100;

/**
 * Answers the next chunk of a batch in one transaction, each subject through Tables F-1/F-2 for the batch's
 * viewer and then within what its approval or agreement covers (R61, R100): for the batch port its ACTIVE
 * 社会公开 records, plus its 授权查询 records where its authorization of the party is on file (000 第十八条,
 * 第二十一条 ¶2; A-33; R99); for a government unit also the 政务共享 records of the items its agency may use
 * (004 第二十条; R63). Each subject is logged as its own query carrying the batch id and naming the grant.
 * Returns how many rows it answered.
 */
export async function answerBatchRows(ctx: UseCaseContext, batch: BatchQuery): Promise<number> {
  const pending = await takePendingRows(ctx.db, batch.batchId, BATCH_CHUNK);
  if (pending.length === 0) return 0;
  const today = ctx.clock.today();
  const agency = await findOrganization(ctx.db, batch.organizationCode);
  const approval = await findApproval(ctx.db, batch.approvalId);
  if (!approval) throw new Error(`batch ${batch.batchId} names no recorded approval ${batch.approvalId}`);
  const viewerFor = await batchViewer(ctx, batch);
  // A government user reads records unmasked, as on its own queries (R63); the batch port masked.
  const entitlement = batch.viewer === 'GOV' ? 'full' : 'masked';
  const coverage = {
    attributes: new Set<string>(approval.attributes),
    items: approval.items ? new Set(approval.items) : undefined,
  };
  const coversAuthorized = coverage.attributes.has('authorized');
  const answered: AnsweredRow[] = [];
  for (const row of pending) {
    const resolved = await resolveSubject(ctx.db, { code: row.code, today });
    if (!resolved) {
      answered.push({
        rowNumber: row.rowNumber,
        subjectCode: null,
        outcome: 'SUBJECT_NOT_FOUND',
        records: null,
      });
      continue;
    }
    const { subject } = resolved;
    // An authorization is looked for, and a single-use one spent, only where the grant covers 授权查询.
    const onFile = coversAuthorized
      ? (await listActiveAuthorizationsOf(ctx.db, subject.subjectCode, batch.organizationCode)).find(
          (a) => authorizationUseRefusal(a, { granteeCode: batch.organizationCode, today }) === null,
        )
      : undefined;
    const authorization: Authorization | null = onFile
      ? {
          items: onFile.items ? new Set(onFile.items) : 'ALL_AUTHORIZED_ITEMS',
          coversGovernmentShared: false,
        }
      : null;
    const disclosure = await discloseSubject(ctx, {
      subject,
      viewer: viewerFor(authorization),
      entitlement,
      profile: ctx.profile,
      today,
      ...coverage,
    });
    // an authorization without validity serves this one answer.
    if (onFile && onFile.validUntil === null)
      await setAuthorizationStatus(ctx.db, onFile, 'CONSUMED', ctx.clock.now());
    await recordQuery(ctx, {
      subjectCode: subject.subjectCode,
      viewer: batch.viewer,
      channel: 'BATCH',
      querier: {
        account: batch.submittedBy,
        accountName: batch.submittedBy,
        organizationCode: batch.organizationCode,
        organizationName: agency?.name ?? null,
      },
      purpose: batch.purpose,
      scenario: batch.scenario,
      scenarioBasis: batch.scenarioBasis,
      operator: batch.operator,
      // The approval or agreement the subject was delivered under (R100), as an assisted query names its
      // application.
      caseReference: approval.approvalId,
      batchId: batch.batchId,
      authorizationId: onFile?.authorizationId ?? null,
      returned: disclosure.returned,
      outcome: 'RETURNED',
    });
    answered.push({
      rowNumber: row.rowNumber,
      subjectCode: subject.subjectCode,
      outcome: 'RETURNED',
      records: { subject: presentSubject(subject, entitlement), sections: disclosure.sections },
    });
  }
  if (answered.length > 0) await saveAnsweredRows(ctx.db, batch.batchId, answered);
  return answered.length;
}

/**
 * The viewer a batch's subjects are judged for, given the subject's authorization on file: a government unit
 * sees as a government user, with its agency's sharing permissions (R63); any other party as the batch port.
 */
async function batchViewer(
  ctx: UseCaseContext,
  batch: BatchQuery,
): Promise<(authorization: Authorization | null) => Viewer> {
  if (batch.viewer === 'CSA') return (authorization) => ({ kind: 'CSA', authorization });
  const today = ctx.clock.today();
  const { queries } = versionInForce(ctx.profile, today).version.parameters;
  const permissions = await agencyPermissions(ctx.db, batch.organizationCode, {
    requiresApplication: queries.sharingRequiresApplication.value,
    today: today.toString(),
  });
  // 002 第九条 ¶2: a batch from a scoped query account sees its account's items only (R89).
  const itemScope = batch.itemScope ? new Set(batch.itemScope) : undefined;
  return (authorization) => ({
    kind: 'GOV',
    sharingPermissions: permissions.sharing,
    authorization,
    ...(itemScope && { itemScope }),
  });
}
