import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, checkCode } from '../../core/identity/index.ts';
import { PROFILE_IDS } from '../../core/policy/profile-id.ts';
import { localDate, parseLocalDate } from '../../core/time/local-date.ts';
import { demoCities } from './data/index.ts';
import { createSeededRandom, type DemoSubject, generateDemoSubjects } from './demo-subjects.ts';

const START_OF_2024 = localDate(2024, 1, 1);
const USCC_REFORM = localDate(2015, 10, 1);

/** Registration authority and organization type (USCC positions 1–2) each kind must carry. */
const USCC_PREFIXES: Record<string, readonly string[]> = {
  company: ['91'],
  individual_business: ['92'],
  social_organization: ['51', '52', '53'],
  public_institution: ['12'],
};

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function expectValidCode(subject: DemoSubject): void {
  const check = checkCode(subject.code, { today: START_OF_2024 });
  expect(check, subject.code).toMatchObject({ valid: true, kind: subject.codeType, warnings: [] });
}

describe.each(PROFILE_IDS)('generateDemoSubjects for %s', (city) => {
  const subjects = generateDemoSubjects({ city, count: 5_000, seed: 42 });
  const districtCodes = demoCities[city].districts.map((district) => district.code);

  it('gives codes that pass the identity checks (GB 32100 with GB 11714 inside, GB 11643)', () => {
    for (const subject of subjects) expectValidCode(subject);
  });

  it('gives unique codes and unique names', () => {
    expect(new Set(subjects.map((subject) => subject.code)).size).toBe(subjects.length);
    expect(new Set(subjects.map((subject) => subject.name)).size).toBe(subjects.length);
  });

  it('puts the registration authority and organization type of its kind into each USCC', () => {
    for (const subject of subjects.filter((s) => s.codeType === 'uscc')) {
      expect(USCC_PREFIXES[subject.kind], subject.code).toContain(subject.code.slice(0, 2));
      expect(subject.code.slice(2, 8)).toBe(subject.districtCode);
    }
  });

  it('gives organization codes of the MA/MJ/MB series only to registrations after the USCC reform', () => {
    for (const subject of subjects.filter((s) => s.kind !== 'natural_person')) {
      const assignedWithUscc = /^M[AJB]/.test(subject.code.slice(8, 10));
      const registeredAfterReform = parseLocalDate(subject.registeredOn).since(USCC_REFORM).sign >= 0;
      // 个体工商户 had no organization code before the reform, so all of theirs are new.
      expect(assignedWithUscc, subject.code).toBe(
        subject.kind === 'individual_business' || registeredAfterReform,
      );
    }
  });

  it('makes every natural person an adult throughout 2024, with the birth date inside the ID number', () => {
    const people = subjects.filter((s) => s.kind === 'natural_person');
    for (const person of people) {
      expect(person.code.slice(0, 6)).toBe(person.districtCode);
      expect(person.code.slice(6, 14)).toBe(person.registeredOn.replaceAll('-', ''));
      expect(ageOn(parseLocalDate(person.registeredOn), START_OF_2024)).toBeGreaterThanOrEqual(18);
      expect(person.legalRepresentative).toBeUndefined();
    }
  });

  it('names a legal representative for every organization and dates every registration before 2024', () => {
    for (const subject of subjects.filter((s) => s.kind !== 'natural_person')) {
      expect(subject.legalRepresentative).toMatch(/^\p{Script=Han}{2,4}$/u);
      expect(parseLocalDate(subject.registeredOn).since(START_OF_2024).sign).toBe(-1);
    }
  });

  it('spreads subjects over every district of the city', () => {
    const perDistrict = countBy(subjects, (subject) => subject.districtCode);
    expect([...perDistrict.keys()].sort()).toEqual([...districtCodes].sort());
    const fairShare = subjects.length / districtCodes.length;
    for (const n of perDistrict.values()) expect(n).toBeGreaterThan(fairShare * 0.8);
  });
});

describe('generateDemoSubjects', () => {
  it('mixes the kinds in fixed proportions', () => {
    const subjects = generateDemoSubjects({ city: 'xiamen', count: 1_000, seed: 1 });
    expect(Object.fromEntries(countBy(subjects, (subject) => subject.kind))).toEqual({
      company: 450,
      individual_business: 200,
      social_organization: 50,
      public_institution: 50,
      natural_person: 250,
    });
  });

  it('gives every kind at least one subject even in a small run', () => {
    const subjects = generateDemoSubjects({ city: 'nantong', count: 7, seed: 3 });
    expect(new Set(subjects.map((subject) => subject.kind)).size).toBe(5);
  });

  it('builds names the way the registries do', () => {
    const subjects = generateDemoSubjects({ city: 'xiamen', count: 2_000, seed: 5 });
    const namesOf = (kind: string) => subjects.filter((s) => s.kind === kind).map((s) => s.name);
    for (const name of namesOf('company'))
      expect(name).toMatch(/^厦门.+(有限公司|有限责任公司|股份有限公司)$/);
    for (const name of namesOf('individual_business')) {
      expect(name).toMatch(/^(思明区|海沧区|湖里区|集美区|同安区|翔安区)/);
    }
    for (const name of namesOf('social_organization'))
      expect(name).toMatch(/^厦门市(思明|海沧|湖里|集美|同安|翔安)区/);
  });

  it('names county-level organizations after the county, not the city', () => {
    const subjects = generateDemoSubjects({ city: 'weihai', count: 2_000, seed: 5 });
    const rongcheng = subjects.filter((s) => s.districtCode === '371082' && s.kind === 'company');
    expect(rongcheng.length).toBeGreaterThan(0);
    for (const company of rongcheng) expect(company.name.startsWith('荣成')).toBe(true);
  });

  it('is deterministic for a seed and differs between seeds and between cities', () => {
    const run = (city: 'xiamen' | 'weihai', seed: number) => generateDemoSubjects({ city, count: 200, seed });
    expect(run('xiamen', 7)).toEqual(run('xiamen', 7));
    expect(run('xiamen', 8)).not.toEqual(run('xiamen', 7));
    const xiamen = run('xiamen', 7);
    const mirrored = run('weihai', 7).filter((s, i) => s.code.slice(8) === xiamen[i]?.code.slice(8));
    expect(mirrored.length).toBeLessThan(5);
  });

  it('keeps every code valid and unique whatever the seed', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...PROFILE_IDS), fc.nat(60), (seed, city, count) => {
        const subjects = generateDemoSubjects({ city, count, seed });
        expect(subjects).toHaveLength(count);
        expect(new Set(subjects.map((s) => s.code)).size).toBe(count);
        for (const subject of subjects) expectValidCode(subject);
      }),
      { numRuns: 50 },
    );
  });

  it('returns no subjects for a count of 0', () => {
    expect(generateDemoSubjects({ city: 'weihai', count: 0, seed: 1 })).toEqual([]);
  });

  it('rejects a count or seed that is not an integer, naming the field', () => {
    expect(() => generateDemoSubjects({ city: 'xiamen', count: -1, seed: 1 })).toThrow(/^count: /);
    expect(() => generateDemoSubjects({ city: 'xiamen', count: 2.5, seed: 1 })).toThrow(/^count: /);
    expect(() => generateDemoSubjects({ city: 'xiamen', count: 10, seed: Number.NaN })).toThrow(/^seed: /);
  });
});

describe('createSeededRandom', () => {
  it('repeats its sequence for a seed and stays in range', () => {
    const a = createSeededRandom(99);
    const b = createSeededRandom(99);
    const draws = Array.from({ length: 1_000 }, () => a.next());
    expect(draws).toEqual(Array.from({ length: 1_000 }, () => b.next()));
    for (const draw of draws) expect(draw >= 0 && draw < 1).toBe(true);
    expect(new Set(draws.map((draw) => Math.floor(draw * 10))).size).toBe(10);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => createSeededRandom(1).pick([])).toThrow(/empty/);
  });
});
