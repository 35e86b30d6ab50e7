import type { ProfileId } from '../../core/policy/profile-id.ts';
import {
  type AllowedProviderType,
  allowedProviderTypes,
  type BilingualName,
  COLLECTION_CHANNEL_NAMES,
} from '../../core/policy/provider-types.ts';
import { versionInForce } from '../../core/policy/resolver.ts';
import type { CollectionChannel, PolicyProfile } from '../../core/policy/types.ts';
import type { Clock } from '../../platform/clock.ts';
import { demoCities } from '../seed/data/index.ts';

export interface RegistrationOptions {
  /** The provider types the city's regulation in force allows, each with the channels its providers use. */
  types: Array<
    Omit<AllowedProviderType, 'channels'> & {
      channels: Array<{ channel: CollectionChannel } & BilingualName>;
    }
  >;
  /** The city and its districts: where a provider may belong. */
  divisions: Array<{ code: string; name: string }>;
}

/** The city and its districts (GB/T 2260), the city first. */
export function cityDivisions(profileId: ProfileId): Array<{ code: string; name: string }> {
  const city = demoCities[profileId];
  return [
    { code: city.divisionCode, name: city.name },
    ...city.districts.map((district) => ({ code: district.code, name: district.name })),
  ];
}

/** What the registration form offers, from the profile version in force today (R18, R19). */
export function readRegistrationOptions(reader: {
  profile: PolicyProfile;
  clock: Clock;
}): RegistrationOptions {
  const params = versionInForce(reader.profile, reader.clock.today()).version.parameters;
  return {
    types: allowedProviderTypes(params).map((type) => ({
      ...type,
      channels: type.channels.map((channel) => ({ channel, ...COLLECTION_CHANNEL_NAMES[channel] })),
    })),
    divisions: cityDivisions(reader.profile.id),
  };
}
