/** The roles of DESIGN "Who uses it", as stored in `account.role`. The public needs no account. */
export const ACCOUNT_ROLES = ['subject', 'provider', 'gov', 'agency', 'center'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];
