import type { AccountRole } from './roles.ts';

/**
 * THE permission table: every permission a route or a CLI command can ask for, and the roles that hold
 * it. Access is denied by default (src/http/access.ts): a route names one permission, and a caller
 * without it is refused. Changing who may do what is a change to this file only.
 */
export const PERMISSIONS = {
  /** Read one's own account and sessions, change one's own password, sign out. */
  'account.self': '本人账号 / own account',
  /** Start and complete real-name verification (002 第六条(一) i厦门实名认证). */
  'realname.verify': '实名认证 / real-name verification',
  /** Read the credit subject the session is verified for (000 第十八条: self-query after verification). */
  'subject.self.read': '查看本主体信息 / own subject',
  /** Read one's own organization and its API clients. */
  'organization.self.read': '本单位信息 / own organization',
  /** Read every organization (to create accounts and clients for them, to supervise them). */
  'organizations.read': '单位名录 / organizations',
  /**
   * Register an organization as an information provider with its type and collection channel, including
   * XM's judicial organs and stationed units (000 第十二条(三); R18) and WH/NT voluntary providers (003 第三十七条;
   * 004 第四十一条; R19).
   */
  'providers.manage': '信息提供单位登记 / register providers',
  /** Read the administrators' daily alerts (R2 profile lapse, R4 calendar coverage). */
  'alerts.read': '管理提醒 / administrators’ alerts',
  /** Create, disable, enable accounts and reset their passwords. */
  'accounts.manage': '账号管理 / accounts',
  /** Create and revoke API clients of organizations. */
  'api_clients.manage': '接口客户端管理 / API clients',
  /** Look subjects up by any of their codes and link a person's other identity documents (R41, 000 第六条). */
  'subjects.manage': '信用主体标识 / subject identifiers',
  /** Load the State Council holiday notice into the working-day calendar. */
  'calendar.manage': '节假日安排 / working-day calendar',
  /** Read and verify the audit log (R146). */
  'audit.read': '审计日志 / audit log',
  /** Draft catalog items, take them through consultation and approval, publish them (000 第九条). */
  'catalog.manage': '目录编制 / catalog',
  /** Submit records of the items one's organization is permitted, by API or file, and fix returned rows. */
  'collection.submit': '信息报送 / submit records',
  /** Read one's own organization's batches and returns. */
  'collection.own.read': '本单位报送记录 / own submissions',
  /** Read every provider's batches (the center's overview) and the review queue of flagged records (R42). */
  'collection.overview': '归集总览 / collection overview',
  /** Open a subject's credit archive: every record from every provider (R44, 000 第二十二条). */
  'records.archive.read': '信用档案 / credit archives',
  /**
   * Change a record's substance under an objection or repair case that names it (R37: never without one;
   * 000 第三十一条(二), 003 第十八条 ¶3, 004 第三十六条).
   */
  'records.correct': '依案件更正记录 / correct a record under a case',
  /**
   * Query a subject for a duty scenario with a purpose (000 第十九条; 002 第八条, 第九条; R63, R84–R88), through
   * the agency's account or its business system's embedded interface, and read the agency's own query ledger.
   */
  'records.gov.query': '政务查询 / government queries',
  /** Ask why a record is or is not shown to a given viewer (spec §2.F; the explain endpoint). */
  'records.explain': '可见性说明 / explain visibility',
  /** Read and export any organization's query ledger (000 第二十条; 002 第十二条; R91, R92). */
  'query_log.read': '查询日志台账 / query ledgers',
  /** Authorize a named party to query one's own non-public records, and revoke it (000 第十八条; R80). */
  'subject.authorize': '授权他人查询 / authorize queries',
  /** Query another subject under its authorization, where the city allows it online (004 第二十二条; R81). */
  'reports.third_party': '授权查询他人 / query under an authorization',
  /**
   * Read a subject's records for an evaluation, scoring or rating product: ACTIVE records only, never an
   * expired, repaired, opted-out or suspended one (000 第十条, 第二十四条 ¶2; R74).
   */
  'records.scoring_feed': '信用评价数据 / scoring feed',
  /** Record the competent department's approval of an agency's batch access (000 第二十一条 ¶2; R98). */
  'batch.approve': '批量查询批准 / approve batch access',
  /** Submit batches of subjects and download their results, under an approval (R98, R99). */
  'batch.query': '批量查询 / batch queries',
  /**
   * Record an agency's approved query application: WH's written application for government-shared items
   * (003 第二十三条 ¶1; R87), XM's application behind an assisted query (002 第九条 ¶3; R90).
   */
  'query_applications.manage': '查询申请登记 / query applications',
  /** Run a query for an agency on its approved application (002 第九条 ¶3; R90). */
  'records.assisted_query': '协助查询 / assisted queries',
  /** File an objection to one's own records, follow it, and (WH) record continued disagreement (R121, R130). */
  'objections.file': '提出异议 / file objections',
  /**
   * The center's objection desk: record counter filings, accept, compare and forward, close with the outcome
   * (000 第二十七条; 003 第二十八条; 004 第三十二条; R121–R133).
   */
  'objections.manage': '异议处理 / process objections',
  /** Verify an objection forwarded to one's own organization and return the result (000 第二十七条 ¶2; R124). */
  'objections.verify': '异议核查 / verify objections',
  /** Issue a public credit report at a service point or from the shell (000 第二十二条; R76). */
  'reports.issue': '出具信用报告 / issue credit reports',
  /** Operate the instance from the server's shell: migrate, seed, serve, build. */
  'instance.operate': '实例运维 / operate the instance',
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

/**
 * Who holds what. `operator` is not an account role: it is the person at the server's shell running the
 * `gongxin` CLI (the CLI acts as `system:cli`; see src/cli/permissions.ts).
 */
export const ROLE_PERMISSIONS: Readonly<Record<AccountRole | 'operator', readonly Permission[]>> = {
  subject: [
    'account.self',
    'realname.verify',
    'subject.self.read',
    'subject.authorize',
    'reports.third_party',
    'objections.file',
  ],
  // 002 第四条; R83: a provider's counter issues self-reports of the subjects it holds records of.
  provider: [
    'account.self',
    'organization.self.read',
    'collection.submit',
    'collection.own.read',
    'reports.issue',
    'objections.verify',
  ],
  gov: ['account.self', 'organization.self.read', 'records.gov.query'],
  // 000 第二十四条 ¶2; 003 第二十七条: credit service agencies build credit products on the records (R74).
  agency: [
    'account.self',
    'organization.self.read',
    'reports.third_party',
    'batch.query',
    'records.scoring_feed',
  ],
  center_admin: [
    'account.self',
    'organization.self.read',
    'organizations.read',
    'providers.manage',
    'alerts.read',
    'accounts.manage',
    'api_clients.manage',
    'calendar.manage',
    'subjects.manage',
    'audit.read',
    'catalog.manage',
    'collection.overview',
    'records.archive.read',
    'records.correct',
    'records.explain',
    'query_log.read',
    'reports.issue',
    'batch.approve',
    'query_applications.manage',
    'records.assisted_query',
    'objections.manage',
  ],
  center_staff: [
    'account.self',
    'organization.self.read',
    'organizations.read',
    'alerts.read',
    'subjects.manage',
    'catalog.manage',
    'collection.overview',
    'records.archive.read',
    'records.correct',
    'records.explain',
    'reports.issue',
    'query_applications.manage',
    'records.assisted_query',
    'objections.manage',
  ],
  // 002 第十三条: the archive custodian holds the files; reading them needs the competent department's authorization.
  archive: ['account.self', 'organization.self.read', 'records.archive.read'],
  // 000 第九条: the competent department compiles the catalog with the providers.
  competent: [
    'account.self',
    'organization.self.read',
    'organizations.read',
    'alerts.read',
    'audit.read',
    'catalog.manage',
    'collection.overview',
    'query_log.read',
    'batch.approve',
  ],
  operator: [
    'instance.operate',
    'organizations.read',
    'providers.manage',
    'alerts.read',
    'calendar.manage',
    'audit.read',
    'accounts.manage',
    'catalog.manage',
    // `gongxin import`: the operator imports a provider's file on its behalf, named with --provider.
    'collection.submit',
    'collection.overview',
    // `gongxin report` / `verify-report`: the center issues and checks reports from the shell (R76).
    'reports.issue',
    // `gongxin objections …`: the center's objection desk from the shell.
    'objections.manage',
  ],
};

/**
 * What an organization's system may be allowed through an API client (OAuth2 client credentials), by the
 * organization's kind: a client gets a subset of these, never an administrator's powers, and only the
 * credit center's own systems (its monitoring) may read the administrators' alerts.
 */
export function apiClientScopesFor(organizationKind: string): readonly Permission[] {
  if (organizationKind === 'credit_center') return ['organization.self.read', 'alerts.read'];
  // 002 第九条 ¶1; 004 第二十条: an agency's business system queries through the embedded interface (R88).
  const common: Permission[] = [
    'organization.self.read',
    'collection.submit',
    'collection.own.read',
    'records.gov.query',
  ];
  // 000 第二十四条 ¶2; 003 第二十七条: a credit service agency's rating system reads the scoring feed (R74).
  return organizationKind === 'credit_service_agency' ? [...common, 'records.scoring_feed'] : common;
}

/** While an account must change its temporary password, its session holds this permission only. */
export const PASSWORD_CHANGE_ONLY: readonly Permission[] = ['account.self'];

export function permissionsOf(role: AccountRole | 'operator'): ReadonlySet<Permission> {
  return new Set(ROLE_PERMISSIONS[role]);
}

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}
