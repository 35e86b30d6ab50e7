/**
 * What kind of body an information provider (信息提供单位 / 信息提供主体) is. The regulations differ on who
 * may provide: 000 第二条 (Xiamen) names state organs, authorized organizations and mass organizations;
 * 003 第二条 (Weihai) also names judicial organs; 004 第二条 (Nantong) only administrative organs and
 * authorized organizations.
 */
export const PROVIDER_KINDS = [
  'government_department',
  'court',
  'procuratorate',
  'vertical_agency',
  'mass_organization',
  'public_institution',
  'utility',
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** A department of a city that provides records to its platform, shaped like an `organization` row. */
export interface ProviderDepartment {
  /** Short ASCII code, stable forever: records, accounts and audit events refer to it; never reused. */
  readonly code: string;
  /** The full official Chinese name. */
  readonly name: string;
  readonly nameEn: string;
  readonly kind: ProviderKind;
  /** GB/T 2260 code of the division the department belongs to: the city, or a district for district units. */
  readonly divisionCode: string;
}

/** 市辖区 / 县 / 县级市: the three kinds of county-level division in these cities. */
export type DistrictKind = 'district' | 'county' | 'county_level_city';

export interface District {
  /** GB/T 2260 county-level code. */
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly kind: DistrictKind;
  /** Codes the division carried before a boundary change; resident ID numbers issued earlier still carry them. */
  readonly formerCodes: readonly string[];
}
