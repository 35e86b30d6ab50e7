import type { CodeCheck } from './check-code.ts';

export type UsccAcceptance =
  | { accepted: true; flaggedForReview: null }
  | { accepted: true; flaggedForReview: { reason: string; reasonZh: string } }
  | { accepted: false; errorCode: 'INVALID_USCC'; reason: string; reasonZh: string };

/**
 * DESIGN Decision 3 (over R39 / A-6): a code that fails GB 32100 is returned, unless the registration
 * authority's own feed already holds the subject; then it is accepted and flagged for center review, since
 * some real registrations predate strict checking.
 */
export function acceptUscc(check: CodeCheck, knownInRegistry: boolean): UsccAcceptance {
  if (check.kind === 'uscc' && check.valid) return { accepted: true, flaggedForReview: null };
  if (check.kind === 'uscc' && knownInRegistry) {
    return {
      accepted: true,
      flaggedForReview: {
        reason: `USCC fails GB 32100 (${check.error}) but the registration authority's feed holds the subject`,
        reasonZh: `统一社会信用代码未通过 GB 32100 校验（${check.zh.error}），但登记管理部门归集的数据中已有该主体`,
      },
    };
  }
  const kindNote =
    check.kind === 'uscc'
      ? { en: check.error ?? '', zh: check.zh.error ?? '' }
      : { en: `not a USCC (read as ${check.kind})`, zh: '不是统一社会信用代码' };
  return {
    accepted: false,
    errorCode: 'INVALID_USCC',
    reason: `USCC ${check.normalized} fails GB 32100-2015: ${kindNote.en}`,
    reasonZh: `统一社会信用代码 ${check.normalized} 未通过 GB 32100-2015 校验：${kindNote.zh}`,
  };
}
