import type { BatchParty } from '../../core/policy/types.ts';
import { PROVIDER_KINDS } from '../seed/data/index.ts';

/** The register's kinds of organization outside government that batch access may be given to. */
const SOCIAL_PARTIES: Readonly<Record<string, BatchParty>> = {
  credit_service_agency: 'CREDIT_SERVICE_AGENCY',
  credit_reporting_agency: 'CREDIT_REPORTING_AGENCY',
  financial_institution: 'FINANCIAL_INSTITUTION',
};

/**
 * Which party of batch access an organization of the register is, or null (the credit center itself, or a
 * kind the register does not know): the state organs and bodies managing public affairs that provide records
 * are also the government information user units (004 第六条 ¶2: 政府部门).
 */
export function batchPartyOf(organizationKind: string): BatchParty | null {
  if (Object.hasOwn(SOCIAL_PARTIES, organizationKind)) return SOCIAL_PARTIES[organizationKind] ?? null;
  return (PROVIDER_KINDS as readonly string[]).includes(organizationKind) ? 'GOVERNMENT_UNIT' : null;
}

/** The kinds of organization of the register that are any of these parties. */
export function organizationKindsOf(parties: readonly BatchParty[]): string[] {
  return [
    ...Object.entries(SOCIAL_PARTIES)
      .filter(([, party]) => parties.includes(party))
      .map(([kind]) => kind),
    ...(parties.includes('GOVERNMENT_UNIT') ? PROVIDER_KINDS : []),
  ];
}
