/** The cities one build serves; `GONGXIN_PROFILE` selects the instance's city. */
export const PROFILE_IDS = ['xiamen', 'weihai', 'nantong'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

export const DEFAULT_PROFILE_ID: ProfileId = 'xiamen';

export function isProfileId(value: string): value is ProfileId {
  return (PROFILE_IDS as readonly string[]).includes(value);
}

/** Reads a profile name (case-insensitive); absent means the default, anything unknown is an error. */
export function resolveProfileId(value: string | undefined): ProfileId {
  if (value === undefined || value.trim() === '') return DEFAULT_PROFILE_ID;
  const id = value.trim().toLowerCase();
  if (!isProfileId(id)) {
    throw new Error(`unknown profile "${value}"; expected one of ${PROFILE_IDS.join(', ')}`);
  }
  return id;
}
