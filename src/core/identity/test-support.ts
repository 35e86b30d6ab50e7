import fc from 'fast-check';
import { type LocalDate, localDate } from '../time/local-date.ts';
import { computeOrganizationCodeCheckCharacter } from './organization-code.ts';
import { computeResidentIdCheckDigit } from './resident-id.ts';
import { computeUsccCheckCharacter, USCC_CHARACTERS } from './uscc.ts';

/** Generators of valid codes for the identity property tests. */

export const TEST_TODAY: LocalDate = localDate(2024, 6, 1);

/** Authority and organization type pairs of GB 32100-2015 (Y lists no types, so any type is valid under it). */
const REGISTRATIONS = [
  '11',
  '12',
  '13',
  '19',
  '31',
  '32',
  '35',
  '51',
  '52',
  '53',
  '59',
  '91',
  '92',
  '93',
  'A1',
  'N2',
  'Y1',
];
/** Registration regions as real USCCs carry them: the nation, cities and districts. */
const REGISTRATION_REGIONS = [
  '100000',
  '350200',
  '350203',
  '350213',
  '371000',
  '371082',
  '320600',
  '320612',
  '330100',
  '110105',
];

export const usccArbitrary: fc.Arbitrary<string> = fc
  .record({
    registration: fc.constantFrom(...REGISTRATIONS),
    region: fc.constantFrom(...REGISTRATION_REGIONS),
    organizationBody: fc.string({ unit: fc.constantFrom(...USCC_CHARACTERS), minLength: 8, maxLength: 8 }),
  })
  .map(({ registration, region, organizationBody }) => {
    const body =
      registration + region + organizationBody + computeOrganizationCodeCheckCharacter(organizationBody);
    return body + computeUsccCheckCharacter(body);
  });

/** Address codes of the three cities, of other provinces, and some whose digits 3–4 look like a province. */
const ADDRESS_CODES = [
  '350203',
  '350211',
  '350202',
  '371002',
  '371082',
  '320602',
  '320685',
  '110105',
  '511302',
  '341102',
  '440305',
  '650102',
];

export const birthDateArbitrary: fc.Arbitrary<LocalDate> = fc
  .integer({ min: 0, max: TEST_TODAY.since(localDate(1900, 1, 1)).days })
  .map((days) => localDate(1900, 1, 1).add({ days }));

export const residentIdArbitrary: fc.Arbitrary<string> = fc
  .record({
    address: fc.constantFrom(...ADDRESS_CODES),
    birthDate: birthDateArbitrary,
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ address, birthDate, sequence }) => {
    const body = address + birthDate.toString().replaceAll('-', '') + String(sequence).padStart(3, '0');
    return body + computeResidentIdCheckDigit(body);
  });
