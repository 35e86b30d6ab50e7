import { isAfter, isBefore, type LocalDate } from '../time/local-date.ts';
import { cite } from './cited.ts';
import type { ProfileId } from './profile-id.ts';
import { NANTONG_004 } from './profiles/nantong.ts';
import { NATIONAL_BASELINE_VERSIONS } from './profiles/national.ts';
import { WEIHAI_2022 } from './profiles/weihai.ts';
import { XIAMEN_2020 } from './profiles/xiamen.ts';
import type { NationalBaselineVersion, PolicyProfile, ProfileVersion } from './types.ts';

/** Configuration a profile needs from the instance (read at the edge, never here). */
export interface ProfileLoadOptions {
  /** NT's issue date (004 has none in its text, A-3). */
  nantongIssuedOn?: LocalDate;
}

const CITIES: Record<ProfileId, Omit<PolicyProfile, 'versions'>> = {
  xiamen: { id: 'xiamen', code: 'XM', nameZh: '厦门市' },
  weihai: { id: 'weihai', code: 'WH', nameZh: '威海市' },
  nantong: { id: 'nantong', code: 'NT', nameZh: '南通市' },
};

function nantongVersion(issuedOn: LocalDate | undefined): ProfileVersion {
  if (issuedOn === undefined) return NANTONG_004;
  return {
    ...NANTONG_004,
    effectiveFrom: cite(issuedOn, '004 第四十三条 (自印发之日起施行); configured issue date (A-3)'),
  };
}

/** A city's built-in versions, oldest first, with the instance's configuration applied. */
export function loadProfile(id: ProfileId, options: ProfileLoadOptions = {}): PolicyProfile {
  const versions: Record<ProfileId, readonly ProfileVersion[]> = {
    xiamen: [XIAMEN_2020],
    weihai: [WEIHAI_2022],
    nantong: [nantongVersion(options.nantongIssuedOn)],
  };
  return { ...CITIES[id], versions: versions[id] };
}

/** Why no loaded version is in force on a date (R2): before the first one, or after the last one lapsed. */
export type ProfileLapse = 'NOT_YET_IN_FORCE' | 'EXPIRED';

export interface ResolvedVersion {
  version: ProfileVersion;
  /** null when `version` is in force on the date; otherwise the platform keeps applying it and alerts (R2). */
  lapse: ProfileLapse | null;
}

function startsOnOrBefore(version: { effectiveFrom: { value: LocalDate | null } }, date: LocalDate): boolean {
  const from = version.effectiveFrom.value;
  return from === null || !isAfter(from, date);
}

function endsOnOrAfter(version: { effectiveTo: { value: LocalDate | null } }, date: LocalDate): boolean {
  const to = version.effectiveTo.value;
  return to === null || !isBefore(to, date);
}

/**
 * The version of a profile in force on `date` (R3: pass the record's acceptance date). When none is, the last
 * version that had started by then (or the first one, before any started) with the reason (R2, DESIGN Decision 2).
 */
export function versionInForce(profile: PolicyProfile, date: LocalDate): ResolvedVersion {
  const started = profile.versions.filter((version) => startsOnOrBefore(version, date));
  const latestStarted = started.at(-1);
  if (latestStarted === undefined) {
    const first = profile.versions[0];
    if (first === undefined) throw new Error(`profile ${profile.id} has no versions loaded`);
    return { version: first, lapse: 'NOT_YET_IN_FORCE' };
  }
  return { version: latestStarted, lapse: endsOnOrAfter(latestStarted, date) ? null : 'EXPIRED' };
}

/** The national baseline version in force on `date`, or null before the first one (DESIGN Decision 1). */
export function nationalBaselineOn(
  date: LocalDate,
  versions: readonly NationalBaselineVersion[] = NATIONAL_BASELINE_VERSIONS,
): NationalBaselineVersion | null {
  const inForce = versions.filter(
    (version) => startsOnOrBefore(version, date) && endsOnOrAfter(version, date),
  );
  return inForce.at(-1) ?? null;
}

export interface ProfileAlert {
  code: 'PROFILE_EXPIRED' | 'PROFILE_NOT_YET_IN_FORCE' | 'PROFILE_EFFECTIVE_DATE_UNSET';
  zh: string;
  en: string;
}

/**
 * The daily administrator alert of R2 for `today`, or null when the version in force is properly dated.
 * e.g. "WH profile expired on 2027-05-24" from 2027-05-25.
 */
export function profileLapseAlert(profile: PolicyProfile, today: LocalDate): ProfileAlert | null {
  const { version, lapse } = versionInForce(profile, today);
  const { code, nameZh } = profile;
  const from = version.effectiveFrom.value;
  const to = version.effectiveTo.value;
  if (lapse === 'EXPIRED' && to !== null) {
    return {
      code: 'PROFILE_EXPIRED',
      zh: `${nameZh}政策配置已于${to}到期失效，系统继续适用最后加载的版本（${version.versionId}），请加载后续版本`,
      en: `${code} profile expired on ${to}`,
    };
  }
  if (lapse === 'NOT_YET_IN_FORCE' && from !== null) {
    return {
      code: 'PROFILE_NOT_YET_IN_FORCE',
      zh: `${nameZh}政策配置自${from}起施行，当前尚未生效`,
      en: `${code} profile not in force until ${from}`,
    };
  }
  if (from === null) {
    return {
      code: 'PROFILE_EFFECTIVE_DATE_UNSET',
      zh: `${nameZh}政策配置未设置施行日期（办法原文未载明印发日期），请配置`,
      en: `${code} profile has no configured effective date`,
    };
  }
  return null;
}
