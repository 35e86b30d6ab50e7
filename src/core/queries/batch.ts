import { DISCLOSURE_ATTRIBUTES, type DisclosureAttribute } from '../catalog/item.ts';
import type { BatchAccessBasis, BatchParty, QueryParameters } from '../policy/types.ts';
import type { LocalDate } from '../time/local-date.ts';

export interface BatchRefusal {
  code:
    | 'BATCH_DISABLED'
    | 'BATCH_PARTY_NOT_ELIGIBLE'
    | 'BATCH_NOT_APPROVED'
    | 'BATCH_APPROVAL_EXPIRED'
    | 'SHARING_AGREEMENT_REQUIRED'
    | 'SHARING_AGREEMENT_EXPIRED';
  zh: string;
  en: string;
}

/** What a party's batch access covers: disclosure attributes, narrowed to named items when it lists any. */
export interface BatchCoverage {
  attributes: readonly DisclosureAttribute[];
  /** Catalog item codes; null: every item of the attributes covered. */
  items: readonly string[] | null;
}

/** The grant a batch runs under: XM's approval or NT's sharing agreement, with its validity. */
export interface BatchGrant {
  validFrom: string;
  validUntil: string;
}

/** The viewer of Tables F-1/F-2 a party's batches are judged as. */
export type BatchViewerKind = 'CSA' | 'GOV';

/**
 * A government unit's batch is an exchange between government systems (004 第二十条, 第二十三条): it sees what a
 * government user sees (R63). Every other party sees the batch port's column (000 第二十一条 ¶2; A-33; R99).
 */
export function batchViewerOf(party: BatchParty): BatchViewerKind {
  return party === 'GOVERNMENT_UNIT' ? 'GOV' : 'CSA';
}

/** The disclosure attributes Table F-1 can let a party's batch see, and so the most a grant may cover. */
export function attributesOpenTo(party: BatchParty): DisclosureAttribute[] {
  // never government-shared information on the batch port; GOV: within its sharing permissions (R63).
  return batchViewerOf(party) === 'GOV' ? [...DISCLOSURE_ATTRIBUTES] : ['public', 'authorized'];
}

const ATTRIBUTE_NAMES: Readonly<Record<DisclosureAttribute, { zh: string; en: string }>> = {
  public: { zh: '社会公开', en: 'public' },
  authorized: { zh: '授权查询', en: 'authorized-query' },
  government: { zh: '政务共享', en: 'government-shared' },
};

const PARTY_NAMES: Readonly<Record<BatchParty, { zh: string; en: string }>> = {
  CREDIT_SERVICE_AGENCY: { zh: '信用服务机构', en: 'credit service agencies' },
  CREDIT_REPORTING_AGENCY: { zh: '征信机构', en: 'credit reporting agencies' },
  FINANCIAL_INSTITUTION: { zh: '金融机构', en: 'financial institutions' },
  GOVERNMENT_UNIT: { zh: '政府部门（单位）', en: 'government units' },
};

function partiesNamed(parties: readonly BatchParty[]): { zh: string; en: string } {
  return {
    zh: parties.map((p) => PARTY_NAMES[p].zh).join('、'),
    en: parties.map((p) => PARTY_NAMES[p].en).join(', '),
  };
}

/** A party the city gives no batch access to: who may hold it instead (R98, R100). */
export function partyRefusal(
  queries: QueryParameters,
  party: BatchParty | null,
): { zh: string; en: string } | null {
  const { parties } = queries.batchAccess.value;
  if (party !== null && parties.includes(party)) return null;
  const named = partiesNamed(parties);
  return parties.length === 0
    ? { zh: '本市未设批量查询服务', en: 'this city offers no batch queries' }
    : { zh: `本市批量查询服务仅面向${named.zh}`, en: `this city's batch service is for ${named.en} only` };
}

/**
 * The first thing wrong with what a grant says it covers, or null: at least one attribute, none that Table F-1
 * keeps from the party whatever the grant says, and each listed item at most once.
 */
export function coverageProblem(
  party: BatchParty,
  coverage: BatchCoverage,
): { field: 'attributes' | 'items'; zh: string; en: string } | null {
  if (coverage.attributes.length === 0) {
    return {
      field: 'attributes',
      zh: '须至少选择一类公开属性',
      en: 'name at least one disclosure attribute',
    };
  }
  const open = attributesOpenTo(party);
  const closed = coverage.attributes.find((attribute) => !open.includes(attribute));
  if (closed) {
    // 000 第二十一条 ¶2; A-33: the batch port never carries 政务共享 records to a non-government party.
    return {
      field: 'attributes',
      zh: `${PARTY_NAMES[party].zh}不能获得${ATTRIBUTE_NAMES[closed].zh}信息`,
      en: `${PARTY_NAMES[party].en} cannot receive ${ATTRIBUTE_NAMES[closed].en} records`,
    };
  }
  if (coverage.items !== null && new Set(coverage.items).size !== coverage.items.length) {
    return { field: 'items', zh: '信息事项重复', en: 'an item is listed twice' };
  }
  return null;
}

/**
 * Whether a party may submit a batch today (000 第二十一条 ¶2; 004 第二十三条, 第二十四条; R98, R100): the city
 * must have a batch port (WH has none), give batch access to parties of its kind, and the party must hold a
 * grant in force: the competent department's approval in Xiamen, a sharing agreement in Nantong.
 */
export function batchRefusal(
  queries: QueryParameters,
  party: BatchParty | null,
  grant: BatchGrant | null,
  today: LocalDate,
): BatchRefusal | null {
  if (!queries.batchEnabled.value) {
    return { code: 'BATCH_DISABLED', zh: '本市未设批量查询服务', en: 'this city offers no batch queries' };
  }
  const ineligible = partyRefusal(queries, party);
  if (ineligible) return { code: 'BATCH_PARTY_NOT_ELIGIBLE', ...ineligible };
  if (!queries.batchRequiresApproval.value) return null;
  const { basis } = queries.batchAccess.value;
  if (grant === null) return missingGrant(basis);
  const day = today.toString();
  if (day < grant.validFrom || day > grant.validUntil) return lapsedGrant(basis, grant);
  return null;
}

function missingGrant(basis: BatchAccessBasis): BatchRefusal {
  return basis === 'AGREEMENT'
    ? {
        code: 'SHARING_AGREEMENT_REQUIRED',
        zh: '本单位未与公共信用信息工作机构签订信息共享协议，不能批量获取信息',
        en: 'the organization has no sharing agreement with the credit center',
      }
    : {
        code: 'BATCH_NOT_APPROVED',
        zh: '本机构未获社会信用主管部门批量查询批准',
        en: 'the agency holds no approval for batch queries',
      };
}

function lapsedGrant(basis: BatchAccessBasis, grant: BatchGrant): BatchRefusal {
  const { validFrom: from, validUntil: until } = grant;
  return basis === 'AGREEMENT'
    ? {
        code: 'SHARING_AGREEMENT_EXPIRED',
        zh: `信息共享协议不在有效期内（${from} 至 ${until}），须续签后再批量获取`,
        en: `the sharing agreement is not in force (${from} to ${until})`,
      }
    : {
        code: 'BATCH_APPROVAL_EXPIRED',
        zh: `批量查询批准不在有效期内（${from} 至 ${until}）`,
        en: `the batch approval is not in force (${from} to ${until})`,
      };
}
