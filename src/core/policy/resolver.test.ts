import { describe, expect, it } from 'vitest';
import { parseLocalDate as day } from '../time/local-date.ts';
import { cite } from './cited.ts';
import { resolveProfileId } from './profile-id.ts';
import { loadProfile, nationalBaselineOn, profileLapseAlert, versionInForce } from './resolver.ts';
import type { PolicyProfile } from './types.ts';

describe('R2 profile effective dates and the daily alert', () => {
  it.each([
    {
      id: 'weihai',
      lastDay: '2027-05-24',
      dayAfter: '2027-05-25',
      expected: 'WH profile expired on 2027-05-24',
    },
    {
      id: 'xiamen',
      lastDay: '2025-12-23',
      dayAfter: '2025-12-24',
      expected: 'XM profile expired on 2025-12-23',
    },
  ] as const)(
    'R2 $id: no alert on $lastDay, "$expected" from $dayAfter',
    ({ id, lastDay, dayAfter, expected }) => {
      expect(profileLapseAlert(loadProfile(id), day(lastDay))).toBeNull();
      const alert = profileLapseAlert(loadProfile(id), day(dayAfter));
      expect(alert?.code).toBe('PROFILE_EXPIRED');
      expect(alert?.en).toBe(expected);
      expect(alert?.zh).toContain(`已于${lastDay}到期失效`);
    },
  );

  it.each([
    { id: 'xiamen', before: '2020-12-23', expected: 'XM profile not in force until 2020-12-24' },
    { id: 'weihai', before: '2022-05-24', expected: 'WH profile not in force until 2022-05-25' },
  ] as const)('R2 $id: alert before the first day in force', ({ id, before, expected }) => {
    expect(profileLapseAlert(loadProfile(id), day(before))?.en).toBe(expected);
  });

  it('R2 nantong: no end date; alert until the issue date is configured, none once it is (A-3)', () => {
    expect(profileLapseAlert(loadProfile('nantong'), day('2030-01-01'))?.code).toBe(
      'PROFILE_EFFECTIVE_DATE_UNSET',
    );
    const configured = { nantongIssuedOn: day('2018-06-01') };
    expect(profileLapseAlert(loadProfile('nantong', configured), day('2030-01-01'))).toBeNull();
    expect(profileLapseAlert(loadProfile('nantong', configured), day('2018-05-31'))?.en).toBe(
      'NT profile not in force until 2018-06-01',
    );
  });

  it.each(['xiamen', 'weihai'] as const)('R2 %s keeps applying the last version after it lapses', (id) => {
    const profile = loadProfile(id);
    const resolved = versionInForce(profile, day('2031-01-01'));
    expect(resolved.lapse).toBe('EXPIRED');
    expect(resolved.version).toBe(profile.versions.at(-1));
  });
});

/** A hypothetical successor version of a profile, effective from `from`, with 2-year general periods. */
function withSuccessor(profile: PolicyProfile, from: string): PolicyProfile {
  const current = profile.versions[0];
  if (current === undefined) throw new Error('no version');
  const { periods } = current.parameters;
  const successor = {
    ...current,
    versionId: `${current.versionId}-successor`,
    effectiveFrom: cite(day(from), 'hypothetical successor (R3 test)'),
    effectiveTo: cite(null, 'hypothetical successor (R3 test)'),
    parameters: {
      ...current.parameters,
      periods: { ...periods, dishonestGeneral: cite({ years: 2 }, 'hypothetical') },
    },
  };
  return { ...profile, versions: [current, successor] };
}

describe.each(['xiamen', 'weihai', 'nantong'] as const)('R3 %s: the version in force on a date', (id) => {
  const profile = withSuccessor(loadProfile(id), '2025-01-01');

  it('R3 picks v1 before the successor takes effect and the successor from its first day', () => {
    expect(versionInForce(profile, day('2024-06-01')).version.versionId).not.toMatch(/successor/);
    expect(versionInForce(profile, day('2024-12-31')).version.versionId).not.toMatch(/successor/);
    expect(versionInForce(profile, day('2025-01-01')).version.versionId).toMatch(/successor/);
  });
});

describe('DESIGN Decision 1: the national baseline layer by date', () => {
  it('is absent before 2026-04-01 and in force from that day', () => {
    expect(nationalBaselineOn(day('2026-03-31'))).toBeNull();
    expect(nationalBaselineOn(day('2026-04-01'))?.versionId).toBe('ndrc-order-36');
  });
});

describe('GONGXIN_PROFILE values', () => {
  it('default to xiamen and accept each city in any case', () => {
    expect(resolveProfileId(undefined)).toBe('xiamen');
    expect(resolveProfileId('')).toBe('xiamen');
    expect(resolveProfileId('WeiHai')).toBe('weihai');
    expect(resolveProfileId(' nantong ')).toBe('nantong');
  });

  it('refuse anything else, naming the accepted values', () => {
    expect(() => resolveProfileId('shanghai')).toThrow(/unknown profile "shanghai".*xiamen, weihai, nantong/);
  });
});
