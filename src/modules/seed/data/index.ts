import type { ProfileId } from '../../../core/policy/profile-id.ts';
import { nantongDistricts, weihaiDistricts, xiamenDistricts } from './districts.ts';
import { nantongDepartments } from './nantong-departments.ts';
import type { District, ProviderDepartment } from './types.ts';
import { weihaiDepartments } from './weihai-departments.ts';
import { xiamenDepartments } from './xiamen-departments.ts';

export type { District, DistrictKind, ProviderDepartment, ProviderKind } from './types.ts';
export { PROVIDER_KINDS } from './types.ts';

/** The reference data the seed puts in place for one city. */
export interface DemoCity {
  readonly code: ProfileId;
  /** Full name, e.g. 厦门市. */
  readonly name: string;
  /** The name without 市, as it begins enterprise names (厦门鹭岛贸易有限公司). */
  readonly shortName: string;
  /** GB/T 2260 code of the prefecture-level city. */
  readonly divisionCode: string;
  /** The city's credit website (信用网站), the public face of the platform. */
  readonly portalName: string;
  readonly departments: readonly ProviderDepartment[];
  readonly districts: readonly District[];
}

export const demoCities: Readonly<Record<ProfileId, DemoCity>> = {
  xiamen: {
    code: 'xiamen',
    name: '厦门市',
    shortName: '厦门',
    divisionCode: '350200',
    portalName: '信用中国（福建厦门）',
    departments: xiamenDepartments,
    districts: xiamenDistricts,
  },
  weihai: {
    code: 'weihai',
    name: '威海市',
    shortName: '威海',
    divisionCode: '371000',
    portalName: '信用威海',
    departments: weihaiDepartments,
    districts: weihaiDistricts,
  },
  nantong: {
    code: 'nantong',
    name: '南通市',
    shortName: '南通',
    divisionCode: '320600',
    portalName: '信用南通',
    departments: nantongDepartments,
    districts: nantongDistricts,
  },
};
