import { versionInForce } from '../../core/policy/resolver.ts';
import {
  checkGovernmentQueryDeclaration,
  type GovernmentQueryDeclaration,
} from '../../core/queries/government-query.ts';
import type { Viewer } from '../../core/visibility/decide-visibility.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import type { SubjectRow } from '../subjects/store.ts';
import { type AgencyPermissions, agencyPermissions } from './agency-permissions.ts';
import { type Querier, recordQuery } from './record-query.ts';
import { type SubjectView, subjectNamed, viewSubject } from './subject-view.ts';

export interface GovernmentQueryInput extends GovernmentQueryDeclaration {
  code: string;
  /** ONLINE (the agency's platform account), API (the embedded interface of its business system, R88), CLI. */
  channel: 'ONLINE' | 'API' | 'CLI' | 'ASSISTED';
  /** The end operator of an embedded-interface call, "name/id" (R88); the account itself online. */
  operator: string | null;
  /** Only these items, when the user names them (R84); every item it may see otherwise. */
  items?: readonly string[];
  /** The items the signed-in query account is scoped to (002 第九条 ¶2; R89); absent or null: not scoped. */
  itemScope?: readonly string[] | null;
}

export interface QueryRefusal {
  code: string;
  field: string;
  zh: string;
  en: string;
}

export type GovernmentQueryResult =
  | { refused: QueryRefusal }
  | { refused: null; view: SubjectView; entryId: number };

export type GovernmentAdmission =
  | { refused: QueryRefusal }
  | { refused: null; subject: SubjectRow; viewer: Viewer & { kind: 'GOV' } };

/**
 * Whether a government user's query may run (000 第十九条, 第二十条; 002 第八条, 第九条; 003 第二十三条–第二十五条;
 * 004 第二十条, 第二十五条): it must declare a scenario or purpose from the city's list, a purpose and a case
 * reference, and name only items its agency may see. A refused query is logged and returns nothing (R84); the
 * refusal is a result the caller answers with after the log entry commits, not an exception that would roll
 * it back.
 */
export async function admitGovernmentQuery(
  ctx: UseCaseContext,
  input: GovernmentQueryInput & { querier: Querier },
): Promise<GovernmentAdmission> {
  const subject = await subjectNamed(ctx, input.code);
  const params = versionInForce(ctx.profile, ctx.clock.today()).version.parameters;
  const permissions = await agencyPermissions(ctx.db, input.querier.organizationCode, {
    requiresApplication: params.queries.sharingRequiresApplication.value,
    today: ctx.clock.today().toString(),
  });
  const refusal = refusalOf(input, params.queries, permissions);
  if (refusal) {
    await recordQuery(ctx, {
      ...governmentLogFields(input),
      subjectCode: subject.subjectCode,
      returned: [],
      outcome: 'REFUSED',
      refusalCode: refusal.code,
    });
    return { refused: refusal };
  }
  // It receives ACTIVE 社会公开 records plus the 政务共享 records of the items its agency is permitted (R63),
  // of its account's items only where the account is scoped (R89).
  const viewer: Viewer & { kind: 'GOV' } = {
    kind: 'GOV',
    sharingPermissions: permissions.sharing,
    authorization: null,
  };
  if (input.itemScope) viewer.itemScope = new Set(input.itemScope);
  return { refused: null, subject, viewer };
}

/** The query-log fields of a government query's declaration. */
export function governmentLogFields(input: GovernmentQueryInput & { querier: Querier }) {
  return {
    viewer: 'GOV',
    channel: input.channel,
    querier: input.querier,
    scenario: input.scenario,
    scenarioBasis: input.scenarioBasis,
    purpose: input.purpose,
    caseReference: input.caseReference,
    operator: input.operator,
  };
}

/** A government query answered on screen or through the embedded interface (R63, R88). */
export async function queryAsGovernment(
  ctx: UseCaseContext,
  input: GovernmentQueryInput & { querier: Querier },
): Promise<GovernmentQueryResult> {
  const admission = await admitGovernmentQuery(ctx, input);
  if (admission.refused) return admission;
  const view = await viewSubject(ctx, {
    subject: admission.subject,
    viewer: admission.viewer,
    entitlement: 'full',
    items: input.items ? new Set(input.items) : undefined,
  });
  const entryId = await recordQuery(ctx, {
    ...governmentLogFields(input),
    subjectCode: admission.subject.subjectCode,
    returned: view.returned,
    outcome: 'RETURNED',
  });
  return { refused: null, view, entryId };
}

/** 002 第九条 ¶1; 004 第二十条: an embedded call names its end operator (R88). */
export function operatorRefusal(input: { channel: string; operator: string | null }): QueryRefusal | null {
  if (input.channel !== 'API' || (input.operator ?? '').trim() !== '') return null;
  return {
    code: 'OPERATOR_REQUIRED',
    field: 'operator',
    zh: '须注明经办人姓名及工号',
    en: 'the end operator is required',
  };
}

function refusalOf(
  input: GovernmentQueryInput,
  queries: Parameters<typeof checkGovernmentQueryDeclaration>[1],
  permissions: AgencyPermissions,
): QueryRefusal | null {
  const missingOperator = operatorRefusal(input);
  if (missingOperator) return missingOperator;
  const problem = checkGovernmentQueryDeclaration(input, queries);
  if (problem) return problem;
  // 002 第九条 ¶2: an account the center opened for the agency's approved items queries those only (R89).
  const scope = input.itemScope;
  const unscoped = scope ? (input.items ?? []).find((item) => !scope.includes(item)) : undefined;
  if (unscoped) {
    return {
      code: 'ITEM_NOT_PERMITTED',
      field: 'items',
      zh: `本查询账号的查询范围不含信息事项 ${unscoped}`,
      en: `the query account is not scoped to item ${unscoped}`,
    };
  }
  // 002 第九条 ¶1: an item outside the configured set is denied (R84); 003 第二十三条 ¶1: in Weihai, an item
  // whose application has lapsed is denied as such (R87).
  const outside = (input.items ?? []).find(
    (item) => !permissions.sharing.has(item) && !permissions.publicItems.has(item),
  );
  if (outside && permissions.lapsed.has(outside)) {
    return {
      code: 'APPLICATION_EXPIRED',
      field: 'items',
      zh: `本单位查询信息事项 ${outside} 的申请已过期，须重新向市信用中心申请`,
      en: `the agency's application for item ${outside} has expired`,
    };
  }
  if (outside) {
    return {
      code: 'ITEM_NOT_PERMITTED',
      field: 'items',
      zh: `本单位未获授权查询信息事项 ${outside}`,
      en: `the agency has no permission for item ${outside}`,
    };
  }
  return null;
}
