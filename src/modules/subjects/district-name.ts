import { demoCities } from '../seed/data/index.ts';

const NAMES = new Map<string, string>(
  Object.values(demoCities).flatMap((city) => [
    [city.divisionCode, city.name] as [string, string],
    ...city.districts.map((d): [string, string] => [d.code, d.name]),
  ]),
);

/** The name of a city or district of the cities this build serves, or null when the code is not one of them. */
export function districtName(divisionCode: string): string | null {
  return NAMES.get(divisionCode) ?? null;
}
