import { HttpProblem } from '../../http/errors.ts';
import type { UseCaseContext } from '../../platform/context.ts';

/**
 * R37 (000 第三十一条(二); 003 第十八条 ¶3; 004 第三十六条): the center cannot author a record or change its
 * substance; a change comes from the provider's own submission, or from an objection or repair case that
 * names the record. No such case can exist before the objection and repair workflows do, so every attempt
 * is refused — and the refusal is what the audit log records.
 */
export async function refuseRecordEdit(
  ctx: UseCaseContext,
  input: { subjectCode: string; recordId: number; caseId: string | null },
): Promise<HttpProblem> {
  await ctx.audit.record({
    action: 'records.edit_refused',
    objectType: 'credit_record',
    objectId: `${input.subjectCode}/${input.recordId}`,
    payload: { case: input.caseId },
    detail: { case: input.caseId },
  });
  return input.caseId === null
    ? new HttpProblem(
        403,
        'CASE_REQUIRED',
        '平台不得自行更改信用记录的实质内容：更正须由信息提供单位报送，或依据指明该记录的异议、信用修复案件',
      )
    : new HttpProblem(
        403,
        'CASE_NOT_FOUND',
        `没有指明该记录并认定需更正的异议或信用修复案件 ${input.caseId}`,
      );
}
