import type { ProfileId } from '../../../core/policy/profile-id.ts';

/** An organization outside government that a city shares information with in batches, with its demo account. */
export interface DemoSharingParty {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  /** The register's kind: `financial_institution`, `credit_reporting_agency`. */
  readonly kind: string;
  /** The demo account that pulls its batches (role `agency`). */
  readonly username: string;
}

/**
 * Demo-only parties of the sharing mechanism: Nantong shares with credit reporting agencies and financial
 * institutions under agreements (004 第二十三条; R100); Xiamen's batch port serves its demo credit service
 * agency only, and Weihai has none.
 */
export const demoSharingParties: Readonly<Record<ProfileId, readonly DemoSharingParty[]>> = {
  xiamen: [],
  weihai: [],
  nantong: [
    {
      code: 'NT-BANK-DEMO',
      name: '示范银行南通分行（演示）',
      nameEn: 'Demo Bank, Nantong Branch (demo)',
      kind: 'financial_institution',
      username: 'bank',
    },
  ],
};
