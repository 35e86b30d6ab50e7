import { isObjectionGround, objectionCaseNumber } from '../../core/objections/rules.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { reloadCase, textOrNull } from './cases.ts';
import { findSubjectRecords, insertCase, type ObjectionCaseRow } from './store.ts';

export interface FileObjectionInput {
  subjectCode: string;
  /** ONLINE: the subject in its own verified session; COUNTER: recorded by the center's staff. */
  channel: 'ONLINE' | 'COUNTER';
  recordIds: readonly number[];
  ground: string;
  statement: string;
  evidence?: string | null;
}

/**
 * A subject's objection to records of its own, filed online after verification or recorded at the
 * center's counter (000 第二十六条, 第二十七条 ¶1; 003 第二十八条 ¶1; 004 第三十一条). The date of receipt is the
 * day the platform records it (spec C9; R121: a counter that is not the center routes it there, so the center's
 * record is the receipt). Whether it is admissible is decided at acceptance.
 */
export async function fileObjection(
  ctx: UseCaseContext,
  input: FileObjectionInput,
): Promise<ObjectionCaseRow> {
  if (!isObjectionGround(input.ground)) {
    throw new InvalidInputError('ground', `未知的异议事由 ${input.ground}`, `unknown ground ${input.ground}`);
  }
  const statement = textOrNull(input.statement);
  if (statement === null) {
    throw new InvalidInputError('statement', '须说明异议的内容和理由', 'state what is wrong and why');
  }
  const recordIds = [...new Set(input.recordIds)];
  if (recordIds.length === 0) {
    throw new InvalidInputError('recordIds', '须指明有异议的信息', 'name the records objected to');
  }
  const records = await findSubjectRecords(ctx.db, input.subjectCode, recordIds);
  if (records.length !== recordIds.length) {
    throw new InvalidInputError('recordIds', '只能对本主体的信息提出异议', "only the subject's own records");
  }
  // 000 第二十七条 ¶2: the provider is the party responsible for verifying; one case, one provider.
  const providers = new Set(records.map((record) => record.providerCode));
  const [providerCode] = providers;
  if (providers.size !== 1 || providerCode === undefined) {
    throw new InvalidInputError(
      'recordIds',
      '一件异议只能涉及同一信息提供单位的信息，请分别提出',
      'one objection covers the records of one provider; file one per provider',
    );
  }
  const now = ctx.clock.now();
  const key = await insertCase(ctx.db, {
    subjectCode: input.subjectCode,
    ground: input.ground,
    statement,
    evidence: textOrNull(input.evidence),
    channel: input.channel,
    filedBy: ctx.actor.id,
    providerCode,
    receivedAt: now,
    receivedOn: ctx.clock.today().toString(),
    recordIds,
  });
  await ctx.audit.record({
    action: 'objection.filed',
    objectType: 'subject',
    objectId: input.subjectCode,
    payload: { case: objectionCaseNumber(ctx.profile.id, key.caseId), recordIds, ground: input.ground },
  });
  return reloadCase(ctx, key);
}
