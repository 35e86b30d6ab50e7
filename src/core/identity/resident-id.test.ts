import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDate } from '../time/local-date.ts';
import {
  ageOn,
  computeResidentIdCheckDigit,
  convertLegacyResidentId,
  readResidentId,
} from './resident-id.ts';
import { birthDateArbitrary, residentIdArbitrary, TEST_TODAY } from './test-support.ts';

const context = { today: TEST_TODAY };

describe('computeResidentIdCheckDigit (GB 11643-1999)', () => {
  it.each([
    ['35020319900101123', 'X'],
    ['35020320080501123', '0'],
    ['35020320070915123', '3'],
    ['37100219850615234', '8'],
    ['32060219880808345', '9'],
    ['32060219751212456', '0'],
    ['11010519491231002', 'X'],
  ])('computes the check character of %s as %s', (body, check) => {
    expect(computeResidentIdCheckDigit(body)).toBe(check);
  });

  it('refuses anything but 17 digits, naming the argument', () => {
    expect(() => computeResidentIdCheckDigit('3502031990010112X')).toThrow(
      /body17: .* must be exactly 17 digits/,
    );
  });
});

describe('convertLegacyResidentId (15 → 18 digits)', () => {
  it('inserts the century 19 and appends the check character', () => {
    expect(convertLegacyResidentId('350203900101123')).toBe('35020319900101123X');
    expect(convertLegacyResidentId('110105491231002')).toBe('11010519491231002X');
  });

  it('property: the converted number is a valid 18-digit number with the same address, date and sequence', () => {
    fc.assert(
      fc.property(
        birthDateArbitrary.filter((date) => date.year >= 1900 && date.year <= 1999),
        fc.integer({ min: 0, max: 999 }),
        (birthDate, sequence) => {
          const yymmdd = birthDate.toString().replaceAll('-', '').slice(2);
          const legacy = `350203${yymmdd}${String(sequence).padStart(3, '0')}`;
          const converted = convertLegacyResidentId(legacy);
          expect(converted.slice(0, 6) + converted.slice(8, 17)).toBe(legacy);
          const reading = readResidentId(legacy, context);
          expect(reading?.normalized).toBe(converted);
          expect(reading?.details.birthDate?.equals(birthDate)).toBe(true);
          expect(reading?.details.convertedFrom15).toBe(legacy);
          expect(reading?.checkFailure).toBeNull();
          expect(reading?.defects).toEqual([]);
        },
      ),
    );
  });
});

describe('ageOn', () => {
  it('counts whole years, completing a year on the birthday', () => {
    expect(ageOn(localDate(2008, 5, 1), localDate(2024, 3, 1))).toBe(15);
    expect(ageOn(localDate(2008, 5, 1), localDate(2024, 4, 30))).toBe(15);
    expect(ageOn(localDate(2008, 5, 1), localDate(2024, 5, 1))).toBe(16);
    expect(ageOn(localDate(2007, 9, 15), localDate(2024, 3, 1))).toBe(16);
  });

  it('lets a 29 February birthday complete its year on 28 February of a common year (民法典 第二百零二条)', () => {
    expect(ageOn(localDate(2008, 2, 29), localDate(2025, 2, 27))).toBe(16);
    expect(ageOn(localDate(2008, 2, 29), localDate(2025, 2, 28))).toBe(17);
    expect(ageOn(localDate(2008, 2, 29), localDate(2024, 2, 28))).toBe(15);
    expect(ageOn(localDate(2008, 2, 29), localDate(2024, 2, 29))).toBe(16);
  });

  it('refuses a date before the birth', () => {
    expect(() => ageOn(localDate(2008, 5, 1), localDate(2008, 4, 30))).toThrow(/date: 2008-04-30 is before/);
  });
});

describe('readResidentId', () => {
  it('reads region, birth date, gender and age', () => {
    const reading = readResidentId('371002198506152348', context);
    expect(reading?.details.region).toEqual({
      code: '371002',
      name: '山东省威海市环翠区',
      province: '山东省',
      exact: true,
      abolished: null,
    });
    expect(reading?.details.birthDate?.toString()).toBe('1985-06-15');
    expect(reading?.details.gender).toBe('female');
    expect(reading?.details.age).toBe(38);
    expect(readResidentId('35020319900101123X', context)?.details.gender).toBe('male');
  });

  it('names an abolished district that old numbers still carry', () => {
    expect(readResidentId('320602198808083459', context)?.details.region).toMatchObject({
      name: '江苏省南通市崇川区',
      abolished: 2020,
    });
  });

  it('rejects a birth date that is not in the calendar (19990230)', () => {
    const body = '35020319990230123';
    const reading = readResidentId(body + computeResidentIdCheckDigit(body), context);
    expect(reading?.defects.map((defect) => defect.en)).toEqual([
      'birth date 19990230 (positions 7–14) is not a calendar date',
    ]);
    expect(reading?.details.birthDate).toBeNull();
    expect(reading?.details.age).toBeNull();
  });

  it('rejects a birth date after the day of the check, and accepts one born that very day', () => {
    const tomorrow = '35020320240602123';
    expect(readResidentId(tomorrow + computeResidentIdCheckDigit(tomorrow), context)?.defects[0]?.en).toBe(
      'birth date 2024-06-02 (positions 7–14) is after 2024-06-01, the date of the check',
    );
    const today = '35020320240601123';
    const reading = readResidentId(today + computeResidentIdCheckDigit(today), context);
    expect(reading?.defects).toEqual([]);
    expect(reading?.details.age).toBe(0);
  });

  it('rejects an address code outside the provinces that issue ID numbers', () => {
    for (const address of ['990203', '810000', '710101']) {
      const body = `${address}19900101123`;
      expect(readResidentId(body + computeResidentIdCheckDigit(body), context)?.defects[0]?.en).toBe(
        `address code ${address} (positions 1–6) does not start with a province where resident ID numbers are issued`,
      );
    }
  });

  it('property: generated valid numbers read without defects and with a passing check', () => {
    fc.assert(
      fc.property(residentIdArbitrary, (id) => {
        const reading = readResidentId(id, context);
        expect(reading?.defects).toEqual([]);
        expect(reading?.checkFailure).toBeNull();
      }),
    );
  });

  it('property: substituting any one character by another digit (or X last) fails the check', () => {
    const substitution = residentIdArbitrary.chain((id) =>
      fc.integer({ min: 0, max: 17 }).chain((position) =>
        fc.record({
          id: fc.constant(id),
          position: fc.constant(position),
          replacement: fc.constantFrom(...'0123456789'.split(''), ...(position === 17 ? ['X'] : [])),
        }),
      ),
    );
    fc.assert(
      fc.property(
        substitution.filter(({ id, position, replacement }) => id.charAt(position) !== replacement),
        ({ id, position, replacement }) => {
          const changed = id.slice(0, position) + replacement + id.slice(position + 1);
          expect(readResidentId(changed, context)?.checkFailure).not.toBeNull();
        },
      ),
    );
  });
});
