import type { LocalDate } from '../time/local-date.ts';
import { isResidentIdProvince, provinceName } from './divisions.ts';
import type { Message, PassportType, Reading } from './reading.ts';
import { readPersonLayout } from './resident-id.ts';

/**
 * Identity documents other than the resident ID card (000 第六条: 护照、居住证等其他身份证明), recognised by
 * format. Only the residence permit and the 18-digit permanent residence card carry a check character.
 */

const FORMAT_ONLY: Message = {
  en: 'recognised by format only: this document number has no check character',
  zh: '仅按格式识别：该证件号码没有校验码',
};

function formatOnlyReading<K extends 'passport' | 'hk_macao_permit' | 'taiwan_permit'>(
  kind: K,
  normalized: string,
  details: Reading<K>['details'],
  notes: Message[] = [],
): Reading<K> {
  return {
    kind,
    normalized,
    details,
    defects: [],
    checkFailure: null,
    doubts: [],
    notes: [FORMAT_ONLY, ...notes],
    errorCode: 'INVALID_DOCUMENT_NUMBER',
  };
}

/** Passports of the People's Republic of China (e-passport series). */
const CHINESE_PASSPORTS: ReadonlyArray<{ pattern: RegExp; type: PassportType }> = [
  { pattern: /^E\d{8}$/, type: 'ordinary' },
  { pattern: /^E[A-HJ-NP-Z]\d{7}$/, type: 'ordinary' },
  { pattern: /^G\d{8}$/, type: 'ordinary' },
  { pattern: /^DE\d{7}$/, type: 'diplomatic' },
  { pattern: /^SE\d{7}$/, type: 'service' },
  { pattern: /^PE\d{7}$/, type: 'public_affairs' },
];

export function readChinesePassport(text: string): Reading<'passport'> | null {
  const match = CHINESE_PASSPORTS.find(({ pattern }) => pattern.test(text));
  if (match === undefined) return null;
  return formatOnlyReading('passport', text, { issuingCountry: 'CHN', passportType: match.type });
}

/**
 * Any other passport: ICAO 9303 document numbers are at most 9 letters and digits. Separators typed into
 * the number (P-998877) are dropped so one document has one key. Only tried when no other format fits.
 */
export function readForeignPassport(text: string): Reading<'passport'> | null {
  const compact = text.replace(/[\s-]/g, '');
  if (!/^[0-9A-Z]{6,9}$/.test(compact) || !/\d/.test(compact)) return null;
  return formatOnlyReading('passport', compact, { issuingCountry: null, passportType: null }, [
    {
      en: 'taken for a foreign passport: the number does not tell the issuing state',
      zh: '按外国护照处理：号码本身不表明签发国',
    },
  ]);
}

/** 港澳居民来往内地通行证: H (Hong Kong) or M (Macao), then 8 digits, or 10 on the cards issued before 2013. */
export function readHkMacaoPermit(text: string): Reading<'hk_macao_permit'> | null {
  const match = /^([HM])(\d{8}|\d{10})$/.exec(text);
  if (match === null) return null;
  return formatOnlyReading('hk_macao_permit', text, {
    residence: match[1] === 'H' ? 'HK' : 'MO',
    legacyFormat: match[2]?.length === 10,
  });
}

/** 台湾居民来往大陆通行证: 8 digits (card, 2015 on), 10 digits (booklet), or a letter and 9 digits (single entry). */
export function readTaiwanPermit(text: string): Reading<'taiwan_permit'> | null {
  if (/^\d{8}$/.test(text)) return formatOnlyReading('taiwan_permit', text, { format: 'card' });
  if (/^\d{10}$/.test(text)) return formatOnlyReading('taiwan_permit', text, { format: 'legacy' });
  if (/^[A-Z]\d{9}$/.test(text)) return formatOnlyReading('taiwan_permit', text, { format: 'single_entry' });
  return null;
}

const HMT_RESIDENCE: Readonly<Record<string, 'HK' | 'MO' | 'TW'>> = { '81': 'HK', '82': 'MO', '83': 'TW' };

/** 港澳台居民居住证: GB 11643 layout with address code 810000 (HK), 820000 (MO) or 830000 (TW). */
export function readHmtResidencePermit(
  text: string,
  context: { today: LocalDate },
): Reading<'hmt_residence_permit'> | null {
  const match = /^(8[123])0000\d{11}[\dX]$/.exec(text);
  const residence = match?.[1] === undefined ? undefined : HMT_RESIDENCE[match[1]];
  if (residence === undefined) return null;
  const layout = readPersonLayout(text, context.today);
  return {
    kind: 'hmt_residence_permit',
    normalized: text,
    details: { ...layout.person, residence },
    defects: layout.defects,
    checkFailure: layout.checkFailure,
    doubts: [],
    notes: [],
    errorCode: 'INVALID_RESIDENCE_PERMIT_NUMBER',
  };
}

/**
 * 外国人永久居留身份证. The 15-character card: ISO alpha-3 nationality and 12 digits. The 18-digit card
 * (issued from 2023-12-01): 9, the issuing province, the ISO numeric nationality, then birth date,
 * sequence and check as in GB 11643.
 */
export function readForeignPermanentResidence(
  text: string,
  context: { today: LocalDate },
): Reading<'foreign_permanent_residence'> | null {
  if (/^[A-Z]{3}\d{12}$/.test(text)) {
    return {
      kind: 'foreign_permanent_residence',
      normalized: text,
      details: { format: 'legacy_15', nationality: text.slice(0, 3), issuingProvince: null, person: null },
      defects: [],
      checkFailure: null,
      doubts: [],
      notes: [FORMAT_ONLY],
      errorCode: 'INVALID_PERMANENT_RESIDENCE_NUMBER',
    };
  }
  if (!/^9\d{16}[\dX]$/.test(text)) return null;
  const provinceCode = text.slice(1, 3);
  const layout = readPersonLayout(text, context.today);
  const defects: Message[] = [];
  if (!isResidentIdProvince(provinceCode)) {
    defects.push({
      en: `issuing province ${provinceCode} (positions 2–3) is not a mainland province-level code`,
      zh: `第 2–3 位受理地代码 ${provinceCode} 不是内地省级行政区划代码`,
    });
  }
  defects.push(...layout.defects);
  return {
    kind: 'foreign_permanent_residence',
    normalized: text,
    details: {
      format: 'current_18',
      nationality: text.slice(3, 6),
      issuingProvince: { code: provinceCode, name: provinceName(provinceCode) },
      person: layout.person,
    },
    defects,
    checkFailure: layout.checkFailure,
    doubts: [],
    notes: [],
    errorCode: 'INVALID_PERMANENT_RESIDENCE_NUMBER',
  };
}
