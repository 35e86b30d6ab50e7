import { HttpProblem } from '../../http/errors.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { payloadHash } from '../audit/record-event.ts';
import { type Querier, recordQuery } from '../disclosure/record-query.ts';
import { listRecordVersions, type RecordVersion } from './store.ts';

/**
 * Every version of a record with its provenance (R33, R36): superseded versions stay readable to the
 * archive role, and each version's payload hash is checked against its stored content as it is read.
 */
export async function readRecordVersions(
  ctx: UseCaseContext,
  input: { subjectCode: string; recordId: number; querier: Querier },
): Promise<Array<RecordVersion & { hashVerified: boolean }>> {
  const versions = await listRecordVersions(ctx.db, input.subjectCode, input.recordId);
  if (versions.length === 0) throw new HttpProblem(404, 'RECORD_NOT_FOUND', '未找到该记录');
  await ctx.audit.record({
    action: 'records.versions_read',
    objectType: 'credit_record',
    objectId: `${input.subjectCode}/${input.recordId}`,
    payload: versions.map((v) => v.payloadHash),
    detail: { versions: versions.length },
  });
  // Spec §2.F: an ARCHIVE access is logged where the subject sees it.
  await recordQuery(ctx, {
    subjectCode: input.subjectCode,
    viewer: 'ARCHIVE',
    channel: 'ONLINE',
    querier: input.querier,
    purpose: '记录版本查阅',
    returned: versions.map((v) => `${input.subjectCode}/${input.recordId}@${v.version}`),
    outcome: 'RETURNED',
  });
  return versions.map((v) => ({ ...v, hashVerified: payloadHash(v.content) === v.payloadHash }));
}
