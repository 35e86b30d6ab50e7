import type { LocalDate } from '../time/local-date.ts';
import type { RegionDetails } from './divisions.ts';

/** Every kind of code the platform recognises; `unknown` when no format fits. */
export type CodeKind =
  | 'uscc'
  | 'resident_id'
  | 'passport'
  | 'hk_macao_permit'
  | 'taiwan_permit'
  | 'foreign_permanent_residence'
  | 'hmt_residence_permit'
  | 'unknown';

/** Chinese first (UI text), English second (logs, API callers). */
export const CODE_KIND_LABELS: Readonly<Record<CodeKind, { zh: string; en: string }>> = {
  uscc: { zh: '统一社会信用代码', en: 'unified social credit code' },
  resident_id: { zh: '居民身份证号码', en: 'resident ID number' },
  passport: { zh: '护照', en: 'passport' },
  hk_macao_permit: {
    zh: '港澳居民来往内地通行证',
    en: 'Mainland travel permit for Hong Kong and Macao residents',
  },
  taiwan_permit: { zh: '台湾居民来往大陆通行证', en: 'Mainland travel permit for Taiwan residents' },
  foreign_permanent_residence: { zh: '外国人永久居留身份证', en: 'foreign permanent resident ID card' },
  hmt_residence_permit: {
    zh: '港澳台居民居住证',
    en: 'residence permit for Hong Kong, Macao and Taiwan residents',
  },
  unknown: { zh: '无法识别的代码', en: 'unrecognised code' },
};

export interface Message {
  en: string;
  zh: string;
}

export type Gender = 'male' | 'female';

/** A person's data read from a GB 11643 layout (resident ID, residence permits, the new foreign permanent residence card). */
export interface PersonDetails {
  birthDate: LocalDate | null;
  gender: Gender;
  /** Age in whole years on the date of the check; null when the birth date is unreadable. */
  age: number | null;
}

export interface UsccDetails {
  registrationAuthority: { code: string; name: string | null };
  organizationType: { code: string; name: string | null };
  region: RegionDetails;
  /** The embedded GB 11714 organization code (positions 9–17), e.g. MA2Y0AB17. */
  organizationCode: string;
  organizationCodeCheckValid: boolean;
}

export interface ResidentIdDetails extends PersonDetails {
  region: RegionDetails;
  /** The 15-digit number the input was, when it was converted to 18 digits. */
  convertedFrom15: string | null;
}

export type PassportType = 'ordinary' | 'diplomatic' | 'service' | 'public_affairs';

export interface PassportDetails {
  /** ISO 3166-1 alpha-3 of the issuing state when the format tells it (CHN), else null. */
  issuingCountry: string | null;
  passportType: PassportType | null;
}

export interface HkMacaoPermitDetails {
  residence: 'HK' | 'MO';
  /** The 10-digit form, whose last two digits count the permits issued before the card of 2013. */
  legacyFormat: boolean;
}

export interface TaiwanPermitDetails {
  format: 'card' | 'legacy' | 'single_entry';
}

export interface ForeignPermanentResidenceDetails {
  format: 'legacy_15' | 'current_18';
  /** ISO 3166-1 alpha-3 (15-character card) or numeric-3 (18-digit card) nationality code. */
  nationality: string;
  /** Province-level division where the 18-digit card was issued; null for the 15-character card. */
  issuingProvince: { code: string; name: string | null } | null;
  person: PersonDetails | null;
}

export interface HmtResidencePermitDetails extends PersonDetails {
  residence: 'HK' | 'MO' | 'TW';
}

export interface DetailsByKind {
  uscc: UsccDetails;
  resident_id: ResidentIdDetails;
  passport: PassportDetails;
  hk_macao_permit: HkMacaoPermitDetails;
  taiwan_permit: TaiwanPermitDetails;
  foreign_permanent_residence: ForeignPermanentResidenceDetails;
  hmt_residence_permit: HmtResidencePermitDetails;
  unknown: Record<string, never>;
}

/**
 * One way of reading an input as a given kind. Kind detection reads the input every way its shape allows
 * and then picks one reading (see check-code.ts).
 */
export interface Reading<K extends CodeKind = CodeKind> {
  kind: K;
  normalized: string;
  details: DetailsByKind[K];
  /** Structural faults: the input has this kind's shape but cannot be a code of this kind. */
  defects: Message[];
  /** The check character does not match, or null when it matches or the kind has none. */
  checkFailure: Message | null;
  /** Oddities that leave the code valid but make this reading less likely (shown as warnings). */
  doubts: Message[];
  /** Information for the reader (shown as warnings); no bearing on which reading wins. */
  notes: Message[];
  /** The errorCode reported when this reading is chosen and invalid. */
  errorCode: string;
}

export interface ReadContext {
  today: LocalDate;
}

export function checkMismatch(actual: string, expected: string): Message {
  return {
    en: `check character is ${actual}, expected ${expected}`,
    zh: `校验码为 ${actual}，应为 ${expected}`,
  };
}
