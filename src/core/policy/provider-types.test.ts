import { describe, expect, it } from 'vitest';
import type { ProfileId } from './profile-id.ts';
import { allowedProviderTypes, providerRegistrationProblem } from './provider-types.ts';
import { loadProfile } from './resolver.ts';
import type { PolicyParameters } from './types.ts';

const paramsOf = (id: ProfileId): PolicyParameters => {
  const [version] = loadProfile(id).versions;
  if (!version) throw new Error(`${id} has no version`);
  return version.parameters;
};

const typesOf = (id: ProfileId) => allowedProviderTypes(paramsOf(id)).map((t) => t.type);

describe('provider types each city allows', () => {
  it('R18 Xiamen: its 000 第二条 kinds, plus judicial organs and stationed units through their own channel, no voluntary providers', () => {
    expect(typesOf('xiamen')).toEqual([
      'STATE_ORGAN',
      'AUTHORIZED_ORGANIZATION',
      'MASS_ORGANIZATION',
      'JUDICIAL_ORGAN',
      'STATIONED_UNIT',
    ]);
    const types = allowedProviderTypes(paramsOf('xiamen'));
    const judicial = types.find((t) => t.type === 'JUDICIAL_ORGAN');
    expect(judicial).toMatchObject({ source: '000 第十二条', channels: ['JUDICIAL_AND_STATIONED_UNITS'] });
    const state = types.find((t) => t.type === 'STATE_ORGAN');
    expect(state?.channels).toEqual(['SYSTEM_INTEGRATION', 'FILE_REPORTING']);
  });

  it('R18 Xiamen: a judicial organ must use the special mechanism, and only it and stationed units may', () => {
    const xm = paramsOf('xiamen');
    expect(
      providerRegistrationProblem(xm, {
        providerType: 'JUDICIAL_ORGAN',
        collectionChannel: 'JUDICIAL_AND_STATIONED_UNITS',
      }),
    ).toBeNull();
    expect(
      providerRegistrationProblem(xm, {
        providerType: 'JUDICIAL_ORGAN',
        collectionChannel: 'FILE_REPORTING',
      }),
    ).toMatchObject({ field: 'collectionChannel' });
    expect(
      providerRegistrationProblem(xm, {
        providerType: 'STATE_ORGAN',
        collectionChannel: 'JUDICIAL_AND_STATIONED_UNITS',
      }),
    ).toMatchObject({ field: 'collectionChannel', zh: expect.stringContaining('国家机关') });
  });

  it('R19 Xiamen has no voluntary providers: the type is refused, naming the field and the types allowed', () => {
    const problem = providerRegistrationProblem(paramsOf('xiamen'), {
      providerType: 'VOLUNTARY',
      collectionChannel: 'FILE_REPORTING',
    });
    expect(problem?.field).toBe('providerType');
    expect(problem?.zh).toContain('自愿提供单位');
    expect(problem?.zh).toContain('司法机关');
    expect(problem?.en).toContain('VOLUNTARY');
  });

  it('R19 Weihai: its 003 第二条 kinds (judicial organs among them, any channel) and other organs as voluntary providers', () => {
    expect(typesOf('weihai')).toEqual([
      'ADMINISTRATIVE_ORGAN',
      'JUDICIAL_ORGAN',
      'AUTHORIZED_ORGANIZATION',
      'MASS_ORGANIZATION',
      'VOLUNTARY',
    ]);
    const voluntary = allowedProviderTypes(paramsOf('weihai')).find((t) => t.type === 'VOLUNTARY');
    expect(voluntary).toMatchObject({
      zh: '自愿提供单位（本市行政区域内其他机关和组织）',
      source: '003 第三十七条',
      voluntary: true,
    });
    expect(
      providerRegistrationProblem(paramsOf('weihai'), {
        providerType: 'STATIONED_UNIT',
        collectionChannel: 'EXCHANGE_PLATFORM',
      }),
    ).toMatchObject({ field: 'providerType' });
  });

  it('R19 Nantong: administrative organs and authorized organizations (004 第二条), associations as voluntary providers; no judicial organs', () => {
    expect(typesOf('nantong')).toEqual(['ADMINISTRATIVE_ORGAN', 'AUTHORIZED_ORGANIZATION', 'VOLUNTARY']);
    const nt = paramsOf('nantong');
    expect(
      providerRegistrationProblem(nt, { providerType: 'VOLUNTARY', collectionChannel: 'SAME_LEVEL_PUSH' }),
    ).toBeNull();
    expect(
      providerRegistrationProblem(nt, {
        providerType: 'JUDICIAL_ORGAN',
        collectionChannel: 'FILE_REPORTING',
      }),
    ).toMatchObject({ field: 'providerType', zh: expect.stringContaining('004 第二条') });
    expect(
      providerRegistrationProblem(nt, { providerType: 'VOLUNTARY', collectionChannel: 'DISTRICT_SUBSYSTEM' }),
    ).toMatchObject({ field: 'collectionChannel' });
  });
});
