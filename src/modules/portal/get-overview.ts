import { versionInForce } from '../../core/policy/resolver.ts';
import type { Platform } from '../../platform/context.ts';
import { countProviders } from '../organizations/store.ts';
import { demoCities } from '../seed/data/index.ts';
import { NATURAL_PERSON_KIND } from '../subjects/kinds.ts';
import { countSubjectsByKind } from '../subjects/store.ts';

export interface PortalOverview {
  city: { code: string; name: string; portalName: string };
  profile: {
    id: string;
    versionId: string;
    effectiveFrom: string | null;
    effectiveTo: string | null;
    inForce: boolean;
  };
  counts: { providers: number; subjects: number; organizations: number };
  today: string;
}

/** The public home page's figures: the city, and how many providers and subjects the platform holds. */
export async function getPortalOverview(platform: Platform): Promise<PortalOverview> {
  const city = demoCities[platform.profile.id];
  const today = platform.clock.today();
  const { version, lapse } = versionInForce(platform.profile, today);
  const [providers, byKind] = await Promise.all([
    countProviders(platform.db),
    countSubjectsByKind(platform.db),
  ]);
  const subjects = [...byKind.values()].reduce((sum, n) => sum + n, 0);
  return {
    city: { code: city.code, name: city.name, portalName: city.portalName },
    profile: {
      id: platform.profile.id,
      versionId: version.versionId,
      effectiveFrom: version.effectiveFrom.value?.toString() ?? null,
      effectiveTo: version.effectiveTo.value?.toString() ?? null,
      inForce: lapse === null,
    },
    counts: { providers, subjects, organizations: subjects - (byKind.get(NATURAL_PERSON_KIND) ?? 0) },
    today: today.toString(),
  };
}
