import type { QueryParameters } from '../policy/types.ts';
import type { LocalDate } from '../time/local-date.ts';

/** Who applies for a third-party query: the checklist differs (002 第七条; A-29 puts 非法人组织 with 法人). */
export type ApplicantKind = 'natural_person' | 'organization';

const NATURAL_PERSON_PREFIX = '自然人：';
const ORGANIZATION_PREFIX = '法人及非法人组织：';

/**
 * The materials an on-site third-party application must bring, read from the profile's list (002 第七条;
 * 003 第二十二条(三); 004 第二十二条): entries headed 自然人： or 法人及非法人组织： list their items separated by
 * "；"; an entry without a heading applies to every applicant.
 */
export function requiredMaterials(queries: QueryParameters, applicant: ApplicantKind): string[] {
  const items: string[] = [];
  for (const entry of queries.thirdPartyMaterials.value) {
    const heading = entry.startsWith(NATURAL_PERSON_PREFIX)
      ? 'natural_person'
      : entry.startsWith(ORGANIZATION_PREFIX)
        ? 'organization'
        : null;
    if (heading !== null && heading !== applicant) continue;
    const body = heading === null ? entry : entry.slice(entry.indexOf('：') + 1);
    items.push(
      ...body
        .split('；')
        .map((item) => item.trim())
        .filter(Boolean),
    );
  }
  return items;
}

/** R78: what is missing from an application, in the checklist's order; empty when it may be accepted. */
export function missingMaterials(
  queries: QueryParameters,
  applicant: ApplicantKind,
  provided: readonly string[],
): string[] {
  const given = new Set(provided.map((item) => item.trim()));
  return requiredMaterials(queries, applicant).filter((item) => !given.has(item));
}

export interface ThirdPartyRefusal {
  code:
    | 'THIRD_PARTY_ONLINE_NOT_ALLOWED'
    | 'AUTHORIZATION_NOT_FOR_QUERIER'
    | 'AUTHORIZATION_REVOKED'
    | 'AUTHORIZATION_NOT_YET_VALID'
    | 'AUTHORIZATION_EXPIRED'
    | 'AUTHORIZATION_CONSUMED'
    | 'MATERIALS_INCOMPLETE';
  zh: string;
  en: string;
}

/**
 * Whether a third party may query online: XM only on site (002 第六条(二); R77), WH only at a designated
 * window (003 第二十二条(三); R79), NT online too (004 第二十二条; R81).
 */
export function onlineThirdPartyRefusal(queries: QueryParameters): ThirdPartyRefusal | null {
  const channels = queries.thirdPartyChannels.value;
  if (channels.includes('ONLINE')) return null;
  return channels.includes('DESIGNATED_WINDOW')
    ? {
        code: 'THIRD_PARTY_ONLINE_NOT_ALLOWED',
        zh: '查询他人非公开信息须至指定服务窗口，并出示信息主体的书面授权',
        en: "another subject's non-public records are queried at a designated window only",
      }
    : {
        code: 'THIRD_PARTY_ONLINE_NOT_ALLOWED',
        zh: '查询他人授权信息需至服务咨询点现场申请',
        en: "another subject's authorized records are applied for on site at a service point only",
      };
}

/** An authorization as far as its use depends on it (R80). */
export interface AuthorizationTerms {
  granteeCode: string;
  status: 'ACTIVE' | 'REVOKED' | 'CONSUMED';
  validFrom: string;
  /** ISO date; null: the document states no validity — one report on the day of application. */
  validUntil: string | null;
}

/** Why an authorization cannot serve this query today, or null when it can (000 第十八条; R80). */
export function authorizationUseRefusal(
  terms: AuthorizationTerms,
  use: { granteeCode: string; today: LocalDate },
): ThirdPartyRefusal | null {
  const today = use.today.toString();
  if (terms.granteeCode !== use.granteeCode) {
    return {
      code: 'AUTHORIZATION_NOT_FOR_QUERIER',
      zh: '该授权未授予本查询方',
      en: 'the authorization was not granted to this querier',
    };
  }
  if (terms.status === 'REVOKED') {
    return {
      code: 'AUTHORIZATION_REVOKED',
      zh: '信息主体已撤销该授权',
      en: 'the subject revoked the authorization',
    };
  }
  // without a stated validity the authorization covers a single report.
  if (terms.status === 'CONSUMED') {
    return {
      code: 'AUTHORIZATION_CONSUMED',
      zh: '该授权未载明有效期，仅可出具一次报告，已使用',
      en: 'the authorization states no validity and its one report was issued',
    };
  }
  if (today < terms.validFrom) {
    return {
      code: 'AUTHORIZATION_NOT_YET_VALID',
      zh: '授权尚未生效',
      en: 'the authorization is not yet valid',
    };
  }
  if (terms.validUntil !== null && today > terms.validUntil) {
    return { code: 'AUTHORIZATION_EXPIRED', zh: '授权已过有效期', en: 'the authorization has expired' };
  }
  return null;
}
