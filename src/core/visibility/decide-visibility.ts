import type { DisclosureAttribute } from '../catalog/item.ts';
import type { PolicyParameters } from '../policy/types.ts';
import type { RecordMarker, RecordState } from './record-states.ts';

/*
 * Spec Tables F-1 and F-2: whether a viewer sees a record, with which markers, or which rule hid it. Table F-1
 * (the record's disclosure attribute against the viewer) is applied first, Table F-2 (the record's state)
 * after it (R61). Every query channel, feed, batch file and report goes through this one function; the
 * caller passes the records of the subject being queried, checks an authorization's validity and purpose
 * before handing it in, and logs every ARCHIVE access (R69).
 */

/** A valid authorization from the queried subject (R80), as far as visibility depends on it. */
export interface Authorization {
  /** The item codes it covers; `ALL_AUTHORIZED_ITEMS` when the document names none. */
  items: ReadonlySet<string> | 'ALL_AUTHORIZED_ITEMS';
  /** WH: the written authorization reaches the subject's 政务共享 records too; false elsewhere. */
  coversGovernmentShared: boolean;
}

/** The viewer types of spec §2.F, each with what it holds. */
export type Viewer =
  /** Anyone on a public channel, without authentication. */
  | { kind: 'PUBLIC' }
  /** The subject itself after identity verification. */
  | { kind: 'SELF' }
  /** A third party; `authorization` null when it holds none (or none that is valid for the query). */
  | { kind: 'AUTH_3P'; authorization: Authorization | null }
  /**
   * An agency user: the item codes whose 政务共享 records its agency may use (R15, R63, R84), and the
   * subject's authorization if it holds one. `itemScope`: the items of a platform query account the
   * center opened for the agency's approved query needs (002 第九条 ¶2; R89), absent when it is not scoped.
   */
  | {
      kind: 'GOV';
      sharingPermissions: ReadonlySet<string>;
      authorization: Authorization | null;
      itemScope?: ReadonlySet<string>;
    }
  /** A credit service agency on the batch port, with the subject's authorization on file if any. */
  | { kind: 'CSA'; authorization: Authorization | null }
  /**
   * An evaluation, scoring or rating consumer (e.g. a natural-person score such as 白鹭分; 000 第二十四条 ¶2,
   * 003 第二十七条, 004 第七条): what society sees, and only while ACTIVE (R74). It holds no authorization.
   */
  | { kind: 'SCORING' }
  /** A provider's management view: its own records in every state, others' as the public sees them. */
  | { kind: 'PROVIDER'; providerCode: string }
  /** Center staff with the archive role: every state. */
  | { kind: 'ARCHIVE' };

export type ViewerKind = Viewer['kind'];

/** A record, as far as its visibility depends on it. */
export interface VisibilityRecord {
  itemCode: string;
  providerCode: string;
  disclosure: DisclosureAttribute;
  state: RecordState;
  /** An objection on the record is accepted and not yet closed. */
  objectionOpen: boolean;
  /** WH: the subject still disagrees after the objection was decided (R130). */
  disputePersists: boolean;
  /** Supplied by the subject itself (R141, R142). */
  selfDeclared: boolean;
  subjectIsNaturalPerson: boolean;
  /** The item carries the national-exception flag (国家另有规定) with a cited national provision (R64, A-57). */
  itemNationalException: boolean;
}

export interface VisibilityInput {
  viewer: Viewer;
  record: VisibilityRecord;
  /** The parameters of the profile version in force (`versionInForce(profile, today).version.parameters`). */
  params: PolicyParameters;
}

/** The rule that hid a record: a Table F-1 cell, R64, a Table F-2 row, or the absence of a batch port. */
export type HiddenRule =
  | 'CSA_NO_BATCH_SERVICE'
  | 'R64_NATURAL_PERSON_NOT_PUBLIC'
  | 'F1_ATTRIBUTE_NOT_FOR_VIEWER'
  | 'F1_NO_AUTHORIZATION'
  | 'F1_OUTSIDE_AUTHORIZATION'
  | 'F1_NO_SHARING_PERMISSION'
  | 'F1_OUTSIDE_ACCOUNT_SCOPE'
  | 'F2_SUSPENDED_OBJECTION'
  | 'F2_REPAIRED'
  | 'F2_EXPIRED'
  | 'F2_OPTED_OUT'
  | 'F2_INACTIVE_STATE';

export type VisibilityDecision =
  | { shown: true; markers: RecordMarker[] }
  | {
      shown: false;
      rule: HiddenRule;
      reason: { zh: string; en: string };
      /** The article: the profile parameter's source where a parameter decides, else the spec's rule. */
      citation: string;
    };

type Hidden = Extract<VisibilityDecision, { shown: false }>;

const REASONS: Readonly<Record<HiddenRule, { zh: string; en: string }>> = {
  CSA_NO_BATCH_SERVICE: {
    zh: '本地规定未设公共信用信息批量查询服务',
    en: 'This city offers no batch query service',
  },
  R64_NATURAL_PERSON_NOT_PUBLIC: {
    zh: '自然人的公共信用信息不得公开公示',
    en: "A natural person's records are not publicly disclosed",
  },
  F1_ATTRIBUTE_NOT_FOR_VIEWER: {
    zh: '该信息的公开属性不向此类查询者提供',
    en: "The record's disclosure attribute does not reach this viewer",
  },
  F1_NO_AUTHORIZATION: {
    zh: '查询该信息须经信息主体授权',
    en: "The subject's authorization is required",
  },
  F1_OUTSIDE_AUTHORIZATION: {
    zh: '该信息不在信息主体授权范围内',
    en: "The record is outside the subject's authorization",
  },
  F1_NO_SHARING_PERMISSION: {
    zh: '本单位无该信息事项的政务共享使用权限',
    en: 'The agency has no sharing permission for this item',
  },
  F1_OUTSIDE_ACCOUNT_SCOPE: {
    zh: '该信息事项不在本查询账号的查询范围内',
    en: "The item is outside the query account's scope",
  },
  F2_SUSPENDED_OBJECTION: {
    zh: '信息提供单位未按期核查异议，已中止提供该信息的查询',
    en: 'Queries are suspended: the provider missed its objection-verification deadline',
  },
  F2_REPAIRED: {
    zh: '该信息已完成信用修复，不再对外提供查询',
    en: 'The record was repaired and is no longer provided externally',
  },
  F2_EXPIRED: {
    zh: '该信息公示（披露）期限已届满，不再提供查询',
    en: "The record's disclosure period has ended",
  },
  F2_OPTED_OUT: {
    zh: '信息主体已申请不予公开或删除该信息',
    en: 'The subject opted out of its disclosure or had it deleted',
  },
  F2_INACTIVE_STATE: {
    zh: '该信息不在公示状态',
    en: 'The record is not active',
  },
};

function hidden(rule: HiddenRule, citation: string): Hidden {
  return { shown: false, rule, reason: REASONS[rule], citation };
}

/** The viewers Tables F-1 and F-2 filter: everyone but ARCHIVE and a provider looking at its own records. */
type ExternalViewer = Extract<Viewer, { kind: 'PUBLIC' | 'SELF' | 'AUTH_3P' | 'GOV' | 'CSA' | 'SCORING' }>;

export function decideVisibility({ viewer, record, params }: VisibilityInput): VisibilityDecision {
  // Spec §2.F after Table F-2: ARCHIVE sees all states, PROVIDER its own records in all states.
  if (viewer.kind === 'ARCHIVE') return { shown: true, markers: markersOf(record, viewer, params) };
  if (viewer.kind === 'PROVIDER' && viewer.providerCode === record.providerCode) {
    return { shown: true, markers: markersOf(record, viewer, params) };
  }
  // Another provider's records reach a provider's view only as they reach the public; an agency that needs
  // them through government sharing queries as GOV (003 第二十一条 ¶2, 第二十三条).
  const external: ExternalViewer = viewer.kind === 'PROVIDER' ? { kind: 'PUBLIC' } : viewer;
  const decision = tableF1(external, record, params) ?? tableF2(external, record, params);
  return decision ?? { shown: true, markers: markersOf(record, external, params) };
}

/** The records a viewer sees, in their order, each with its markers. */
export function filterVisible<R extends VisibilityRecord>(
  records: readonly R[],
  viewer: Viewer,
  params: PolicyParameters,
): { record: R; markers: RecordMarker[] }[] {
  const visible: { record: R; markers: RecordMarker[] }[] = [];
  for (const record of records) {
    const decision = decideVisibility({ viewer, record, params });
    if (decision.shown) visible.push({ record, markers: decision.markers });
  }
  return visible;
}

/** Table F-1: the record's disclosure attribute against the viewer, as if the record were ACTIVE. */
function tableF1(viewer: ExternalViewer, record: VisibilityRecord, params: PolicyParameters): Hidden | null {
  const { queries } = params;
  // 002 第九条 ¶2: an account opened for the agency's approved items queries those items only (R89).
  if (viewer.kind === 'GOV' && viewer.itemScope && !viewer.itemScope.has(record.itemCode)) {
    return hidden('F1_OUTSIDE_ACCOUNT_SCOPE', 'spec R89 (account scoped to approved items)');
  }
  // 000 第二十一条 ¶2; 004 第二十三条, 第二十四条: WH has no batch port at all (R98).
  if (viewer.kind === 'CSA' && !queries.batchEnabled.value) {
    return hidden('CSA_NO_BATCH_SERVICE', queries.batchEnabled.source);
  }
  switch (record.disclosure) {
    case 'public':
      return publicRow(viewer, record, params);
    case 'authorized':
      return authorizedRow(viewer, record, params);
    case 'government':
      return governmentRow(viewer, record, params);
  }
}

/** 社会公开 / 公开公示: 000 第十七条; 003 第二十一条 ¶1; 004 第二十一条. */
function publicRow(
  viewer: ExternalViewer,
  record: VisibilityRecord,
  params: PolicyParameters,
): Hidden | null {
  const allowed = params.disclosure.naturalPersonPublicAllowed;
  // 003 第二十条 ¶3: 自然人的公共信用信息…不得公开公示，国家另有规定的除外 (R64, A-57); a scoring product
  // is a channel to society too.
  if (
    (viewer.kind === 'PUBLIC' || viewer.kind === 'SCORING') &&
    record.subjectIsNaturalPerson &&
    !allowed.value &&
    !record.itemNationalException
  ) {
    return hidden('R64_NATURAL_PERSON_NOT_PUBLIC', allowed.source);
  }
  return null;
}

/** 授权查询: 000 第十一条(二) (须由社会信用主体授权同意才能被查询知悉). */
function authorizedRow(
  viewer: ExternalViewer,
  record: VisibilityRecord,
  params: PolicyParameters,
): Hidden | null {
  const { disclosure, queries } = params;
  switch (viewer.kind) {
    case 'PUBLIC':
      return hidden('F1_ATTRIBUTE_NOT_FOR_VIEWER', disclosure.attributeNames.source);
    // 000 第十八条; 003 第二十二条(二); 004 第二十二条 (R65)
    case 'SELF':
      return null;
    // 000 第十八条; 003 第二十二条(三); 004 第二十二条 (R66)
    case 'AUTH_3P':
      return withinAuthorization(viewer.authorization, record, queries.thirdPartyAuthorizationForms.source);
    // 000 第十九条 covers agencies in general, yet the attribute needs consent: A-24 (R63)
    case 'GOV':
      return withinAuthorization(viewer.authorization, record, `${disclosure.attributeNames.source}; A-24`);
    // 000 第二十一条 ¶2; A-33 (R99)
    case 'CSA':
      return withinAuthorization(viewer.authorization, record, `${queries.batchEnabled.source}; A-33`);
    // A scoring feed carries no authorization: consent-gated records do not reach it (R74).
    case 'SCORING':
      return hidden('F1_ATTRIBUTE_NOT_FOR_VIEWER', `${disclosure.attributeNames.source}; R74`);
  }
}

/** 政务共享 / 部门共享 / 政府共享: 000 第十一条(三); 003 第二十三条; 004 第二十条. */
function governmentRow(
  viewer: ExternalViewer,
  record: VisibilityRecord,
  params: PolicyParameters,
): Hidden | null {
  const { disclosure, queries } = params;
  switch (viewer.kind) {
    case 'PUBLIC':
      return hidden('F1_ATTRIBUTE_NOT_FOR_VIEWER', disclosure.attributeNames.source);
    // 003 第二十二条(二) (社会公开以外) against 000 第十八条 and 004 第二十二条; A-23 (R65)
    case 'SELF':
      return disclosure.selfSeesGovShared.value
        ? null
        : hidden('F1_ATTRIBUTE_NOT_FOR_VIEWER', disclosure.selfSeesGovShared.source);
    // 003 第二十二条(三) (经被查询信息主体书面授权) against 000 第十八条 and 004 第二十二条; A-23 (R66)
    case 'AUTH_3P':
      return disclosure.thirdPartySeesGovShared.value
        ? withinAuthorization(viewer.authorization, record, disclosure.thirdPartySeesGovShared.source)
        : hidden('F1_ATTRIBUTE_NOT_FOR_VIEWER', disclosure.thirdPartySeesGovShared.source);
    // 000 第十九条; 003 第二十三条; 004 第二十条: the item's usage permission names the agency (R63, R84)
    case 'GOV':
      return viewer.sharingPermissions.has(record.itemCode)
        ? null
        : hidden('F1_NO_SHARING_PERMISSION', `${disclosure.governmentSharingDefinition.source}; R63`);
    // never government-shared information on the batch port
    case 'CSA':
      return hidden('F1_ATTRIBUTE_NOT_FOR_VIEWER', `${queries.batchEnabled.source}; A-33`);
    // Shared among agencies only; a scoring product is not one (R74)
    case 'SCORING':
      return hidden('F1_ATTRIBUTE_NOT_FOR_VIEWER', `${disclosure.governmentSharingDefinition.source}; R74`);
  }
}

function withinAuthorization(
  authorization: Authorization | null,
  record: VisibilityRecord,
  citation: string,
): Hidden | null {
  if (authorization === null) return hidden('F1_NO_AUTHORIZATION', citation);
  // 003 第二十二条(三): a WH authorization reaches 政务共享 records only when it says so.
  if (record.disclosure === 'government' && !authorization.coversGovernmentShared) {
    return hidden('F1_OUTSIDE_AUTHORIZATION', citation);
  }
  // 000 第十八条 (约定的查询用途); R80: the items named in the authorization record
  const { items } = authorization;
  if (items !== 'ALL_AUTHORIZED_ITEMS' && !items.has(record.itemCode)) {
    return hidden('F1_OUTSIDE_AUTHORIZATION', citation);
  }
  return null;
}

/** The rows of Table F-2, each state in the row that governs it. */
type F2Row = 'ACTIVE' | 'SUSPENDED' | 'REPAIRED' | 'EXPIRED' | 'OPTED_OUT' | 'INACTIVE';

const F2_ROW: Readonly<Record<RecordState, F2Row>> = {
  ACTIVE: 'ACTIVE',
  SUSPENDED_OBJECTION: 'SUSPENDED',
  REPAIRED: 'REPAIRED',
  ARCHIVED_ORIGINAL: 'REPAIRED',
  EXPIRED_ARCHIVED: 'EXPIRED',
  EXPIRED_REMOVED: 'EXPIRED',
  EXPIRED_UNPUBLISHED: 'EXPIRED',
  OPTED_OUT_ARCHIVED: 'OPTED_OUT',
  DELETED_ON_REQUEST: 'OPTED_OUT',
  REVOKED: 'INACTIVE',
  SUPERSEDED: 'INACTIVE',
  RECORD_PERIOD_ENDED: 'INACTIVE',
  RECEIVED: 'INACTIVE',
  RETURNED: 'INACTIVE',
  PENDING_VERIFICATION: 'INACTIVE',
  NOT_PUBLISHED: 'INACTIVE',
};

/**
 * Table F-2. A scoring consumer gets ACTIVE records only, whatever exception the profile gives another viewer:
 * 000 第十条 (不再作为…社会信用评价的依据), 第二十五条 ¶3, 第二十八条, 第二十九条 (R74).
 */
function tableF2(viewer: ExternalViewer, record: VisibilityRecord, params: PolicyParameters): Hidden | null {
  const decision = stateOverlay(viewer, record, params);
  return decision && viewer.kind === 'SCORING'
    ? { ...decision, citation: `${decision.citation}; R74` }
    : decision;
}

/** Table F-2's rows: every state but ACTIVE leaves every external output (R69), save the profile's exceptions. */
function stateOverlay(
  viewer: ExternalViewer,
  record: VisibilityRecord,
  params: PolicyParameters,
): Hidden | null {
  const { disclosure } = params;
  // 000 第十条, 第二十五条 ¶3; 003 第十九条 ¶2; 004 第三十条: the subject too, unless switched
  const selfSeesInactive = viewer.kind === 'SELF' && disclosure.selfSeesInactive.value;
  switch (F2_ROW[record.state]) {
    case 'ACTIVE':
      return null;
    case 'SUSPENDED': {
      // 000 第二十八条 (中止提供该信息的查询服务); 003 第二十九条 ¶3 (中止向社会提供)
      const suspension = disclosure.suspensionOnOverdueVerification;
      return suspension.value === 'SOCIETY' && viewer.kind === 'GOV'
        ? null
        : hidden('F2_SUSPENDED_OBJECTION', suspension.source);
    }
    case 'REPAIRED':
      // 000 第二十五条 ¶3; 003 第三十二条; 004 第三十五条 ¶2
      if (selfSeesInactive) return null;
      return hidden(
        'F2_REPAIRED',
        viewer.kind === 'SELF' ? disclosure.selfSeesInactive.source : params.repair.effect.source,
      );
    case 'EXPIRED':
      // 000 第十条; 003 第十九条 ¶2; 004 第三十条, with A-20 (`nt.expired_visible_to_gov`)
      if (selfSeesInactive) return null;
      if (viewer.kind === 'GOV') {
        return disclosure.expiredVisibleToGov.value
          ? null
          : hidden('F2_EXPIRED', disclosure.expiredVisibleToGov.source);
      }
      return hidden(
        'F2_EXPIRED',
        viewer.kind === 'SELF' ? disclosure.selfSeesInactive.source : params.periods.expiryState.source,
      );
    case 'OPTED_OUT':
      // 000 第二十九条; 003 第三十三条
      return hidden('F2_OPTED_OUT', params.optOut.mode.source);
    case 'INACTIVE':
      // Table F-2 last row: revoked, superseded, ended, not yet validated or awaiting verification
      return hidden('F2_INACTIVE_STATE', 'spec R69 (Table F-2)');
  }
}

/** The markers a shown record carries, in the order of RECORD_MARKERS. */
function markersOf(record: VisibilityRecord, viewer: Viewer, params: PolicyParameters): RecordMarker[] {
  const markers: RecordMarker[] = [];
  // 003 第二十九条 ¶3: GOV still sees a record suspended for society, marked as overdue (R129, A-25)
  if (record.state === 'SUSPENDED_OBJECTION') markers.push('OBJECTION_VERIFICATION_OVERDUE');
  // 000 第二十八条; 003 第二十九条 ¶3; 004 第三十二条 ¶3 (NT: 但不影响其公示与应用) — R67
  else if (record.objectionOpen) markers.push('OBJECTION_MARKED');
  // 003 第二十九条 ¶3 (处理完毕但信息主体仍然有异议); ends when the record leaves ACTIVE (R130, A-46)
  if (
    record.disputePersists &&
    record.state === 'ACTIVE' &&
    params.disclosure.objectionMarker.value === 'DURING_AND_WHILE_DISPUTED'
  ) {
    markers.push('DISPUTE_PERSISTS');
  }
  // 000 第十三条; 003 第十八条 ¶2 (R141, R142)
  if (record.selfDeclared) markers.push('SELF_DECLARED');
  // 003 第二十一条 ¶2: 不得披露…其他信息提供主体归集的部门共享公共信用信息 (R73)
  if (
    viewer.kind === 'GOV' &&
    record.disclosure === 'government' &&
    params.disclosure.providerRepublication.value === 'OWN_PRODUCED_ONLY'
  ) {
    markers.push('GOV_SHARED_NOT_FOR_DISCLOSURE');
  }
  return markers;
}
