import { isBefore, type LocalDate } from '../time/local-date.ts';
import type { Cited } from './cited.ts';

/**
 * What one layer (the city profile or the national baseline) says about one record. For the dates, `null`
 * means "no date under this layer": disclosed with no end yet, or no repair date.
 */
export interface LayerRuling {
  published: Cited<boolean>;
  disclosureLastDay: Cited<LocalDate | null>;
  repairEligibleFrom: Cited<LocalDate | null>;
}

/**
 * Layers the national baseline under the city rule (DESIGN Decision 1). Where both give an answer and they
 * differ, the one more favourable to the subject applies: not published over published, the earlier end of
 * disclosure, the earlier first day for a repair. Where the national layer is silent (`null`, or a field left
 * out) the city rule applies unchanged; where the city gives no date and the national layer does, the national
 * date applies. Ties go to the city rule. Each result keeps the citation of the rule that won.
 */
export function mergeWithNationalBaseline(
  city: LayerRuling,
  national: Partial<LayerRuling> | null,
): LayerRuling {
  if (national === null) return city;
  return {
    published:
      national.published && !national.published.value && city.published.value
        ? national.published
        : city.published,
    disclosureLastDay: earlierDate(city.disclosureLastDay, national.disclosureLastDay),
    repairEligibleFrom: earlierDate(city.repairEligibleFrom, national.repairEligibleFrom),
  };
}

function earlierDate(
  city: Cited<LocalDate | null>,
  national: Cited<LocalDate | null> | undefined,
): Cited<LocalDate | null> {
  if (national === undefined || national.value === null) return city;
  if (city.value === null) return national;
  return isBefore(national.value, city.value) ? national : city;
}
