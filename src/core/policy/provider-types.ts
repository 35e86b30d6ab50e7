import type { CollectionChannel, PolicyParameters, ProviderKind } from './types.ts';

/*
 * Provider types (信息提供单位类型): under which of its city's provisions an organization provides records.
 * The city's own kinds of provider (000 第二条; 003 第二条; 004 第二条) are types as they are; Xiamen adds its
 * judicial organs and stationed units, collected through a mechanism of their own (000 第十二条(三); R18),
 * and Weihai and Nantong admit voluntary providers that follow the same rules (003 第三十七条; 004 第四十一条;
 * R19). Which types a city allows is read from its profile, never hard-coded per city.
 */

export const PROVIDER_TYPES = [
  'STATE_ORGAN',
  'ADMINISTRATIVE_ORGAN',
  'JUDICIAL_ORGAN',
  'AUTHORIZED_ORGANIZATION',
  'MASS_ORGANIZATION',
  'STATIONED_UNIT',
  'VOLUNTARY',
] as const satisfies readonly (ProviderKind | 'STATIONED_UNIT' | 'VOLUNTARY')[];
export type ProviderType = (typeof PROVIDER_TYPES)[number];

export const COLLECTION_CHANNELS = [
  'SYSTEM_INTEGRATION',
  'FILE_REPORTING',
  'JUDICIAL_AND_STATIONED_UNITS',
  'EXCHANGE_PLATFORM',
  'DISTRICT_SUBSYSTEM',
  'PROVINCIAL_PUSH',
  'SAME_LEVEL_PUSH',
] as const satisfies readonly CollectionChannel[];

export interface BilingualName {
  zh: string;
  en: string;
}

export const PROVIDER_TYPE_NAMES: Readonly<Record<ProviderType, BilingualName>> = {
  STATE_ORGAN: { zh: '国家机关', en: 'State organ' },
  ADMINISTRATIVE_ORGAN: { zh: '行政机关', en: 'Administrative organ' },
  JUDICIAL_ORGAN: { zh: '司法机关', en: 'Judicial organ' },
  AUTHORIZED_ORGANIZATION: {
    zh: '法律法规授权的具有管理公共事务职能的组织',
    en: 'Organization authorized by law to manage public affairs',
  },
  MASS_ORGANIZATION: { zh: '群团组织', en: 'Mass organization' },
  STATIONED_UNIT: { zh: '省部属驻地单位', en: 'Provincial or ministerial unit stationed in the city' },
  VOLUNTARY: { zh: '自愿提供单位', en: 'Voluntary provider' },
};

export const COLLECTION_CHANNEL_NAMES: Readonly<Record<CollectionChannel, BilingualName>> = {
  SYSTEM_INTEGRATION: { zh: '系统对接（自动归集）', en: 'System integration (automatic collection)' },
  FILE_REPORTING: { zh: '按数据标准报送', en: 'Reporting under the data standard' },
  JUDICIAL_AND_STATIONED_UNITS: {
    zh: '司法机关、省部属驻地单位归集机制',
    en: 'Collection mechanism for judicial organs and stationed units',
  },
  EXCHANGE_PLATFORM: {
    zh: '政务信息资源共享交换平台',
    en: 'Government information-resource sharing and exchange platform',
  },
  DISTRICT_SUBSYSTEM: { zh: '区（市）子系统', en: 'District sub-system' },
  PROVINCIAL_PUSH: { zh: '省统一推送', en: 'Provincial push' },
  SAME_LEVEL_PUSH: { zh: '同级推送', en: 'Same-level push' },
};

/** A type the city allows, with its name there, its source and the channels its providers use. */
export interface AllowedProviderType {
  type: ProviderType;
  zh: string;
  en: string;
  source: string;
  /** R19: provides of its own accord, under the same rules as the providers the regulation names. */
  voluntary: boolean;
  channels: readonly CollectionChannel[];
}

const SPECIAL_CHANNEL: CollectionChannel = 'JUDICIAL_AND_STATIONED_UNITS';
const SPECIAL_TYPES: readonly ProviderType[] = ['JUDICIAL_ORGAN', 'STATIONED_UNIT'];

/** The provider types a city's parameters allow, in the order the registration form offers them. */
export function allowedProviderTypes(params: PolicyParameters): AllowedProviderType[] {
  const { providerKinds, voluntaryProviders } = params.scope;
  const channels = params.collection.channels;
  // 000 第十二条(三): where the city runs the special mechanism, judicial organs and stationed units use it
  // and no one else does.
  const special = channels.value.includes(SPECIAL_CHANNEL);
  const ordinary = channels.value.filter((channel) => channel !== SPECIAL_CHANNEL);
  const named = (type: ProviderType, source: string, own: readonly CollectionChannel[]) => ({
    type,
    ...PROVIDER_TYPE_NAMES[type],
    source,
    voluntary: false,
    channels: own,
  });
  const types: AllowedProviderType[] = providerKinds.value
    .filter((kind) => !(special && SPECIAL_TYPES.includes(kind)))
    .map((kind) => named(kind, providerKinds.source, ordinary));
  if (special) {
    for (const type of SPECIAL_TYPES) types.push(named(type, channels.source, [SPECIAL_CHANNEL]));
  }
  // 003 第三十七条; 004 第四十一条: named by the city's own words (其他机关和组织; 行业协会商会以及其他社会组织).
  if (voluntaryProviders.value !== null) {
    types.push({
      type: 'VOLUNTARY',
      zh: `${PROVIDER_TYPE_NAMES.VOLUNTARY.zh}（${voluntaryProviders.value}）`,
      en: PROVIDER_TYPE_NAMES.VOLUNTARY.en,
      source: voluntaryProviders.source,
      voluntary: true,
      channels: ordinary,
    });
  }
  return types;
}

/** Why a registration's type or channel is refused, naming the field; null when the city allows both. */
export interface RegistrationProblem {
  field: 'providerType' | 'collectionChannel';
  zh: string;
  en: string;
}

export function providerRegistrationProblem(
  params: PolicyParameters,
  registration: { providerType: string; collectionChannel: string },
): RegistrationProblem | null {
  const allowed = allowedProviderTypes(params);
  const type = allowed.find((candidate) => candidate.type === registration.providerType);
  if (type === undefined) {
    const known = (PROVIDER_TYPES as readonly string[]).includes(registration.providerType);
    const shown = known
      ? PROVIDER_TYPE_NAMES[registration.providerType as ProviderType]
      : { zh: registration.providerType, en: registration.providerType };
    const sources = [...new Set(allowed.map((candidate) => candidate.source))].join('; ');
    return {
      field: 'providerType',
      zh: `本市规定不允许登记“${shown.zh}”类型的信息提供单位；可登记：${allowed.map((t) => t.zh).join('、')}（${sources}）`,
      en: `the city's regulation does not allow providers of type ${registration.providerType} (${shown.en}); allowed: ${allowed.map((t) => t.type).join(', ')} (${sources})`,
    };
  }
  if (!type.channels.some((channel) => channel === registration.collectionChannel)) {
    const names = type.channels.map((channel) => COLLECTION_CHANNEL_NAMES[channel].zh).join('、');
    return {
      field: 'collectionChannel',
      zh: `“${type.zh}”只能经以下归集渠道报送：${names}（${type.source}）`,
      en: `providers of type ${type.type} submit through ${type.channels.join(', ')} only (${type.source})`,
    };
  }
  return null;
}
