import { checkCode } from '../../core/identity/index.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { hashSecret } from '../../platform/security/secrets.ts';
import { publishedVersions } from '../catalog/store.ts';
import { temporaryPassword } from './password-policy.ts';
import { type AccountRole, CENTER_ROLES, roleNeedsOrganization } from './roles.ts';
import {
  type AccountRow,
  findAccountById,
  findOrganization,
  findSubject,
  identityLinked,
  insertAccountItemScope,
  insertAccounts,
  linkIdentity,
  usernameTaken,
} from './store.ts';

export interface CreateAccountInput {
  username: string;
  displayName: string;
  role: AccountRole;
  organizationCode?: string | null;
  subjectCode?: string | null;
  /** An organization subject's registered authorized operator (spec A-28): the ID number real-name verification must match. */
  operatorIdNumber?: string | null;
  /** The person's `sub` at the single sign-on provider, linking this account to it. */
  ssoSubject?: string | null;
  /** A government query account's catalog items (002 第九条 ¶2; R89); absent or null: not scoped. */
  itemScope?: readonly string[] | null;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,31}$/;

/** Which organizations may hold accounts of a role. */
/**
 * The market parties that query under authorizations, approvals or agreements: credit service agencies
 * (000 第二十一条), and in Nantong also credit reporting agencies and financial institutions (004 第二十三条).
 */
const AGENCY_KINDS: readonly string[] = [
  'credit_service_agency',
  'credit_reporting_agency',
  'financial_institution',
];

function organizationFits(role: AccountRole, organization: { kind: string; isProvider: boolean }): boolean {
  if (CENTER_ROLES.includes(role)) return organization.kind === 'credit_center';
  if (role === 'agency') return AGENCY_KINDS.includes(organization.kind);
  if (role === 'provider') return organization.isProvider;
  // Government users and the competent department: any state organ or authorized organization.
  return organization.kind !== 'credit_center' && !AGENCY_KINDS.includes(organization.kind);
}

async function checkRoleBinding(ctx: UseCaseContext, input: CreateAccountInput): Promise<void> {
  if (roleNeedsOrganization(input.role)) {
    if (input.subjectCode) {
      throw new InvalidInputError(
        'subjectCode',
        '只有信用主体账号关联主体代码',
        'only subject accounts have one',
      );
    }
    if (!input.organizationCode) {
      throw new InvalidInputError('organizationCode', '该角色须属于一个单位', 'required for this role');
    }
    const organization = await findOrganization(ctx.db, input.organizationCode);
    if (!organization) throw new InvalidInputError('organizationCode', '单位不存在', 'no such organization');
    if (!organizationFits(input.role, organization)) {
      throw new InvalidInputError(
        'organizationCode',
        `${organization.name}不能持有该角色的账号`,
        `${organization.code} cannot hold accounts of role ${input.role}`,
      );
    }
    return;
  }
  if (input.organizationCode) {
    throw new InvalidInputError(
      'organizationCode',
      '信用主体账号不属于单位',
      'subject accounts belong to no organization',
    );
  }
  if (!input.subjectCode)
    throw new InvalidInputError('subjectCode', '信用主体账号须关联主体代码', 'required');
  const subject = await findSubject(ctx.db, input.subjectCode);
  if (!subject) throw new InvalidInputError('subjectCode', '信用主体不存在', 'no such credit subject');
  if (subject.kind === 'natural_person') {
    if (input.operatorIdNumber) {
      throw new InvalidInputError(
        'operatorIdNumber',
        '自然人账号由本人认证，无需经办人',
        'a natural person verifies as itself',
      );
    }
    return;
  }
  // Spec A-28: an organization is verified through its legal representative or a registered authorized operator.
  const operator = checkCode(input.operatorIdNumber ?? '', { today: ctx.clock.today() });
  if (operator.kind !== 'resident_id' || !operator.valid) {
    throw new InvalidInputError(
      'operatorIdNumber',
      '组织主体账号须登记经办人（法定代表人或授权经办人）的有效居民身份证号码',
      'an organization subject needs its operator’s valid resident ID number',
    );
  }
}

/**
 * 002 第九条 ¶2: the center opens an agency that cannot integrate query accounts scoped to its approved query
 * needs (R89). The scope names published catalog items, and only a government query account has one. It
 * narrows what the account may query and never widens it: the agency's own permissions still apply (R63, R84).
 */
async function checkItemScope(ctx: UseCaseContext, input: CreateAccountInput): Promise<string[] | null> {
  if (input.itemScope === undefined || input.itemScope === null) return null;
  if (input.role !== 'gov') {
    throw new InvalidInputError(
      'itemScope',
      '只有政务查询账号可限定查询的信息事项',
      'only government query accounts are scoped to catalog items',
    );
  }
  const scope = [...new Set(input.itemScope.map((code) => code.trim()))].sort();
  if (scope.length === 0) {
    throw new InvalidInputError('itemScope', '请至少选择一个信息事项', 'choose at least one catalog item');
  }
  const published = new Set((await publishedVersions(ctx.db)).map((version) => version.itemCode));
  const unknown = scope.filter((code) => !published.has(code));
  if (unknown.length > 0) {
    throw new InvalidInputError(
      'itemScope',
      `目录中没有已发布的信息事项：${unknown.join('、')}`,
      `no published catalog item: ${unknown.join(', ')}`,
    );
  }
  return scope;
}

/**
 * The center creates an account. It gets a temporary password, shown once to the administrator, which
 * the holder must change at first sign-in.
 */
export async function createAccount(
  ctx: UseCaseContext,
  input: CreateAccountInput,
  sso: { issuer: string } | null,
): Promise<{ account: AccountRow; temporaryPassword: string }> {
  const username = input.username.trim();
  if (!USERNAME.test(username)) {
    throw new InvalidInputError(
      'username',
      '用户名为 3–32 位小写字母、数字或 . _ -，以字母或数字开头',
      '3–32 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
  }
  if (await usernameTaken(ctx.db, username)) {
    throw new InvalidInputError('username', '用户名已被使用', 'already taken');
  }
  const displayName = input.displayName.trim();
  if (displayName.length === 0 || displayName.length > 64) {
    throw new InvalidInputError('displayName', '请填写 1–64 个字符的姓名或名称', '1–64 characters');
  }
  await checkRoleBinding(ctx, input);
  const itemScope = await checkItemScope(ctx, input);
  const ssoSubject = input.ssoSubject?.trim() || null;
  if (ssoSubject && !sso) {
    throw new InvalidInputError('ssoSubject', '未配置统一身份认证', 'single sign-on is not configured');
  }
  if (ssoSubject && sso && (await identityLinked(ctx.db, sso.issuer, ssoSubject))) {
    throw new InvalidInputError(
      'ssoSubject',
      '该统一身份认证账号已关联其他账号',
      'already linked to another account',
    );
  }

  const password = temporaryPassword();
  const now = ctx.clock.now();
  const [id] = await insertAccounts(
    ctx.db,
    [
      {
        username,
        displayName,
        role: input.role,
        organizationCode: input.organizationCode || null,
        subjectCode: input.subjectCode || null,
        operatorIdNumber: input.operatorIdNumber || null,
        passwordHash: await hashSecret(password),
        passwordMustChange: true,
      },
    ],
    now,
  );
  if (id === undefined) throw new Error('inserting the account returned no id');
  if (itemScope) await insertAccountItemScope(ctx.db, id, itemScope);
  if (ssoSubject && sso)
    await linkIdentity(ctx.db, { issuer: sso.issuer, subject: ssoSubject, accountId: id, at: now });
  await ctx.audit.record({
    action: 'account.create',
    objectType: 'account',
    objectId: String(id),
    payload: { ...input, username, displayName },
    detail: {
      role: input.role,
      organizationCode: input.organizationCode ?? null,
      ssoLinked: ssoSubject !== null,
      itemScope,
    },
  });
  const account = await findAccountById(ctx.db, id);
  if (!account) throw new Error(`account ${id} vanished inside its own transaction`);
  return { account, temporaryPassword: password };
}
