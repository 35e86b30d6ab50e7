import type { QueryParameters } from '../policy/types.ts';
import type { LocalDate } from '../time/local-date.ts';

export interface BatchRefusal {
  code: 'BATCH_DISABLED' | 'BATCH_NOT_APPROVED' | 'BATCH_APPROVAL_EXPIRED';
  zh: string;
  en: string;
}

/**
 * Whether an agency may submit a batch today (000 第二十一条 ¶2; R98): the city must have a batch port (WH has
 * none), and the agency an approval of the competent department in force.
 */
export function batchRefusal(
  queries: QueryParameters,
  approval: { validFrom: string; validUntil: string } | null,
  today: LocalDate,
): BatchRefusal | null {
  if (!queries.batchEnabled.value) {
    return { code: 'BATCH_DISABLED', zh: '本市未设批量查询服务', en: 'this city offers no batch queries' };
  }
  if (!queries.batchRequiresApproval.value) return null;
  if (approval === null) {
    return {
      code: 'BATCH_NOT_APPROVED',
      zh: '本机构未获社会信用主管部门批量查询批准',
      en: 'the agency holds no approval for batch queries',
    };
  }
  const day = today.toString();
  if (day < approval.validFrom || day > approval.validUntil) {
    return {
      code: 'BATCH_APPROVAL_EXPIRED',
      zh: `批量查询批准不在有效期内（${approval.validFrom} 至 ${approval.validUntil}）`,
      en: `the batch approval is not in force (${approval.validFrom} to ${approval.validUntil})`,
    };
  }
  return null;
}
