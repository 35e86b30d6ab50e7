import { describe, expect, it } from 'vitest';
import { type LocalDate, parseLocalDate } from '../time/local-date.ts';
import { cite } from './cited.ts';
import type { ProfileId } from './profile-id.ts';
import { computeRecordPeriods, type RecordPeriodInput } from './record-periods.ts';
import { loadProfile } from './resolver.ts';
import type { PolicyParameters, PolicyProfile } from './types.ts';

const DATE_FIELDS = [
  'decidedOn',
  'actEndedOn',
  'publishedOn',
  'acceptedOn',
  'correctedOn',
  'validUntil',
  'cancelledOn',
  'subjectTerminatedOn',
  'subjectDiedOn',
] as const;
type DateField = (typeof DATE_FIELDS)[number];
/** The input with ISO strings for dates, as the spec's examples give them. */
type TextInput = Omit<RecordPeriodInput, DateField> &
  Partial<Record<DateField, string>> & { decidedOn: string };

function periodsOf(profile: ProfileId | PolicyProfile, text: TextInput) {
  const input: Record<string, unknown> = { ...text };
  for (const field of DATE_FIELDS) {
    const value = text[field];
    if (value !== undefined) input[field] = parseLocalDate(value) satisfies LocalDate;
  }
  const loaded = typeof profile === 'string' ? loadProfile(profile) : profile;
  return computeRecordPeriods(loaded, input as unknown as RecordPeriodInput);
}

/** A profile with one parameter group changed, to exercise an A-n switch. */
function withParameters<G extends keyof PolicyParameters>(
  id: ProfileId,
  group: G,
  patch: Partial<PolicyParameters[G]>,
): PolicyProfile {
  const profile = loadProfile(id);
  return {
    ...profile,
    versions: profile.versions.map((version) => ({
      ...version,
      parameters: { ...version.parameters, [group]: { ...version.parameters[group], ...patch } },
    })),
  };
}

/** §3.4 worked example: act ended 2023-12-31, GENERAL, decision dated 2024-03-15. */
const WORKED_EXAMPLE = {
  category: 'dishonest',
  severity: 'general',
  decidedOn: '2024-03-15',
  actEndedOn: '2023-12-31',
} as const;

describe('§3.4 worked example: act ended 2023-12-31, GENERAL, decision dated 2024-03-15', () => {
  it.each([
    { profile: 'xiamen', itemPeriod: undefined, case: 'decision 2024-03-15', lastDay: '2025-03-15' },
    { profile: 'weihai', itemPeriod: { years: 3 }, case: 'P = 3 y', lastDay: '2026-12-31' },
    { profile: 'weihai', itemPeriod: { years: 5 }, case: 'P = 5 y', lastDay: '2028-12-31' },
    { profile: 'nantong', itemPeriod: undefined, case: 'determined 2024-03-15', lastDay: '2025-03-15' },
  ] as const)('R1 $profile, $case: last day $lastDay', ({ profile, itemPeriod, lastDay }) => {
    const result = periodsOf(profile, { ...WORKED_EXAMPLE, itemPeriod });
    expect(result.rejections).toEqual([]);
    expect(result.disclosureLastDay).toBe(lastDay);
  });
});

describe.each([
  { profile: 'xiamen', lastDay: '2025-03-15' },
  { profile: 'weihai', lastDay: '2026-12-31' },
  { profile: 'nantong', lastDay: '2025-03-15' },
] as const)('R1 $profile evaluates the record with its own profile', ({ profile, lastDay }) => {
  it(`R1 the same penalty (GENERAL, document 2024-03-15, act ended 2023-12-31, WH P = 3 y) ends ${lastDay}`, () => {
    const result = periodsOf(profile, { ...WORKED_EXAMPLE, itemPeriod: { years: 3 } });
    expect(result.profileId).toBe(profile);
    expect(result.disclosureLastDay).toBe(lastDay);
  });
});

describe('R3 the profile version in force on the acceptance date', () => {
  const profile = loadProfile('xiamen');
  const [v1] = profile.versions;
  if (v1 === undefined) throw new Error('no version');
  const v2 = {
    ...v1,
    versionId: 'xiamen-hypothetical-v2',
    effectiveFrom: cite(parseLocalDate('2025-01-01'), 'hypothetical v2 (R3 acceptance example)'),
    parameters: {
      ...v1.parameters,
      periods: { ...v1.parameters.periods, dishonestGeneral: cite({ years: 2 }, 'hypothetical v2') },
    },
  };
  const versioned: PolicyProfile = { ...profile, versions: [v1, v2] };

  it('R3 a record dated 2024-05-20 accepted 2024-06-01 ends 2025-05-20 and stays so after v2 takes effect', () => {
    const result = periodsOf(versioned, {
      category: 'dishonest',
      severity: 'general',
      decidedOn: '2024-05-20',
      acceptedOn: '2024-06-01',
    });
    expect(result.profileVersion).toBe('xiamen-2020');
    expect(result.disclosureLastDay).toBe('2025-05-20');
  });

  it('R3 a record accepted on or after 2025-01-01 takes the v2 period', () => {
    const result = periodsOf(versioned, {
      category: 'dishonest',
      severity: 'general',
      decidedOn: '2024-12-20',
      acceptedOn: '2025-01-01',
    });
    expect(result.profileVersion).toBe('xiamen-hypothetical-v2');
    expect(result.disclosureLastDay).toBe('2026-12-20');
  });

  it('R2 a record accepted after the last version lapsed uses it and says so', () => {
    const result = periodsOf('xiamen', {
      category: 'dishonest',
      severity: 'general',
      decidedOn: '2026-01-05',
    });
    expect(result.profileVersion).toBe('xiamen-2020');
    expect(result.profileLapse).toBe('EXPIRED');
  });
});

describe('R5 calendar periods (C3) and "N months elapsed" (C4)', () => {
  it.each([
    { profile: 'xiamen', input: { category: 'dishonest', severity: 'general', decidedOn: '2024-02-29' } },
    { profile: 'nantong', input: { category: 'dishonest', severity: 'general', decidedOn: '2024-02-29' } },
    {
      profile: 'weihai',
      input: {
        category: 'dishonest',
        decidedOn: '2024-03-10',
        actEndedOn: '2024-02-29',
        itemPeriod: { years: 1 },
      },
    },
  ] as const)('R5 $profile: a 1-year period from 2024-02-29 ends 2025-02-28', ({ profile, input }) => {
    expect(periodsOf(profile, input).disclosureLastDay).toBe('2025-02-28');
  });

  it('R5 xiamen: 3 months elapsed from 2024-01-31 → first repair day 2024-05-01', () => {
    const result = periodsOf('xiamen', {
      category: 'dishonest',
      severity: 'general',
      decidedOn: '2024-01-31',
    });
    expect(result.repairEligibleFrom).toBe('2024-05-01');
  });

  it('R5 nantong: 3 months elapsed from 2026-01-31 (national minimum) → first repair day 2026-05-01', () => {
    const result = periodsOf('nantong', {
      category: 'dishonest',
      severity: 'general',
      decidedOn: '2026-01-31',
      acceptedOn: '2026-04-01',
    });
    expect(result.repairEligibleFrom).toBe('2026-05-01');
  });

  it('A-1 switch period.convention = INCLUSIVE moves the last day one day earlier', () => {
    const inclusive = withParameters('xiamen', 'periods', { convention: cite('INCLUSIVE', 'A-1 switch') });
    const result = periodsOf(inclusive, {
      category: 'dishonest',
      severity: 'general',
      decidedOn: '2024-03-15',
    });
    expect(result.disclosureLastDay).toBe('2025-03-14');
  });
});

describe('R46 xiamen record start', () => {
  it('R46 a penalty issued 2024-03-15 and submitted 2024-03-20 starts 2024-03-15', () => {
    const result = periodsOf('xiamen', {
      category: 'dishonest',
      severity: 'general',
      decidedOn: '2024-03-15',
      acceptedOn: '2024-03-20',
    });
    expect(result.recordStart).toBe('2024-03-15');
    expect(result.citations.recordStart).toBe('000 第十条(一)(1)');
  });
});

describe('R47 xiamen dishonest disclosure periods', () => {
  it('R47 GENERAL record dated 2024-03-15: last disclosure day 2025-03-15, EXPIRED_ARCHIVED from 2025-03-16', () => {
    const result = periodsOf('xiamen', {
      category: 'dishonest',
      severity: 'general',
      decidedOn: '2024-03-15',
    });
    expect(result.disclosureStart).toBe('2024-03-15');
    expect(result.disclosureLastDay).toBe('2025-03-15');
    expect(result.expiresOn).toBe('2025-03-16');
    expect(result.expiryState).toBe('EXPIRED_ARCHIVED');
    expect(result.citations.disclosureLastDay).toBe('000 第十条(二)(1)');
  });

  it('R47 SERIOUS record dated 2024-03-15: last disclosure day 2027-03-15', () => {
    const result = periodsOf('xiamen', {
      category: 'dishonest',
      severity: 'serious',
      decidedOn: '2024-03-15',
    });
    expect(result.disclosureLastDay).toBe('2027-03-15');
  });

  it('R29 a dishonest record with neither severity nor list is returned', () => {
    const result = periodsOf('xiamen', { category: 'dishonest', decidedOn: '2024-03-15' });
    expect(result.rejections.map((rejection) => rejection.code)).toEqual(['DISCLOSURE_PERIOD_UNDETERMINED']);
    expect(result.disclosureLastDay).toBeNull();
  });

  it('A-15 switch period.dishonest.start = PUBLICATION_DATE counts from publication', () => {
    const fromPublication = withParameters('xiamen', 'periods', {
      dishonestStart: cite('PUBLICATION_DATE', 'A-15 switch'),
    });
    const input = { category: 'dishonest', severity: 'general', decidedOn: '2024-03-15' } as const;
    expect(periodsOf(fromPublication, { ...input, publishedOn: '2024-03-18' }).disclosureLastDay).toBe(
      '2025-03-18',
    );
    expect(periodsOf(fromPublication, input).rejections[0]?.code).toBe('MISSING_PUBLICATION_DATE');
  });
});

describe('R48 xiamen basic-information record period', () => {
  it('R48 an organization terminated 2021-06-30: queryable through 2024-06-30, absent from 2024-07-01', () => {
    const result = periodsOf('xiamen', {
      category: 'basic',
      decidedOn: '2015-03-01',
      subjectTerminatedOn: '2021-06-30',
      acceptedOn: '2021-07-01',
    });
    expect(result.recordPeriodEnd).toBe('2024-06-30');
    expect(result.expiresOn).toBe('2024-07-01');
    expect(result.expiryState).toBe('RECORD_PERIOD_ENDED');
  });

  it('R48 a natural person who died 2024-06-01: absent from 2024-06-02', () => {
    const result = periodsOf('xiamen', {
      category: 'basic',
      decidedOn: '2010-01-01',
      subjectDiedOn: '2024-06-01',
      acceptedOn: '2024-06-01',
    });
    expect(result.expiresOn).toBe('2024-06-02');
  });

  it('R48 while the subject exists the record period is open', () => {
    const result = periodsOf('xiamen', { category: 'basic', decidedOn: '2015-03-01' });
    expect(result.openEnded).toBe(true);
    expect(result.recordPeriodEnd).toBeNull();
  });
});

describe('R49 xiamen trustworthy-information record period', () => {
  it('R49 an award valid until 2025-04-30 is visible through 2025-04-30 and absent from 2025-05-01', () => {
    const result = periodsOf('xiamen', {
      category: 'good',
      decidedOn: '2024-04-30',
      validUntil: '2025-04-30',
    });
    expect(result.disclosureLastDay).toBe('2025-04-30');
    expect(result.expiresOn).toBe('2025-05-01');
    expect(result.expiryState).toBe('RECORD_PERIOD_ENDED');
    expect(result.repairNote).toBe('NOT_DISHONEST');
  });

  it('R49 an award without validity cancelled effective 2024-09-10 is absent from 2024-09-11', () => {
    const result = periodsOf('xiamen', {
      category: 'good',
      decidedOn: '2023-01-01',
      cancelledOn: '2024-09-10',
    });
    expect(result.expiresOn).toBe('2024-09-11');
  });

  it('R49 an award without validity that is not cancelled stays until it is', () => {
    expect(periodsOf('xiamen', { category: 'good', decidedOn: '2023-01-01' }).openEnded).toBe(true);
  });
});

describe('R50 xiamen list periods', () => {
  it('R50 a joint-punishment listing dated 2024-04-01 is disclosed through 2029-04-01', () => {
    const result = periodsOf('xiamen', {
      category: 'dishonest',
      list: 'joint_punishment',
      decidedOn: '2024-04-01',
    });
    expect(result.disclosureLastDay).toBe('2029-04-01');
  });

  it('R50 a key-attention listing dated 2024-01-10 is disclosed through 2025-01-10', () => {
    const result = periodsOf('xiamen', {
      category: 'dishonest',
      list: 'key_attention',
      decidedOn: '2024-01-10',
    });
    expect(result.disclosureLastDay).toBe('2025-01-10');
  });

  it('R50 a joint-incentive entry stays ACTIVE until revoked (A-22)', () => {
    const result = periodsOf('xiamen', {
      category: 'good',
      list: 'joint_incentive',
      decidedOn: '2024-01-10',
    });
    expect(result.openEnded).toBe(true);
    expect(result.disclosureLastDay).toBeNull();
  });

  it('R105 a social credit warning published 2025-01-10 is disclosed through 2027-01-10', () => {
    const result = periodsOf('xiamen', {
      category: 'dishonest',
      list: 'credit_warning',
      decidedOn: '2025-01-10',
    });
    expect(result.disclosureLastDay).toBe('2027-01-10');
  });

  it('R8 a list the profile does not define is returned, naming the ones it does', () => {
    const result = periodsOf('xiamen', { category: 'dishonest', list: 'black', decidedOn: '2024-01-10' });
    expect(result.rejections[0]?.code).toBe('LIST_TYPE_NOT_IN_PROFILE');
    expect(result.rejections[0]?.message).toContain(
      'joint_punishment, key_attention, credit_warning, joint_incentive',
    );
  });
});

describe('R51 xiamen expiry', () => {
  const input = { category: 'dishonest', severity: 'general', decidedOn: '2024-03-15' } as const;

  it('R51 the GENERAL record of R47 becomes EXPIRED_ARCHIVED on 2025-03-16 and is kept', () => {
    const result = periodsOf('xiamen', input);
    expect(result.expiresOn).toBe('2025-03-16');
    expect(result.expiryState).toBe('EXPIRED_ARCHIVED');
    expect(result.recordPeriodEnd).toBeNull();
  });

  it('R51 a record accepted on 2025-03-16 arrives archived', () => {
    expect(periodsOf('xiamen', { ...input, acceptedOn: '2025-03-16' }).stateOnAcceptance).toBe(
      'EXPIRED_ARCHIVED',
    );
    expect(periodsOf('xiamen', { ...input, acceptedOn: '2025-03-15' }).stateOnAcceptance).toBe('ACTIVE');
  });
});

describe('R52 weihai disclosure counted from the end of the act', () => {
  it('R52 P = 3 years and act end 2023-06-30: last disclosure day 2026-06-30', () => {
    const result = periodsOf('weihai', {
      category: 'dishonest',
      decidedOn: '2023-08-01',
      actEndedOn: '2023-06-30',
      itemPeriod: { years: 3 },
    });
    expect(result.disclosureStart).toBe('2023-06-30');
    expect(result.disclosureLastDay).toBe('2026-06-30');
  });

  it('R52 an ongoing unpaid-tax record submitted 2024-03-01 stays disclosed with no end date', () => {
    const result = periodsOf('weihai', {
      category: 'dishonest',
      decidedOn: '2024-03-01',
      itemPeriod: { years: 5 },
    });
    expect(result.openEnded).toBe(true);
    expect(result.disclosureLastDay).toBeNull();
    expect(result.stateOnAcceptance).toBe('ACTIVE');
  });

  it('R52 once payment is reported on 2024-10-15 with P = 5 years: last disclosure day 2029-10-15', () => {
    const result = periodsOf('weihai', {
      category: 'dishonest',
      decidedOn: '2024-03-01',
      actEndedOn: '2024-10-15',
      itemPeriod: { years: 5 },
    });
    expect(result.disclosureLastDay).toBe('2029-10-15');
  });

  it('R52 a data-list item must state its period P', () => {
    const result = periodsOf('weihai', {
      category: 'dishonest',
      decidedOn: '2024-03-01',
      actEndedOn: '2024-02-01',
    });
    expect(result.rejections.map((rejection) => rejection.code)).toEqual(['MISSING_ITEM_PERIOD']);
  });
});

describe('R53 weihai 5-year cap', () => {
  const sixYears = {
    category: 'dishonest',
    decidedOn: '2024-03-01',
    actEndedOn: '2024-01-31',
    itemPeriod: { years: 6 },
  } as const;

  it('R53 a 6-year item period based on a local regulation is rejected with PERIOD_EXCEEDS_CAP', () => {
    const result = periodsOf('weihai', { ...sixYears, itemPeriodBasis: 'LOCAL_REGULATION' });
    expect(result.rejections.map((rejection) => [rejection.code, rejection.effect])).toEqual([
      ['PERIOD_EXCEEDS_CAP', 'RECORD_RETURNED'],
    ]);
    expect(result.disclosureLastDay).toBeNull();
  });

  it('R53 the same period typed ADMINISTRATIVE_REGULATION is accepted', () => {
    const result = periodsOf('weihai', { ...sixYears, itemPeriodBasis: 'ADMINISTRATIVE_REGULATION' });
    expect(result.rejections).toEqual([]);
    expect(result.disclosureLastDay).toBe('2030-01-31');
  });

  it('R53 exactly 5 years needs no basis', () => {
    expect(periodsOf('weihai', { ...sixYears, itemPeriod: { months: 60 } }).rejections).toEqual([]);
  });
});

describe('R54 weihai record expired on arrival', () => {
  it('R54 act ended 2018-01-01, P = 5 years, document 2023-06-01, submitted 2023-06-05: stored EXPIRED_REMOVED', () => {
    const result = periodsOf('weihai', {
      category: 'dishonest',
      decidedOn: '2023-06-01',
      actEndedOn: '2018-01-01',
      itemPeriod: { years: 5 },
      acceptedOn: '2023-06-05',
    });
    expect(result.disclosureLastDay).toBe('2023-01-01');
    expect(result.stateOnAcceptance).toBe('EXPIRED_REMOVED');
    expect(result.repairEligibleFrom).toBeNull();
  });
});

describe('R55 weihai expiry', () => {
  const input = {
    category: 'dishonest',
    decidedOn: '2023-08-01',
    actEndedOn: '2023-06-30',
    itemPeriod: { years: 3 },
  } as const;

  it('R55 last disclosure day 2026-06-30: EXPIRED_REMOVED from 2026-07-01, kept in a sealed archive (A-18)', () => {
    const result = periodsOf('weihai', input);
    expect(result.expiresOn).toBe('2026-07-01');
    expect(result.expiryState).toBe('EXPIRED_REMOVED');
    expect(result.recordPeriodEnd).toBeNull();
  });

  it('A-18 switch wh.expiry_purge = true ends the record with its disclosure', () => {
    const purging = withParameters('weihai', 'periods', { expiryPurge: cite(true, 'A-18 switch') });
    expect(periodsOf(purging, input).recordPeriodEnd).toBe('2026-06-30');
  });
});

describe('R56 nantong validity counted from determination', () => {
  it('R56 SERIOUS determined 2024-02-29: last valid day 2027-02-28', () => {
    const result = periodsOf('nantong', {
      category: 'dishonest',
      severity: 'serious',
      decidedOn: '2024-02-29',
    });
    expect(result.disclosureLastDay).toBe('2027-02-28');
    expect(result.citations.disclosureLastDay).toBe('004 第三十条');
  });

  it('R56 GENERAL determined 2024-02-29: last valid day 2025-02-28', () => {
    const result = periodsOf('nantong', {
      category: 'dishonest',
      severity: 'general',
      decidedOn: '2024-02-29',
    });
    expect(result.disclosureLastDay).toBe('2025-02-28');
  });

  it('A-22 a black-list entry follows its severity', () => {
    const result = periodsOf('nantong', {
      category: 'dishonest',
      list: 'black',
      severity: 'serious',
      decidedOn: '2024-03-20',
    });
    expect(result.disclosureLastDay).toBe('2027-03-20');
  });

  it('A-22 a red-list entry stays until revoked', () => {
    expect(periodsOf('nantong', { category: 'good', list: 'red', decidedOn: '2024-03-20' }).openEnded).toBe(
      true,
    );
  });

  it('R8 nantong accepts category other with the catalog usage period', () => {
    const result = periodsOf('nantong', {
      category: 'other',
      decidedOn: '2024-02-01',
      itemPeriod: { years: 2 },
    });
    expect(result.disclosureLastDay).toBe('2026-02-01');
  });
});

describe('R57 period overrides need a basis the profile accepts', () => {
  const serious = { category: 'dishonest', severity: 'serious', decidedOn: '2024-03-15' } as const;

  it.each([
    { profile: 'xiamen', lastDay: '2029-03-15' },
    { profile: 'nantong', lastDay: '2029-03-15' },
  ] as const)('R57 $profile accepts a 5-year override cited to a department rule', ({ profile, lastDay }) => {
    const result = periodsOf(profile, {
      ...serious,
      override: { period: { years: 5 }, basisType: 'DEPARTMENT_RULE' },
    });
    expect(result.rejections).toEqual([]);
    expect(result.disclosureLastDay).toBe(lastDay);
  });

  it('R57 weihai rejects the same citation and applies P from the data list', () => {
    const result = periodsOf('weihai', {
      ...serious,
      actEndedOn: '2024-03-15',
      itemPeriod: { years: 3 },
      override: { period: { years: 5 }, basisType: 'DEPARTMENT_RULE' },
    });
    expect(result.rejections.map((rejection) => [rejection.code, rejection.effect])).toEqual([
      ['OVERRIDE_BASIS_NOT_ACCEPTED', 'VALUE_IGNORED'],
    ]);
    expect(result.disclosureLastDay).toBe('2027-03-15');
  });

  it('R57 weihai accepts an override typed LAW', () => {
    const result = periodsOf('weihai', {
      ...serious,
      actEndedOn: '2024-03-15',
      itemPeriod: { years: 3 },
      override: { period: { years: 6 }, basisType: 'LAW' },
    });
    expect(result.disclosureLastDay).toBe('2030-03-15');
  });

  it.each(['xiamen', 'nantong'] as const)(
    'R57 %s ignores an override resting on a normative document',
    (profile) => {
      const result = periodsOf(profile, {
        ...serious,
        override: { period: { years: 5 }, basisType: 'NORMATIVE_DOCUMENT' },
      });
      expect(result.rejections[0]?.code).toBe('OVERRIDE_BASIS_NOT_ACCEPTED');
      expect(result.disclosureLastDay).toBe('2027-03-15');
    },
  );
});

describe('R58 nantong expiry', () => {
  it('R58 a GENERAL record whose last valid day is 2025-02-28 is EXPIRED_UNPUBLISHED from 2025-03-01', () => {
    const result = periodsOf('nantong', {
      category: 'dishonest',
      severity: 'general',
      decidedOn: '2024-02-29',
    });
    expect(result.expiresOn).toBe('2025-03-01');
    expect(result.expiryState).toBe('EXPIRED_UNPUBLISHED');
    expect(loadProfile('nantong').versions[0]?.parameters.disclosure.expiredVisibleToGov.value).toBe(false);
  });
});

describe('R59 nantong retention and disposal review', () => {
  it('R59 retention 5 years after a validity that ended 2025-02-28: disposal review from 2030-03-01', () => {
    const result = periodsOf('nantong', {
      category: 'dishonest',
      severity: 'general',
      decidedOn: '2024-02-29',
      retentionPeriod: { years: 5 },
    });
    expect(result.disclosureLastDay).toBe('2025-02-28');
    expect(result.recordPeriodEnd).toBe('2030-02-28');
    expect(result.disposalReviewFrom).toBe('2030-03-01');
  });
});

describe.each([
  {
    profile: 'xiamen',
    input: { category: 'dishonest', severity: 'general', decidedOn: '2024-03-15' },
    change: '2025-03-16',
  },
  {
    profile: 'weihai',
    input: {
      category: 'dishonest',
      decidedOn: '2023-08-01',
      actEndedOn: '2023-06-30',
      itemPeriod: { years: 3 },
    },
    change: '2026-07-01',
  },
  {
    profile: 'nantong',
    input: { category: 'dishonest', severity: 'general', decidedOn: '2024-02-29' },
    change: '2025-03-01',
  },
] as const)('R60 $profile period-based state change', ({ profile, input, change }) => {
  it(`R60 the record leaves every query from 00:00 of ${change}, the day after its last day`, () => {
    const result = periodsOf(profile, input);
    expect(result.expiresOn).toBe(change);
    expect(periodsOf(profile, { ...input, acceptedOn: change }).stateOnAcceptance).toBe(result.expiryState);
  });
});

describe('§2.L first day a repair may be requested', () => {
  it('R111 xiamen GENERAL dated 2024-03-15: from 2024-06-16; SERIOUS: from 2024-09-16', () => {
    const general = periodsOf('xiamen', {
      category: 'dishonest',
      severity: 'general',
      decidedOn: '2024-03-15',
    });
    const serious = periodsOf('xiamen', {
      category: 'dishonest',
      severity: 'serious',
      decidedOn: '2024-03-15',
    });
    expect(general.repairEligibleFrom).toBe('2024-06-16');
    expect(serious.repairEligibleFrom).toBe('2024-09-16');
  });

  it('A-39 xiamen list entries take the serious wait (xm.repair.list_wait_months)', () => {
    const result = periodsOf('xiamen', {
      category: 'dishonest',
      list: 'key_attention',
      decidedOn: '2024-01-10',
    });
    expect(result.repairEligibleFrom).toBe('2024-07-11');
  });

  it('R116 weihai: repair may be requested from the first day the record is ACTIVE', () => {
    const result = periodsOf('weihai', {
      category: 'dishonest',
      decidedOn: '2024-01-08',
      actEndedOn: '2023-12-31',
      itemPeriod: { years: 3 },
      acceptedOn: '2024-01-10',
    });
    expect(result.repairEligibleFrom).toBe('2024-01-10');
  });

  it('R117 nantong SERIOUS determined 2023-01-10, corrected 2023-03-01: from 2024-03-02', () => {
    const result = periodsOf('nantong', {
      category: 'dishonest',
      severity: 'serious',
      decidedOn: '2023-01-10',
      correctedOn: '2023-03-01',
    });
    expect(result.disclosureLastDay).toBe('2026-01-10');
    expect(result.repairEligibleFrom).toBe('2024-03-02');
  });

  it('R117 nantong without a correction date the first repair day is unknown', () => {
    const result = periodsOf('nantong', {
      category: 'dishonest',
      severity: 'serious',
      decidedOn: '2023-01-10',
    });
    expect(result.repairEligibleFrom).toBeNull();
    expect(result.repairNote).toBe('DEPENDS_ON_CORRECTION_DATE');
  });

  it('R118 nantong GENERAL determined 2024-03-01, corrected 2024-03-10: NOT_ELIGIBLE_BEFORE_EXPIRY', () => {
    const result = periodsOf('nantong', {
      category: 'dishonest',
      severity: 'general',
      decidedOn: '2024-03-01',
      correctedOn: '2024-03-10',
    });
    expect(result.disclosureLastDay).toBe('2025-03-01');
    expect(result.repairEligibleFrom).toBeNull();
    expect(result.repairNote).toBe('NOT_ELIGIBLE_BEFORE_EXPIRY');
  });

  it('R118 nantong corrected 2024-01-05, before the determination: from 2025-01-06', () => {
    const result = periodsOf('nantong', {
      category: 'dishonest',
      severity: 'general',
      decidedOn: '2024-03-01',
      correctedOn: '2024-01-05',
    });
    expect(result.repairEligibleFrom).toBe('2025-01-06');
  });

  it('A-42 switch nt.repair.clean_period_mode = NO_RECURRENCE_SO_FAR allows repair from the correction', () => {
    const lenient = withParameters('nantong', 'repair', {
      cleanPeriodMode: cite('NO_RECURRENCE_SO_FAR', 'A-42 switch'),
    });
    const result = periodsOf(lenient, {
      category: 'dishonest',
      severity: 'general',
      decidedOn: '2024-03-01',
      correctedOn: '2024-03-10',
    });
    expect(result.repairEligibleFrom).toBe('2024-03-10');
  });
});

describe('DESIGN Decision 1: the national baseline under the city rules (from 2026-04-01)', () => {
  it('xiamen SERIOUS: 3-year city period equals the national maximum; the 6-month city wait beats the 1-year minimum', () => {
    const result = periodsOf('xiamen', {
      category: 'dishonest',
      severity: 'serious',
      decidedOn: '2026-05-01',
    });
    expect(result.nationalBaseline).toBe('ndrc-order-36');
    expect(result.disclosureLastDay).toBe('2029-05-01');
    expect(result.citations.disclosureLastDay).toBe('000 第十条(二)(1)');
    expect(result.repairEligibleFrom).toBe('2026-11-02');
  });

  it('xiamen joint punishment: the 5-year list period is capped at the national 3-year maximum', () => {
    const result = periodsOf('xiamen', {
      category: 'dishonest',
      list: 'joint_punishment',
      decidedOn: '2026-05-01',
    });
    expect(result.disclosureLastDay).toBe('2029-05-01');
    expect(result.citations.disclosureLastDay).toMatch(/NDRC 令第36号/);
  });

  it('xiamen: a department-rule override is capped; a law override is not', () => {
    const serious = { category: 'dishonest', severity: 'serious', decidedOn: '2026-05-01' } as const;
    const rule = periodsOf('xiamen', {
      ...serious,
      override: { period: { years: 5 }, basisType: 'DEPARTMENT_RULE' },
    });
    const law = periodsOf('xiamen', { ...serious, override: { period: { years: 5 }, basisType: 'LAW' } });
    expect(rule.disclosureLastDay).toBe('2029-05-01');
    expect(law.disclosureLastDay).toBe('2031-05-01');
  });

  it('weihai: an ongoing SERIOUS act is disclosed at most 3 years from the decision; without a tier it stays open', () => {
    const ongoing = { category: 'dishonest', decidedOn: '2026-05-01', itemPeriod: { years: 5 } } as const;
    const tiered = periodsOf('weihai', { ...ongoing, severity: 'serious' });
    expect(tiered.disclosureLastDay).toBe('2029-05-01');
    expect(tiered.openEnded).toBe(false);
    expect(periodsOf('weihai', ongoing).openEnded).toBe(true);
  });

  it('nantong GENERAL without a correction date: repair from the national minimum, 2026-08-02', () => {
    const result = periodsOf('nantong', {
      category: 'dishonest',
      severity: 'general',
      decidedOn: '2026-05-01',
    });
    expect(result.repairEligibleFrom).toBe('2026-08-02');
    expect(result.citations.repairEligibleFrom).toMatch(/最短公示期为3个月/);
  });

  it.each(['xiamen', 'nantong'] as const)('%s: a 轻微 (minor) record is not published', (profile) => {
    const result = periodsOf(profile, { category: 'dishonest', severity: 'minor', decidedOn: '2026-05-01' });
    expect(result.stateOnAcceptance).toBe('NOT_PUBLISHED');
    expect(result.disclosureLastDay).toBeNull();
  });

  it.each(['xiamen', 'nantong'] as const)(
    '%s: severity minor before 2026-04-01 is not in the profile',
    (profile) => {
      const result = periodsOf(profile, {
        category: 'dishonest',
        severity: 'minor',
        decidedOn: '2026-03-31',
      });
      expect(result.rejections[0]?.code).toBe('SEVERITY_NOT_IN_PROFILE');
    },
  );
});

describe('R8 categories per profile', () => {
  it.each(['xiamen', 'weihai'] as const)('R8 %s has no category "other"', (profile) => {
    const result = periodsOf(profile, {
      category: 'other',
      decidedOn: '2024-01-01',
      itemPeriod: { years: 1 },
    });
    expect(result.rejections[0]?.code).toBe('CATEGORY_NOT_IN_PROFILE');
  });

  it('R3 a record cannot be accepted before its document', () => {
    const result = periodsOf('xiamen', {
      category: 'dishonest',
      severity: 'general',
      decidedOn: '2024-03-15',
      acceptedOn: '2024-03-14',
    });
    expect(result.rejections[0]?.code).toBe('ACCEPTED_BEFORE_DECIDED');
  });
});
