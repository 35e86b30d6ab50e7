import { Type } from 'typebox';

export const Provider = Type.Object({
  code: Type.String({ description: '信息提供单位编码' }),
  name: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  kind: Type.String(),
  divisionCode: Type.String({ description: '行政区划代码 (GB/T 2260)' }),
});

export const ProviderList = Type.Array(Provider);
