import { describeDivision, NATIONAL_REGISTRATION_REGION } from './divisions.ts';
import { computeOrganizationCodeCheckCharacter, isOrganizationCodeCheckValid } from './organization-code.ts';
import { checkMismatch, type Message, type Reading } from './reading.ts';
import { describeRegistration } from './registration-authorities.ts';

/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): registration authority (1), organization
 * type (2), registration region (3–8), organization code (9–17), check character (18).
 */

/** The 31 characters a USCC may contain, in the order of their values 0–30 (no I, O, S, V, Z). */
export const USCC_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-Z]{18}$/;

function excludedCharacters(text: string): Array<{ character: string; position: number }> {
  return [...text]
    .map((character, index) => ({ character, position: index + 1 }))
    .filter(({ character }) => !USCC_CHARACTERS.includes(character));
}

/** The GB 32100-2015 check character of the first 17 characters of a USCC. */
export function computeUsccCheckCharacter(body17: string): string {
  if (body17.length !== 17) throw new RangeError(`body17: expected 17 characters, got ${body17.length}`);
  const [excluded] = excludedCharacters(body17);
  if (excluded !== undefined) {
    throw new RangeError(
      `body17: character "${excluded.character}" at position ${excluded.position} is not a USCC character`,
    );
  }
  const sum = WEIGHTS.reduce(
    (total, weight, index) => total + weight * USCC_CHARACTERS.indexOf(body17.charAt(index)),
    0,
  );
  return USCC_CHARACTERS.charAt((31 - (sum % 31)) % 31);
}

function registrationRegionDefect(region: string): Message | null {
  if (!/^\d{6}$/.test(region)) {
    return {
      en: `registration region ${region} (positions 3–8) is not a six-digit division code`,
      zh: `第 3–8 位登记管理机关行政区划码 ${region} 不是六位数字`,
    };
  }
  if (region !== NATIONAL_REGISTRATION_REGION && describeDivision(region).province === null) {
    return {
      en: `registration region ${region} (positions 3–8) does not start with a province-level division code`,
      zh: `第 3–8 位登记管理机关行政区划码 ${region} 的前两位不是省级行政区划代码`,
    };
  }
  return null;
}

export function readUscc(text: string): Reading<'uscc'> | null {
  if (!SHAPE.test(text)) return null;
  const defects: Message[] = excludedCharacters(text).map(({ character, position }) => ({
    en: `character ${character} at position ${position} is not used in USCCs (I, O, S, V and Z are excluded)`,
    zh: `第 ${position} 位字符 ${character} 不在统一社会信用代码字符集内（不使用 I、O、S、V、Z）`,
  }));
  const doubts: Message[] = [];
  const authorityCode = text.charAt(0);
  const typeCode = text.charAt(1);
  const registration = describeRegistration(authorityCode, typeCode);
  if (registration.authorityName === null) {
    defects.push({
      en: `registration authority code ${authorityCode} (position 1) is not defined by GB 32100-2015`,
      zh: `第 1 位登记管理部门代码 ${authorityCode} 未在 GB 32100-2015 中定义`,
    });
  } else if (!registration.typeKnown) {
    doubts.push({
      en: `organization type ${typeCode} (position 2) is not listed for registration authority ${authorityCode} (${registration.authorityName})`,
      zh: `第 2 位机构类别代码 ${typeCode} 不在登记管理部门 ${authorityCode}（${registration.authorityName}）的类别中`,
    });
  }
  const region = text.slice(2, 8);
  const regionDefect = registrationRegionDefect(region);
  if (regionDefect !== null) defects.push(regionDefect);

  const organizationCode = text.slice(8, 17);
  const organizationCodeCheckValid = isOrganizationCodeCheckValid(organizationCode);
  if (!organizationCodeCheckValid) {
    const expected = computeOrganizationCodeCheckCharacter(organizationCode.slice(0, 8));
    // Only a warning: early registrations carry organization codes that predate strict checking (DESIGN Decision 3).
    doubts.push({
      en: `embedded organization code ${organizationCode} (positions 9–17): GB 11714 check character is ${organizationCode.charAt(8)}, expected ${expected}`,
      zh: `第 9–17 位组织机构代码 ${organizationCode} 的 GB 11714 校验码为 ${organizationCode.charAt(8)}，应为 ${expected}`,
    });
  }

  const body = text.slice(0, 17);
  const expected = excludedCharacters(body).length === 0 ? computeUsccCheckCharacter(body) : null;
  const actual = text.charAt(17);
  return {
    kind: 'uscc',
    normalized: text,
    details: {
      registrationAuthority: { code: authorityCode, name: registration.authorityName },
      organizationType: { code: typeCode, name: registration.typeName },
      region: describeDivision(region),
      organizationCode,
      organizationCodeCheckValid,
    },
    defects,
    checkFailure: expected !== null && expected !== actual ? checkMismatch(actual, expected) : null,
    doubts,
    notes: [],
    errorCode: 'INVALID_USCC',
  };
}
