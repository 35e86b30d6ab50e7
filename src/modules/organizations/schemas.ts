import { Type } from 'typebox';
import { COLLECTION_CHANNELS, PROVIDER_TYPES } from '../../core/policy/provider-types.ts';

const literals = (values: readonly string[]) => Type.Union(values.map((value) => Type.Literal(value)));
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const Provider = Type.Object({
  code: Type.String({ description: '信息提供单位编码' }),
  name: Type.String(),
  nameEn: NullableString,
  kind: Type.String(),
  divisionCode: Type.String({ description: '行政区划代码 (GB/T 2260)' }),
  providerType: Type.Union([literals(PROVIDER_TYPES), Type.Null()], {
    description: '信息提供单位类型；null：尚未登记类型 / provider type; null until registered (R18, R19)',
  }),
  collectionChannel: Type.Union([literals(COLLECTION_CHANNELS), Type.Null()], {
    description: '归集渠道 / collection channel',
  }),
});

export const ProviderList = Type.Array(Provider);

export const RegisterProviderBody = Type.Object({
  code: Type.String({
    minLength: 1,
    maxLength: 32,
    description: '统一社会信用代码；登记已有单位时为其编码 / the USCC, or an existing organization’s code',
  }),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  nameEn: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  // Any string, so that a type the city does not allow is refused with the city's reason, not a schema error.
  providerType: Type.String({ minLength: 1, maxLength: 40, description: '信息提供单位类型 / provider type' }),
  collectionChannel: Type.String({
    minLength: 1,
    maxLength: 40,
    description: '归集渠道 / collection channel',
  }),
  divisionCode: Type.String({ pattern: '^[0-9]{6}$', description: '行政区划代码 (GB/T 2260)' }),
});

export const RegisteredProvider = Type.Object({ provider: Provider, created: Type.Boolean() });

const Named = { zh: Type.String(), en: Type.String() };

export const RegistrationOptions = Type.Object({
  types: Type.Array(
    Type.Object({
      type: literals(PROVIDER_TYPES),
      ...Named,
      source: Type.String({ description: '所依据的条款 / the provision it comes from' }),
      voluntary: Type.Boolean(),
      channels: Type.Array(Type.Object({ channel: literals(COLLECTION_CHANNELS), ...Named })),
    }),
  ),
  divisions: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
});

export const ProviderCodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 32 }) });

export const ProviderItemsBody = Type.Object({
  itemCodes: Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { maxItems: 500 }),
});

export const ProviderItems = Type.Object({
  code: Type.String(),
  items: Type.Array(Type.String()),
  added: Type.Array(Type.String()),
  removed: Type.Array(Type.String()),
});
