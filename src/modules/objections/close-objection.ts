import { closableWithoutVerification, objectionCaseNumber } from '../../core/objections/rules.ts';
import type { ObjectionParameters } from '../../core/policy/types.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { caseNamed, paramsToday, reloadCase, requireStatus, textOrNull } from './cases.ts';
import { notifyApplicant } from './notify-applicant.ts';
import {
  completeSteps,
  liftCaseSuspension,
  type ObjectionCaseRow,
  type ObjectionOutcome,
  type ObjectionStatus,
  touchCaseRecords,
  updateCase,
} from './store.ts';

export const OUTCOME_NAMES: Readonly<Record<ObjectionOutcome, string>> = {
  CORRECTED: '异议成立，信息予以更正',
  DELETED: '异议成立，信息予以删除',
  SUPPLEMENTED: '异议成立，信息予以补充',
  REJECTED: '异议不成立，信息不作变更',
};

const OUTCOME_OF_OPINION: Readonly<Record<string, ObjectionOutcome>> = {
  CORRECT: 'CORRECTED',
  DELETE: 'DELETED',
  SUPPLEMENT: 'SUPPLEMENTED',
};

/** What the notice tells of the remedies left (R131: 003 第三十条; R136: 004 第三十三条). */
const REMEDY_TEXT: Readonly<Record<string, string>> = {
  APPEAL: '可以向同级信用管理部门提出申诉',
  ADMINISTRATIVE_RECONSIDERATION: '可以依法申请行政复议',
  LITIGATION: '可以依法提起行政诉讼',
};

export interface CloseObjectionInput {
  caseNumber: string;
  /** Absent: the provider's verdict decides it. */
  outcome?: ObjectionOutcome | null;
  /** Absent: the provider's stated reasons. */
  reasons?: string | null;
}

/** Where a case may close: after the provider's result, or before one where the city allows it. */
function closableStatuses(objections: ObjectionParameters, found: ObjectionCaseRow): ObjectionStatus[] {
  return closableWithoutVerification(objections, found.comparison !== null)
    ? ['VERIFIED', 'ACCEPTED']
    : ['VERIFIED'];
}

function outcomeOf(found: ObjectionCaseRow, asked: ObjectionOutcome | null): ObjectionOutcome {
  const fromProvider =
    found.providerVerdict === 'REJECTED'
      ? 'REJECTED'
      : found.providerOpinion === null
        ? null
        : (OUTCOME_OF_OPINION[found.providerOpinion] ?? null);
  if (asked === null) {
    if (fromProvider === null) {
      throw new InvalidInputError('outcome', '须载明处理结果', 'state the outcome');
    }
    return fromProvider;
  }
  // The provider is the party responsible for the objection (000 第二十七条 ¶2): the center applies its result.
  if (fromProvider !== null && (asked === 'REJECTED') !== (fromProvider === 'REJECTED')) {
    throw new InvalidInputError(
      'outcome',
      '处理结果须与信息提供单位的核查结果一致',
      "the outcome must follow the provider's verification",
    );
  }
  return asked;
}

/**
 * The center closes the case with its outcome (R122): the marker leaves the records, a record suspended for
 * the provider's lateness returns to ACTIVE (R126), and the applicant is notified of the outcome, the reasons
 * and the remedies the city gives (R122, R131, R136). An upheld outcome changes no record here: the substance
 * changes only by the provider's resubmission or revocation under the case (R37).
 */
export async function closeObjection(
  ctx: UseCaseContext,
  input: CloseObjectionInput,
): Promise<ObjectionCaseRow> {
  const found = await caseNamed(ctx, input.caseNumber);
  const { objections } = paramsToday(ctx);
  requireStatus(found, closableStatuses(objections, found), '办结');
  const outcome = outcomeOf(found, input.outcome ?? null);
  const reasons = textOrNull(input.reasons) ?? found.providerReasons;
  if (outcome === 'REJECTED' && reasons === null) {
    throw new InvalidInputError('reasons', '异议不成立须告知理由', 'a rejection states its reasons');
  }
  const now = ctx.clock.now();
  await updateCase(ctx.db, found, { status: 'CLOSED', outcome, outcome_reasons: reasons, closed_at: now });
  await completeSteps(ctx.db, found, ['COMPARISON', 'SLA_TARGET', 'REVIEW', 'CENTER_FINAL'], now);
  const restored = await liftCaseSuspension(ctx.db, found, now);
  await touchCaseRecords(ctx.db, found, now);
  const caseNumber = objectionCaseNumber(ctx.profile.id, found.caseId);
  const remedies = objections.furtherRemedies.value.map((remedy) => REMEDY_TEXT[remedy]).filter(Boolean);
  await notifyApplicant(ctx, found, {
    kind: 'OBJECTION_CLOSED',
    title: `异议案件 ${caseNumber} 已办结`,
    body: [
      `处理结果：${OUTCOME_NAMES[outcome]}。`,
      reasons === null ? '' : `理由：${reasons}。`,
      remedies.length === 0 ? '' : `如对处理结果不服，${remedies.join('，')}。`,
    ].join(''),
  });
  await ctx.audit.record({
    action: 'objection.closed',
    objectType: 'subject',
    objectId: found.subjectCode,
    payload: { case: caseNumber, outcome, reasons, restored },
  });
  return reloadCase(ctx, found);
}
