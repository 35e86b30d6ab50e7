/**
 * The roles of DESIGN "Who uses it", as stored in `account.role`. The public needs no account. The credit
 * center's side is split where the regulations give different duties:
 * - `competent`: the social credit competent department (000 第四条; 002 第四条(职责分工)): rules, catalog,
 *   supervision, and the authorization archive access needs (002 第十三条);
 * - `center_admin` / `center_staff`: the credit center that runs the platform (000 第四条; 002 第二条),
 *   its administrators (accounts, API clients, calendar) and its case officers;
 * - `archive`: the designated custodian of query application files (002 第十三条 指定专人).
 */
export const ACCOUNT_ROLES = [
  'subject',
  'provider',
  'gov',
  'agency',
  'center_admin',
  'center_staff',
  'archive',
  'competent',
] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** Roles whose accounts act for an organization (all but `subject`). */
export function roleNeedsOrganization(role: AccountRole): boolean {
  return role !== 'subject';
}

/** Roles held by the credit center's own staff, whose accounts belong to the credit center. */
export const CENTER_ROLES: readonly AccountRole[] = ['center_admin', 'center_staff', 'archive'];
