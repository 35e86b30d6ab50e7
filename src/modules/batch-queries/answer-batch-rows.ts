import { authorizationUseRefusal } from '../../core/queries/third-party.ts';
import type { Authorization } from '../../core/visibility/decide-visibility.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { listActiveAuthorizationsOf, setAuthorizationStatus } from '../authorizations/store.ts';
import { discloseSubject } from '../disclosure/disclose-subject.ts';
import { recordQuery } from '../disclosure/record-query.ts';
import { presentSubject } from '../disclosure/subject-view.ts';
import { findOrganization } from '../organizations/store.ts';
import { resolveSubject } from '../subjects/resolve-subject.ts';
import { type AnsweredRow, type BatchQuery, saveAnsweredRows, takePendingRows } from './store.ts';

export const BATCH_CHUNK = 100;

/**
 * Answers the next chunk of a batch in one transaction: each subject's ACTIVE 社会公开 records, plus its
 * 授权查询 records where its authorization of the agency is on file (000 第十八条, 第二十一条 ¶2; A-33; R99),
 * each subject logged as its own query carrying the batch id. Returns how many rows it answered.
 */
export async function answerBatchRows(ctx: UseCaseContext, batch: BatchQuery): Promise<number> {
  const pending = await takePendingRows(ctx.db, batch.batchId, BATCH_CHUNK);
  const today = ctx.clock.today();
  const agency = await findOrganization(ctx.db, batch.organizationCode);
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
    const onFile = (
      await listActiveAuthorizationsOf(ctx.db, subject.subjectCode, batch.organizationCode)
    ).find((a) => authorizationUseRefusal(a, { granteeCode: batch.organizationCode, today }) === null);
    const authorization: Authorization | null = onFile
      ? {
          items: onFile.items ? new Set(onFile.items) : 'ALL_AUTHORIZED_ITEMS',
          coversGovernmentShared: false,
        }
      : null;
    const disclosure = await discloseSubject(ctx, {
      subject,
      viewer: { kind: 'CSA', authorization },
      entitlement: 'masked',
      profile: ctx.profile,
      today,
    });
    // an authorization without validity serves this one answer.
    if (onFile && onFile.validUntil === null)
      await setAuthorizationStatus(ctx.db, onFile, 'CONSUMED', ctx.clock.now());
    await recordQuery(ctx, {
      subjectCode: subject.subjectCode,
      viewer: 'CSA',
      channel: 'BATCH',
      querier: {
        account: batch.submittedBy,
        accountName: batch.submittedBy,
        organizationCode: batch.organizationCode,
        organizationName: agency?.name ?? null,
      },
      purpose: batch.purpose,
      batchId: batch.batchId,
      authorizationId: onFile?.authorizationId ?? null,
      returned: disclosure.returned,
      outcome: 'RETURNED',
    });
    answered.push({
      rowNumber: row.rowNumber,
      subjectCode: subject.subjectCode,
      outcome: 'RETURNED',
      records: { subject: presentSubject(subject, 'masked'), sections: disclosure.sections },
    });
  }
  if (answered.length > 0) await saveAnsweredRows(ctx.db, batch.batchId, answered);
  return answered.length;
}
