import type { Platform } from '../../platform/context.ts';
import { countProviders } from '../organizations/store.ts';
import { demoCities } from '../seed/data/index.ts';
import { NATURAL_PERSON_KIND } from '../subjects/kinds.ts';
import { countSubjectsByKind } from '../subjects/store.ts';

export interface PortalOverview {
  city: { code: string; name: string; portalName: string };
  profile: { id: string };
  counts: { providers: number; subjects: number; organizations: number };
  today: string;
}

/** The public home page's figures: the city, and how many providers and subjects the platform holds. */
export async function getPortalOverview(platform: Platform): Promise<PortalOverview> {
  const city = demoCities[platform.profileId];
  const [providers, byKind] = await Promise.all([
    countProviders(platform.db),
    countSubjectsByKind(platform.db),
  ]);
  const subjects = [...byKind.values()].reduce((sum, n) => sum + n, 0);
  return {
    city: { code: city.code, name: city.name, portalName: city.portalName },
    profile: { id: platform.profileId },
    counts: { providers, subjects, organizations: subjects - (byKind.get(NATURAL_PERSON_KIND) ?? 0) },
    today: platform.clock.today().toString(),
  };
}
