import { compareDates, type LocalDate, localDateOrNull } from '../time/local-date.ts';
import { describeDivision, isResidentIdProvince } from './divisions.ts';
import { checkMismatch, type Gender, type Message, type PersonDetails, type Reading } from './reading.ts';

/**
 * Citizen identity number (公民身份号码, GB 11643-1999): address code (1–6), birth date (7–14), sequence
 * (15–17, odd for men), check character (18, ISO 7064 MOD 11-2). The same layout is used by the
 * 港澳台居民居住证 and the 18-digit 外国人永久居留身份证, which read it through `readPersonLayout`.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
const SHAPE_18 = /^\d{17}[\dX]$/;
const SHAPE_15 = /^\d{15}$/;
/** Birth dates before this year are taken for typing errors, not for people. */
const EARLIEST_BIRTH_YEAR = 1800;

export function computeResidentIdCheckDigit(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new RangeError(`body17: "${body17}" must be exactly 17 digits`);
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(body17.charAt(index)), 0);
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/** GB 11643-1989 numbers (15 digits, birth year without century) become 18 digits: insert 19, add the check. */
export function convertLegacyResidentId(id15: string): string {
  if (!SHAPE_15.test(id15)) throw new RangeError(`id15: "${id15}" must be exactly 15 digits`);
  const body = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return body + computeResidentIdCheckDigit(body);
}

/**
 * Age in whole years (周岁) on `date`. Anniversaries follow 民法典 第二百零二条 as LocalDate.add does: a
 * person born on 29 February completes a year on 28 February in common years.
 */
export function ageOn(birthDate: LocalDate, date: LocalDate): number {
  if (compareDates(date, birthDate) < 0) {
    throw new RangeError(`date: ${date.toString()} is before the birth date ${birthDate.toString()}`);
  }
  const years = date.year - birthDate.year;
  return compareDates(birthDate.add({ years }), date) > 0 ? years - 1 : years;
}

function parseCompactDate(yyyymmdd: string): LocalDate | null {
  return localDateOrNull(
    Number(yyyymmdd.slice(0, 4)),
    Number(yyyymmdd.slice(4, 6)),
    Number(yyyymmdd.slice(6, 8)),
  );
}

export interface PersonLayoutReading {
  person: PersonDetails;
  defects: Message[];
  checkFailure: Message | null;
}

/** Birth date, gender, age and check character of an 18-character GB 11643 layout, checked on `today`. */
export function readPersonLayout(text18: string, today: LocalDate): PersonLayoutReading {
  const defects: Message[] = [];
  const compact = text18.slice(6, 14);
  let birthDate = parseCompactDate(compact);
  if (birthDate === null) {
    defects.push({
      en: `birth date ${compact} (positions 7–14) is not a calendar date`,
      zh: `第 7–14 位出生日期 ${compact} 不是有效日期`,
    });
  } else if (birthDate.year < EARLIEST_BIRTH_YEAR) {
    defects.push({
      en: `birth date ${birthDate.toString()} (positions 7–14) is before ${EARLIEST_BIRTH_YEAR}`,
      zh: `第 7–14 位出生日期 ${birthDate.toString()} 早于 ${EARLIEST_BIRTH_YEAR} 年`,
    });
    birthDate = null;
  } else if (compareDates(birthDate, today) > 0) {
    defects.push({
      en: `birth date ${birthDate.toString()} (positions 7–14) is after ${today.toString()}, the date of the check`,
      zh: `第 7–14 位出生日期 ${birthDate.toString()} 晚于校验日期 ${today.toString()}`,
    });
    birthDate = null;
  }
  const gender: Gender = Number(text18.charAt(16)) % 2 === 1 ? 'male' : 'female';
  const expected = computeResidentIdCheckDigit(text18.slice(0, 17));
  const actual = text18.charAt(17);
  return {
    person: { birthDate, gender, age: birthDate === null ? null : ageOn(birthDate, today) },
    defects,
    checkFailure: actual === expected ? null : checkMismatch(actual, expected),
  };
}

export function readResidentId(text: string, context: { today: LocalDate }): Reading<'resident_id'> | null {
  const convertedFrom15 = SHAPE_15.test(text) ? text : null;
  if (convertedFrom15 === null && !SHAPE_18.test(text)) return null;
  const normalized = convertedFrom15 === null ? text : convertLegacyResidentId(convertedFrom15);
  const region = normalized.slice(0, 6);
  const layout = readPersonLayout(normalized, context.today);
  const defects: Message[] = [];
  if (!isResidentIdProvince(region.slice(0, 2))) {
    defects.push({
      en: `address code ${region} (positions 1–6) does not start with a province where resident ID numbers are issued`,
      zh: `第 1–6 位地址码 ${region} 的前两位不是签发居民身份证的省级行政区划代码`,
    });
  }
  defects.push(...layout.defects);
  const notes: Message[] =
    convertedFrom15 === null
      ? []
      : [
          {
            en: `converted from the 15-digit number ${convertedFrom15} (GB 11643-1989): century 19 inserted, check character computed`,
            zh: `已将 15 位号码 ${convertedFrom15}（GB 11643-1989）升为 18 位：补入“19”并计算校验码`,
          },
        ];
  return {
    kind: 'resident_id',
    normalized,
    details: { ...layout.person, region: describeDivision(region), convertedFrom15 },
    defects,
    checkFailure: layout.checkFailure,
    doubts: [],
    notes,
    errorCode: 'INVALID_ID_NUMBER',
  };
}
