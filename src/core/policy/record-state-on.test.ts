import { describe, expect, it } from 'vitest';
import { parseLocalDate } from '../time/local-date.ts';
import { recordStateOn } from './record-state-on.ts';
import { loadProfile, versionInForce } from './resolver.ts';

function periodsOf(id: 'xiamen' | 'weihai' | 'nantong') {
  return versionInForce(loadProfile(id), parseLocalDate('2025-06-01')).version.parameters.periods;
}

describe.each([
  ['xiamen', 'EXPIRED_ARCHIVED'],
  ['weihai', 'EXPIRED_REMOVED'],
  ['nantong', 'EXPIRED_UNPUBLISHED'],
] as const)('%s', (profile, expired) => {
  const record = { state: 'ACTIVE', disclosureLastDay: '2025-02-28', recordPeriodEnd: null };

  it(`R61 an active record is shown through its last day of disclosure and is ${expired} the next day`, () => {
    expect(recordStateOn(record, parseLocalDate('2025-02-28'), periodsOf(profile))).toBe('ACTIVE');
    expect(recordStateOn(record, parseLocalDate('2025-03-01'), periodsOf(profile))).toBe(expired);
  });

  it('R69 a stored state other than ACTIVE is kept whatever the dates', () => {
    const revoked = { ...record, state: 'REVOKED' };
    expect(recordStateOn(revoked, parseLocalDate('2024-01-01'), periodsOf(profile))).toBe('REVOKED');
  });

  it('R61 a basic record past its record period has ended; an open-ended one stays active', () => {
    const basic = { state: 'ACTIVE', disclosureLastDay: null, recordPeriodEnd: '2025-05-31' };
    expect(recordStateOn(basic, parseLocalDate('2025-06-01'), periodsOf(profile))).toBe(
      'RECORD_PERIOD_ENDED',
    );
    const open = { state: 'ACTIVE', disclosureLastDay: null, recordPeriodEnd: null };
    expect(recordStateOn(open, parseLocalDate('2099-01-01'), periodsOf(profile))).toBe('ACTIVE');
  });
});
