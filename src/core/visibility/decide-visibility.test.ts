import { describe, expect, expectTypeOf, it } from 'vitest';
import { DISCLOSURE_ATTRIBUTES } from '../catalog/item.ts';
import { cite } from '../policy/cited.ts';
import type { ProfileId } from '../policy/profile-id.ts';
import type { PeriodState } from '../policy/record-periods.ts';
import { loadProfile, versionInForce } from '../policy/resolver.ts';
import type { DisclosureParameters, PolicyParameters } from '../policy/types.ts';
import { parseLocalDate } from '../time/local-date.ts';
import {
  type Authorization,
  decideVisibility,
  filterVisible,
  type Viewer,
  type VisibilityDecision,
  type VisibilityRecord,
} from './decide-visibility.ts';
import {
  isRecordState,
  RECORD_MARKER_NAMES,
  RECORD_MARKERS,
  RECORD_STATES,
  type RecordMarker,
  type RecordState,
} from './record-states.ts';

/** The version of each city's profile in force on a fixed day. */
function paramsOf(profile: ProfileId): PolicyParameters {
  return versionInForce(loadProfile(profile), parseLocalDate('2025-06-01')).version.parameters;
}

/** A profile with some disclosure switches turned, to exercise an A-n switch. */
function withDisclosure(profile: ProfileId, patch: Partial<DisclosureParameters>): PolicyParameters {
  const params = paramsOf(profile);
  return { ...params, disclosure: { ...params.disclosure, ...patch } };
}

const OWNER = '12350200MB0000001X';
const OTHER_PROVIDER = '12350200MB0000002X';

function aRecord(overrides: Partial<VisibilityRecord> = {}): VisibilityRecord {
  return {
    itemCode: 'XZCF',
    providerCode: OWNER,
    disclosure: 'public',
    state: 'ACTIVE',
    objectionOpen: false,
    disputePersists: false,
    selfDeclared: false,
    subjectIsNaturalPerson: false,
    itemNationalException: false,
    ...overrides,
  };
}

function authorization(
  items: readonly string[] | 'ALL_AUTHORIZED_ITEMS',
  coversGovernmentShared = false,
): Authorization {
  return { items: items === 'ALL_AUTHORIZED_ITEMS' ? items : new Set(items), coversGovernmentShared };
}

function decide(viewer: Viewer, record: VisibilityRecord, params: PolicyParameters): VisibilityDecision {
  return decideVisibility({ viewer, record, params });
}

/** The item codes a viewer receives out of `records`. */
function seen(records: readonly VisibilityRecord[], viewer: Viewer, params: PolicyParameters): string[] {
  return filterVisible(records, viewer, params).map(({ record }) => record.itemCode);
}

const ALL_PROFILES = ['xiamen', 'weihai', 'nantong'] as const;

// R61's XM-ORG-A: P (社会公开), A (授权查询), G (政务共享), each of its own item.
const P = aRecord({ itemCode: 'XZXK', disclosure: 'public' });
const A = aRecord({ itemCode: 'HTLY', disclosure: 'authorized' });
const G = aRecord({ itemCode: 'QJSBF', disclosure: 'government' });
const PAG = [P, A, G];

describe.each([
  { profile: 'xiamen', self: ['XZXK', 'HTLY'], thirdParty: ['XZXK', 'HTLY'] },
  { profile: 'weihai', self: ['XZXK', 'HTLY', 'QJSBF'], thirdParty: ['XZXK', 'HTLY', 'QJSBF'] },
  { profile: 'nantong', self: ['XZXK', 'HTLY'], thirdParty: ['XZXK', 'HTLY'] },
] as const)('R61 $profile: one filter for every channel', ({ profile, self, thirdParty }) => {
  const params = paramsOf(profile);
  it('R61 PUBLIC gets {P}, SELF {P, A} (WH also G), AUTH_3P for all items the same, GOV with permission on G {P, G}', () => {
    expect(seen(PAG, { kind: 'PUBLIC' }, params)).toEqual(['XZXK']);
    expect(seen(PAG, { kind: 'SELF' }, params)).toEqual(self);
    // A WH written authorization for all items reaches 政务共享 too (R66); elsewhere it cannot.
    const allItems = authorization('ALL_AUTHORIZED_ITEMS', profile === 'weihai');
    expect(seen(PAG, { kind: 'AUTH_3P', authorization: allItems }, params)).toEqual(thirdParty);
    const gov: Viewer = { kind: 'GOV', sharingPermissions: new Set(['QJSBF']), authorization: null };
    expect(seen(PAG, gov, params)).toEqual(['XZXK', 'QJSBF']);
  });
});

describe.each(ALL_PROFILES)('R62 %s: the public sees public ACTIVE records only', (profile) => {
  const params = paramsOf(profile);
  it('R62 an anonymous visitor searching XM-ORG-A sees only P, unmarked', () => {
    expect(filterVisible(PAG, { kind: 'PUBLIC' }, params)).toEqual([{ record: P, markers: [] }]);
  });
  it('R62 … and not P once it leaves ACTIVE', () => {
    for (const state of RECORD_STATES.filter((s) => s !== 'ACTIVE')) {
      expect(decide({ kind: 'PUBLIC' }, { ...P, state }, params).shown, state).toBe(false);
    }
  });
});

describe.each(ALL_PROFILES)('R63 %s: government viewers', (profile) => {
  const params = paramsOf(profile);
  const G1 = aRecord({ itemCode: '欠缴社保费', disclosure: 'government' });
  const G2 = aRecord({ itemCode: '欠缴水费', disclosure: 'government' });
  const socialSecurityBureau: Viewer = {
    kind: 'GOV',
    sharingPermissions: new Set(['欠缴社保费']),
    authorization: null,
  };
  it('R63 市人社局 with permission for 欠缴社保费 only receives G1 and not G2', () => {
    expect(seen([G1, G2], socialSecurityBureau, params)).toEqual(['欠缴社保费']);
    expect(decide(socialSecurityBureau, G2, params)).toMatchObject({
      shown: false,
      rule: 'F1_NO_SHARING_PERMISSION',
      citation: `${params.disclosure.governmentSharingDefinition.source}; R63`,
    });
  });
  it('R63 A-24: no 授权查询 record without the subject’s authorization, and within it with one', () => {
    expect(decide(socialSecurityBureau, A, params)).toMatchObject({
      shown: false,
      rule: 'F1_NO_AUTHORIZATION',
    });
    const authorized: Viewer = { ...socialSecurityBureau, authorization: authorization(['HTLY']) };
    expect(decide(authorized, A, params)).toEqual({ shown: true, markers: [] });
    expect(decide(authorized, { ...A, itemCode: 'QTXX' }, params)).toMatchObject({
      shown: false,
      rule: 'F1_OUTSIDE_AUTHORIZATION',
    });
  });
});

describe('R64 weihai: natural persons are never publicly disclosed', () => {
  const params = paramsOf('weihai');
  const penalty = aRecord({ disclosure: 'public', subjectIsNaturalPerson: true });
  it('R64 an anonymous search for 371002198506152348 returns no record, citing 003 第二十条', () => {
    expect(decide({ kind: 'PUBLIC' }, penalty, params)).toEqual({
      shown: false,
      rule: 'R64_NATURAL_PERSON_NOT_PUBLIC',
      reason: {
        zh: '自然人的公共信用信息不得公开公示',
        en: "A natural person's records are not publicly disclosed",
      },
      citation: params.disclosure.naturalPersonPublicAllowed.source,
    });
  });
  it('R64 an item with the national-exception flag (国家另有规定, A-57) is published', () => {
    expect(decide({ kind: 'PUBLIC' }, { ...penalty, itemNationalException: true }, params).shown).toBe(true);
  });
  it('R64 the bar is for the public only: the person, an authorized third party and agencies still see it', () => {
    const viewers: Viewer[] = [
      { kind: 'SELF' },
      { kind: 'AUTH_3P', authorization: null },
      { kind: 'GOV', sharingPermissions: new Set(), authorization: null },
    ];
    for (const viewer of viewers) expect(decide(viewer, penalty, params).shown, viewer.kind).toBe(true);
  });
  it('R64 another provider’s view of the record is the public’s', () => {
    const provider: Viewer = { kind: 'PROVIDER', providerCode: OTHER_PROVIDER };
    expect(decide(provider, penalty, params)).toMatchObject({ rule: 'R64_NATURAL_PERSON_NOT_PUBLIC' });
    expect(decide({ kind: 'PROVIDER', providerCode: OWNER }, penalty, params).shown).toBe(true);
  });
});

describe.each(['xiamen', 'nantong'] as const)('%s publishes natural persons per catalog item', (profile) => {
  it('disclosure.np_public_allowed: a natural person’s public record reaches the public', () => {
    const record = aRecord({ subjectIsNaturalPerson: true });
    expect(decide({ kind: 'PUBLIC' }, record, paramsOf(profile)).shown).toBe(true);
  });
});

describe.each([
  { profile: 'xiamen', seesG: false },
  { profile: 'weihai', seesG: true },
  { profile: 'nantong', seesG: false },
] as const)('R65 $profile: self-query', ({ profile, seesG }) => {
  const params = paramsOf(profile);
  it(`R65 the verified operator gets its public and authorized records${seesG ? ' and G' : ', not G'}`, () => {
    expect(seen(PAG, { kind: 'SELF' }, params)).toEqual(seesG ? ['XZXK', 'HTLY', 'QJSBF'] : ['XZXK', 'HTLY']);
    if (!seesG) {
      expect(decide({ kind: 'SELF' }, G, params)).toMatchObject({
        rule: 'F1_ATTRIBUTE_NOT_FOR_VIEWER',
        citation: params.disclosure.selfSeesGovShared.source,
      });
    }
  });
});

describe.each([
  { profile: 'xiamen', writtenReachesG: false },
  { profile: 'weihai', writtenReachesG: true },
  { profile: 'nantong', writtenReachesG: false },
] as const)('R66 $profile: authorized third parties', ({ profile, writtenReachesG }) => {
  const params = paramsOf(profile);
  const contract = aRecord({ itemCode: '合同履约', disclosure: 'authorized' });
  const tax = aRecord({ itemCode: '纳税信用', disclosure: 'authorized' });
  it('R66 XM-ORG-B authorized for 合同履约 only gets the public records and 合同履约', () => {
    const orgB: Viewer = { kind: 'AUTH_3P', authorization: authorization(['合同履约']) };
    expect(seen([P, contract, tax, G], orgB, params)).toEqual(['XZXK', '合同履约']);
    expect(decide(orgB, tax, params)).toMatchObject({
      rule: 'F1_OUTSIDE_AUTHORIZATION',
      citation: params.queries.thirdPartyAuthorizationForms.source,
    });
  });
  it(`R66 a written authorization for all items, 政务共享 included, ${writtenReachesG ? 'reaches' : 'does not reach'} G`, () => {
    const written: Viewer = { kind: 'AUTH_3P', authorization: authorization('ALL_AUTHORIZED_ITEMS', true) };
    expect(decide(written, G, params).shown).toBe(writtenReachesG);
  });
  it('R66 without an authorization only the public records', () => {
    expect(seen([P, contract, G], { kind: 'AUTH_3P', authorization: null }, params)).toEqual(['XZXK']);
  });
});

describe('R66 weihai: an authorization that does not name 政务共享 stops at 授权查询', () => {
  it('R66 the same items without coversGovernmentShared do not reach G', () => {
    const viewer: Viewer = { kind: 'AUTH_3P', authorization: authorization(['QJSBF']) };
    expect(decide(viewer, G, paramsOf('weihai'))).toMatchObject({ rule: 'F1_OUTSIDE_AUTHORIZATION' });
  });
});

const EVERY_READER: Viewer[] = [
  { kind: 'PUBLIC' },
  { kind: 'SELF' },
  { kind: 'AUTH_3P', authorization: authorization('ALL_AUTHORIZED_ITEMS') },
  { kind: 'GOV', sharingPermissions: new Set(), authorization: null },
  { kind: 'CSA', authorization: null },
  { kind: 'SCORING' },
  { kind: 'PROVIDER', providerCode: OWNER },
  { kind: 'PROVIDER', providerCode: OTHER_PROVIDER },
  { kind: 'ARCHIVE' },
];

describe.each(ALL_PROFILES)('R67 %s: the objection marker', (profile) => {
  const params = paramsOf(profile);
  const readers = EVERY_READER.filter((viewer) => viewer.kind !== 'CSA' || params.queries.batchEnabled.value);
  it('R67 while the objection on P is open every output carries "异议处理中", and P stays published', () => {
    for (const viewer of readers) {
      const decision = decide(viewer, { ...P, objectionOpen: true }, params);
      expect(decision, viewer.kind).toEqual({ shown: true, markers: ['OBJECTION_MARKED'] });
    }
    expect(RECORD_MARKER_NAMES.OBJECTION_MARKED).toBe('异议处理中');
  });
  it('R67 once the objection closes the label is gone', () => {
    for (const viewer of readers) {
      expect(decide(viewer, P, params), viewer.kind).toEqual({ shown: true, markers: [] });
    }
  });
});

describe('R130 weihai: the subject still disagrees', () => {
  const params = paramsOf('weihai');
  it('R130 信用威海 shows the record with "异议已处理，信息主体仍有异议"', () => {
    const decision = decide({ kind: 'PUBLIC' }, { ...P, disputePersists: true }, params);
    expect(decision).toEqual({ shown: true, markers: ['DISPUTE_PERSISTS'] });
    expect(RECORD_MARKER_NAMES.DISPUTE_PERSISTS).toBe('异议已处理，信息主体仍有异议');
  });
  it('R130 the marker ends when the record leaves ACTIVE (A-46)', () => {
    const expired = { ...P, disputePersists: true, state: 'EXPIRED_REMOVED' as const };
    expect(decide({ kind: 'ARCHIVE' }, expired, params)).toEqual({ shown: true, markers: [] });
  });
});

describe.each(['xiamen', 'nantong'] as const)('%s has no persistent-dispute marker', (profile) => {
  it('a lingering disagreement adds no marker', () => {
    const decision = decide({ kind: 'PUBLIC' }, { ...P, disputePersists: true }, paramsOf(profile));
    expect(decision).toEqual({ shown: true, markers: [] });
  });
});

describe('R68 R126 xiamen: a suspended record leaves every query channel', () => {
  const params = paramsOf('xiamen');
  const suspended = { ...P, state: 'SUSPENDED_OBJECTION' as const, objectionOpen: true };
  it('R126 the public portal and the government API no longer return it, citing 000 第二十八条', () => {
    const gov: Viewer = { kind: 'GOV', sharingPermissions: new Set(['XZXK']), authorization: null };
    for (const viewer of [{ kind: 'PUBLIC' } as const, gov]) {
      expect(decide(viewer, suspended, params)).toMatchObject({
        shown: false,
        rule: 'F2_SUSPENDED_OBJECTION',
        citation: params.disclosure.suspensionOnOverdueVerification.source,
      });
    }
  });
});

describe('R68 R129 weihai: a suspended record leaves society, not government', () => {
  const params = paramsOf('weihai');
  const suspended = { ...P, state: 'SUSPENDED_OBJECTION' as const, objectionOpen: true };
  it('R129 信用威海 no longer returns it', () => {
    expect(decide({ kind: 'PUBLIC' }, suspended, params)).toMatchObject({ rule: 'F2_SUSPENDED_OBJECTION' });
    expect(decide({ kind: 'SELF' }, suspended, params)).toMatchObject({ rule: 'F2_SUSPENDED_OBJECTION' });
  });
  it('R129 a GOV user sees it marked "异议处理中（信息提供主体逾期未核查）" (A-25)', () => {
    const gov: Viewer = { kind: 'GOV', sharingPermissions: new Set(), authorization: null };
    expect(decide(gov, suspended, params)).toEqual({
      shown: true,
      markers: ['OBJECTION_VERIFICATION_OVERDUE'],
    });
    expect(RECORD_MARKER_NAMES.OBJECTION_VERIFICATION_OVERDUE).toBe('异议处理中（信息提供主体逾期未核查）');
  });
});

describe.each(ALL_PROFILES)('R69 %s: records that are not ACTIVE', (profile) => {
  const params = paramsOf(profile);
  // XM and WH repair to REPAIRED; NT archives the original (004 第三十五条).
  const repaired = { ...P, state: params.repair.effect.value };
  it(`R69 a ${params.repair.effect.value} record reaches neither SELF, GOV nor PUBLIC; ARCHIVE opens it`, () => {
    const gov: Viewer = { kind: 'GOV', sharingPermissions: new Set(['XZXK']), authorization: null };
    expect(decide({ kind: 'SELF' }, repaired, params)).toMatchObject({
      rule: 'F2_REPAIRED',
      citation: params.disclosure.selfSeesInactive.source,
    });
    expect(decide(gov, repaired, params)).toMatchObject({
      rule: 'F2_REPAIRED',
      citation: params.repair.effect.source,
    });
    expect(decide({ kind: 'PUBLIC' }, repaired, params)).toMatchObject({ rule: 'F2_REPAIRED' });
    expect(decide({ kind: 'ARCHIVE' }, repaired, params)).toEqual({ shown: true, markers: [] });
  });
  it('R69 the owning provider sees its records in every state, another provider in none', () => {
    for (const state of RECORD_STATES) {
      expect(decide({ kind: 'PROVIDER', providerCode: OWNER }, { ...A, state }, params).shown, state).toBe(
        true,
      );
      expect(decide({ kind: 'PROVIDER', providerCode: OTHER_PROVIDER }, { ...A, state }, params).shown).toBe(
        false,
      );
    }
  });
  it('R69 the expired state of the profile is hidden, citing the profile', () => {
    const expired = { ...P, state: params.periods.expiryState.value };
    expect(decide({ kind: 'PUBLIC' }, expired, params)).toMatchObject({
      rule: 'F2_EXPIRED',
      citation: params.periods.expiryState.source,
    });
  });
  it('R69 A-34: with visibility.self_sees_inactive the subject sees its repaired and expired records', () => {
    const switched = withDisclosure(profile, { selfSeesInactive: cite(true, 'A-34 (test)') });
    const expired = { ...P, state: params.periods.expiryState.value };
    expect(decide({ kind: 'SELF' }, repaired, switched).shown).toBe(true);
    expect(decide({ kind: 'SELF' }, expired, switched).shown).toBe(true);
    expect(decide({ kind: 'SELF' }, { ...P, state: 'REVOKED' }, switched).shown).toBe(false);
    expect(decide({ kind: 'PUBLIC' }, repaired, switched).shown).toBe(false);
    // Table F-1 still applies to the subject.
    expect(decide({ kind: 'SELF' }, { ...G, state: params.repair.effect.value }, switched).shown).toBe(
      params.disclosure.selfSeesGovShared.value,
    );
  });
});

describe('R69 nantong A-20: expired records and government', () => {
  const expired = { ...P, state: 'EXPIRED_UNPUBLISHED' as const };
  const gov: Viewer = { kind: 'GOV', sharingPermissions: new Set(['QJSBF']), authorization: null };
  it('R69 by default (nt.expired_visible_to_gov=false) GOV does not see an expired record', () => {
    const params = paramsOf('nantong');
    expect(decide(gov, expired, params)).toMatchObject({
      rule: 'F2_EXPIRED',
      citation: params.disclosure.expiredVisibleToGov.source,
    });
  });
  it('R69 switched on, GOV sees expired public and permitted records; nobody else does', () => {
    const switched = withDisclosure('nantong', { expiredVisibleToGov: cite(true, 'A-20 (test)') });
    expect(decide(gov, expired, switched)).toEqual({ shown: true, markers: [] });
    expect(decide(gov, { ...G, state: 'EXPIRED_UNPUBLISHED' }, switched).shown).toBe(true);
    expect(decide(gov, { ...A, state: 'EXPIRED_UNPUBLISHED' }, switched).shown).toBe(false);
    expect(decide({ kind: 'PUBLIC' }, expired, switched).shown).toBe(false);
  });
});

describe('R73 weihai: shared records of other providers are labelled in an agency’s view', () => {
  const params = paramsOf('weihai');
  const taxRecord = aRecord({ itemCode: '欠税', disclosure: 'government', providerCode: '市税务局' });
  it('R73 市住建局 querying through sharing sees the tax record labelled "部门共享信息，不得对外披露"', () => {
    const housingBureau: Viewer = { kind: 'GOV', sharingPermissions: new Set(['欠税']), authorization: null };
    expect(decide(housingBureau, taxRecord, params)).toEqual({
      shown: true,
      markers: ['GOV_SHARED_NOT_FOR_DISCLOSURE'],
    });
    expect(RECORD_MARKER_NAMES.GOV_SHARED_NOT_FOR_DISCLOSURE).toBe('部门共享信息，不得对外披露');
  });
  it('R73 its provider view holds only its own records', () => {
    const housingBureau: Viewer = { kind: 'PROVIDER', providerCode: '市住建局' };
    const own = aRecord({ disclosure: 'government', providerCode: '市住建局' });
    expect(filterVisible([taxRecord, own], housingBureau, params)).toEqual([{ record: own, markers: [] }]);
  });
  it('R73 public records need no label', () => {
    const gov: Viewer = { kind: 'GOV', sharingPermissions: new Set(), authorization: null };
    expect(decide(gov, { ...taxRecord, disclosure: 'public' }, params)).toEqual({ shown: true, markers: [] });
  });
});

describe.each(['xiamen', 'nantong'] as const)('%s does not label shared records', (profile) => {
  it('a shared record reaches a permitted agency unlabelled', () => {
    const gov: Viewer = { kind: 'GOV', sharingPermissions: new Set(['QJSBF']), authorization: null };
    expect(decide(gov, G, paramsOf(profile))).toEqual({ shown: true, markers: [] });
  });
});

describe.each(ALL_PROFILES)('R74 %s: a scoring consumer receives ACTIVE records only', (profile) => {
  const params = paramsOf(profile);
  const scoring: Viewer = { kind: 'SCORING' };
  // The profile's own states for expiry, repair, opt-out (NT has none: 004 has no opt-out) and suspension.
  const inactive: RecordState[] = [
    params.periods.expiryState.value,
    params.repair.effect.value,
    'SUSPENDED_OBJECTION',
    ...(params.optOut.mode.value === 'NOT_OFFERED'
      ? []
      : (['OPTED_OUT_ARCHIVED', 'DELETED_ON_REQUEST'] as const)),
  ];
  it('R74 of an ACTIVE and an expired dishonest record, the feed holds only the ACTIVE one', () => {
    const expired = { ...P, itemCode: 'XZCF_OLD', state: params.periods.expiryState.value };
    expect(seen([P, expired], scoring, params)).toEqual(['XZXK']);
    expect(decide(scoring, expired, params)).toMatchObject({
      rule: 'F2_EXPIRED',
      citation: `${params.periods.expiryState.source}; R74`,
    });
  });
  it('R74 expired, repaired, opted-out and suspended records are never passed on', () => {
    for (const state of inactive) {
      expect(decide(scoring, { ...P, state }, params).shown, state).toBe(false);
    }
  });
  it('R74 no switch that opens an inactive record to the subject or to agencies opens it to scoring', () => {
    const switched = withDisclosure(profile, {
      selfSeesInactive: cite(true, 'A-34 (test)'),
      expiredVisibleToGov: cite(true, 'A-20 (test)'),
      suspensionOnOverdueVerification: cite('SOCIETY', 'A-25 (test)'),
    });
    for (const state of inactive) {
      expect(decide(scoring, { ...P, state }, switched).shown, state).toBe(false);
    }
  });
  it('R74 consent-gated and shared records stay out; an open objection travels as its marker (R67)', () => {
    expect(seen(PAG, scoring, params)).toEqual(['XZXK']);
    expect(decide(scoring, { ...P, objectionOpen: true }, params)).toEqual({
      shown: true,
      markers: ['OBJECTION_MARKED'],
    });
  });
});

describe('R74 weihai: what society may not see, a scoring product may not see', () => {
  const params = paramsOf('weihai');
  it('R74 R64 a natural person’s records are not passed to scoring without the national exception', () => {
    const penalty = aRecord({ subjectIsNaturalPerson: true });
    expect(decide({ kind: 'SCORING' }, penalty, params)).toMatchObject({
      rule: 'R64_NATURAL_PERSON_NOT_PUBLIC',
    });
    expect(decide({ kind: 'SCORING' }, { ...penalty, itemNationalException: true }, params).shown).toBe(true);
  });
  it('R74 R129 a record suspended for society is hidden from scoring while GOV still sees it', () => {
    const suspended = { ...P, state: 'SUSPENDED_OBJECTION' as const };
    const gov: Viewer = { kind: 'GOV', sharingPermissions: new Set(), authorization: null };
    expect(decide(gov, suspended, params).shown).toBe(true);
    expect(decide({ kind: 'SCORING' }, suspended, params)).toMatchObject({ rule: 'F2_SUSPENDED_OBJECTION' });
  });
});

describe.each(ALL_PROFILES)('R89 %s: a query account scoped to approved items', (profile) => {
  const params = paramsOf(profile);
  const penalty = aRecord({ itemCode: 'XZCF', disclosure: 'public' });
  const licence = aRecord({ itemCode: 'XZXK', disclosure: 'public' });
  const shared = aRecord({ itemCode: 'QJSBF', disclosure: 'government' });
  const li: Viewer = {
    kind: 'GOV',
    sharingPermissions: new Set(['QJSBF']),
    authorization: null,
    itemScope: new Set(['XZCF']),
  };
  it('R89 daj-li scoped to 行政处罚 sees that item only, public or shared records of others not', () => {
    expect(seen([penalty, licence, shared], li, params)).toEqual(['XZCF']);
    expect(decide(li, shared, params)).toMatchObject({
      rule: 'F1_OUTSIDE_ACCOUNT_SCOPE',
      citation: 'spec R89 (account scoped to approved items)',
    });
  });
  it('R89 the scope narrows and never widens: a scoped item still needs the agency’s sharing permission', () => {
    const scopedToShared: Viewer = { ...li, sharingPermissions: new Set(), itemScope: new Set(['QJSBF']) };
    expect(decide(scopedToShared, shared, params)).toMatchObject({ rule: 'F1_NO_SHARING_PERMISSION' });
  });
});

describe('R98 weihai: no batch port', () => {
  it('R98 a credit service agency gets nothing, not even public records', () => {
    const params = paramsOf('weihai');
    const agency: Viewer = { kind: 'CSA', authorization: authorization('ALL_AUTHORIZED_ITEMS', true) };
    expect(decide(agency, P, params)).toMatchObject({
      rule: 'CSA_NO_BATCH_SERVICE',
      citation: params.queries.batchEnabled.source,
    });
  });
});

describe.each([
  { profile: 'xiamen', requirement: 'R99' },
  { profile: 'nantong', requirement: 'R100' },
] as const)('$requirement $profile: batch results', ({ profile, requirement }) => {
  const params = paramsOf(profile);
  it(`${requirement} public records, authorized ones only with an authorization on file, never shared ones`, () => {
    expect(seen(PAG, { kind: 'CSA', authorization: null }, params)).toEqual(['XZXK']);
    const onFile: Viewer = { kind: 'CSA', authorization: authorization('ALL_AUTHORIZED_ITEMS', true) };
    expect(seen(PAG, onFile, params)).toEqual(['XZXK', 'HTLY']);
    expect(decide(onFile, G, params)).toMatchObject({
      rule: 'F1_ATTRIBUTE_NOT_FOR_VIEWER',
      citation: `${params.queries.batchEnabled.source}; A-33`,
    });
  });
});

describe('R141 xiamen: subjects’ uploads', () => {
  it('R141 an upload is labelled SELF_DECLARED wherever it is shown', () => {
    const upload = aRecord({ selfDeclared: true });
    for (const viewer of EVERY_READER) {
      expect(decide(viewer, upload, paramsOf('xiamen')), viewer.kind).toEqual({
        shown: true,
        markers: ['SELF_DECLARED'],
      });
    }
  });
});

describe('R142 weihai: subject-declared records', () => {
  const params = paramsOf('weihai');
  const declared = aRecord({ selfDeclared: true, state: 'PENDING_VERIFICATION' });
  it('R142 PENDING_VERIFICATION is not shown, not even to the declarer', () => {
    expect(decide({ kind: 'PUBLIC' }, declared, params)).toMatchObject({ rule: 'F2_INACTIVE_STATE' });
    expect(decide({ kind: 'SELF' }, declared, params)).toMatchObject({ rule: 'F2_INACTIVE_STATE' });
  });
  it('R142 once verified it is ACTIVE and labelled "信息主体申报"', () => {
    const verified = { ...declared, state: 'ACTIVE' as const };
    expect(decide({ kind: 'PUBLIC' }, verified, params)).toEqual({ shown: true, markers: ['SELF_DECLARED'] });
    expect(RECORD_MARKER_NAMES.SELF_DECLARED).toBe('信息主体申报');
  });
});

describe('record states', () => {
  it('reads back the state names the database stores', () => {
    for (const state of ['ACTIVE', 'REVOKED', 'SUPERSEDED', 'EXPIRED_REMOVED', 'NOT_PUBLISHED']) {
      expect(isRecordState(state), state).toBe(true);
    }
    expect(isRecordState('active')).toBe(false);
    expect(isRecordState('DELETED')).toBe(false);
  });
  it('covers every state the period rules give a record', () => {
    expectTypeOf<PeriodState>().toExtend<RecordState>();
  });
});

/*
 * The whole cross product: viewer (with what it holds) × disclosure attribute × state × objection marker ×
 * persisting dispute × self-declared × natural person × national-exception flag × profile, against Tables F-1
 * and F-2 as the spec prints them. The tables below are written from the spec, not from the implementation.
 */

type City = 'XM' | 'WH' | 'NT';
const CITY: Readonly<Record<ProfileId, City>> = { xiamen: 'XM', weihai: 'WH', nantong: 'NT' };

/** A cell of Table F-1, worded as the spec words it. */
type F1Cell =
  | 'Yes'
  | 'No'
  | 'Yes. WH: No if the subject is a natural person, unless the item has the national-exception flag'
  | 'Yes, within the authorization’s scope'
  | 'Only with subject authorization'
  | 'WH: Yes; XM and NT: No'
  | 'WH: Yes, within the written authorization; XM and NT: No'
  | 'Yes, if the item’s usage permission includes the agency';

type F1Column = 'PUBLIC' | 'SELF' | 'AUTH_3P' | 'GOV' | 'CSA' | 'SCORING';

/**
 * Table F-1 (normative) — visibility of ACTIVE records by disclosure attribute. The SCORING column is not in
 * the spec's table: R74 gives a scoring consumer what society sees (000 第二十四条 ¶2; 003 第二十七条; 004 第七条);
 * it holds no authorization, and 政务共享 is for agencies.
 */
const TABLE_F1: Readonly<Record<VisibilityRecord['disclosure'], Readonly<Record<F1Column, F1Cell>>>> = {
  public: {
    PUBLIC: 'Yes. WH: No if the subject is a natural person, unless the item has the national-exception flag',
    SELF: 'Yes',
    AUTH_3P: 'Yes',
    GOV: 'Yes',
    CSA: 'Yes',
    SCORING:
      'Yes. WH: No if the subject is a natural person, unless the item has the national-exception flag',
  },
  authorized: {
    PUBLIC: 'No',
    SELF: 'Yes',
    AUTH_3P: 'Yes, within the authorization’s scope',
    GOV: 'Only with subject authorization',
    CSA: 'Only with subject authorization',
    SCORING: 'No',
  },
  government: {
    PUBLIC: 'No',
    SELF: 'WH: Yes; XM and NT: No',
    AUTH_3P: 'WH: Yes, within the written authorization; XM and NT: No',
    GOV: 'Yes, if the item’s usage permission includes the agency',
    CSA: 'No',
    SCORING: 'No',
  },
};

/** The CSA column is XM's; NT's batch exchange applies the same tables (R100); WH has no batch port (R98). */
const HAS_CSA: Readonly<Record<City, boolean>> = { XM: true, WH: false, NT: true };

/** A cell of Table F-2; 'n/a' is a state the city never produces, which R69 keeps from every external viewer. */
type F2Cell =
  | 'Shown'
  | 'Hidden from all'
  | 'Hidden from PUBLIC, SELF, AUTH_3P and CSA; visible to GOV'
  | 'n/a';

const HIDDEN_EVERYWHERE = { XM: 'Hidden from all', WH: 'Hidden from all', NT: 'Hidden from all' } as const;

/** Table F-2 (normative) — state overlays, applied after Table F-1, with the loaded profiles' switches. */
const TABLE_F2: Readonly<Record<RecordState, Readonly<Record<City, F2Cell>>>> = {
  ACTIVE: { XM: 'Shown', WH: 'Shown', NT: 'Shown' },
  SUSPENDED_OBJECTION: {
    XM: 'Hidden from all',
    WH: 'Hidden from PUBLIC, SELF, AUTH_3P and CSA; visible to GOV',
    NT: 'n/a',
  },
  REPAIRED: HIDDEN_EVERYWHERE,
  ARCHIVED_ORIGINAL: HIDDEN_EVERYWHERE,
  // nt.expired_visible_to_gov=false
  EXPIRED_ARCHIVED: HIDDEN_EVERYWHERE,
  EXPIRED_REMOVED: HIDDEN_EVERYWHERE,
  EXPIRED_UNPUBLISHED: HIDDEN_EVERYWHERE,
  OPTED_OUT_ARCHIVED: { XM: 'Hidden from all', WH: 'Hidden from all', NT: 'n/a' },
  DELETED_ON_REQUEST: { XM: 'Hidden from all', WH: 'Hidden from all', NT: 'n/a' },
  REVOKED: HIDDEN_EVERYWHERE,
  SUPERSEDED: HIDDEN_EVERYWHERE,
  RECORD_PERIOD_ENDED: HIDDEN_EVERYWHERE,
  RECEIVED: HIDDEN_EVERYWHERE,
  RETURNED: HIDDEN_EVERYWHERE,
  // Not rows of the table; R69: any non-ACTIVE state.
  PENDING_VERIFICATION: HIDDEN_EVERYWHERE,
  NOT_PUBLISHED: HIDDEN_EVERYWHERE,
};

function coversItem(held: Authorization | null, itemCode: string): boolean {
  return held !== null && (held.items === 'ALL_AUTHORIZED_ITEMS' || held.items.has(itemCode));
}

function cellAllows(cell: F1Cell, city: City, viewer: Viewer, record: VisibilityRecord): boolean {
  const held = 'authorization' in viewer ? viewer.authorization : null;
  switch (cell) {
    case 'Yes':
      return true;
    case 'No':
      return false;
    case 'Yes. WH: No if the subject is a natural person, unless the item has the national-exception flag':
      return city !== 'WH' || !record.subjectIsNaturalPerson || record.itemNationalException;
    case 'Yes, within the authorization’s scope':
    case 'Only with subject authorization':
      return coversItem(held, record.itemCode);
    case 'WH: Yes; XM and NT: No':
      return city === 'WH';
    case 'WH: Yes, within the written authorization; XM and NT: No':
      return city === 'WH' && coversItem(held, record.itemCode) && held?.coversGovernmentShared === true;
    case 'Yes, if the item’s usage permission includes the agency':
      return viewer.kind === 'GOV' && viewer.sharingPermissions.has(record.itemCode);
  }
}

/** The marker rows of Table F-2, with R73's label and R141/R142's. */
function expectedMarkers(city: City, viewer: Viewer, record: VisibilityRecord): RecordMarker[] {
  const markers = new Set<RecordMarker>();
  if (record.state === 'SUSPENDED_OBJECTION') markers.add('OBJECTION_VERIFICATION_OVERDUE');
  else if (record.objectionOpen) markers.add('OBJECTION_MARKED');
  if (city === 'WH' && record.disputePersists && record.state === 'ACTIVE') markers.add('DISPUTE_PERSISTS');
  if (record.selfDeclared) markers.add('SELF_DECLARED');
  if (city === 'WH' && viewer.kind === 'GOV' && record.disclosure === 'government') {
    markers.add('GOV_SHARED_NOT_FOR_DISCLOSURE');
  }
  return RECORD_MARKERS.filter((marker) => markers.has(marker));
}

/** What hid a record, to the precision the tables give: which table, R64, or no batch port. */
type Outcome = { shown: true; markers: RecordMarker[] } | { shown: false; by: 'F1' | 'R64' | 'F2' | 'BATCH' };

function expectedOutcome(city: City, viewer: Viewer, record: VisibilityRecord): Outcome {
  // ARCHIVE sees all states; PROVIDER sees its own records in all states.
  const ownRecord = viewer.kind === 'PROVIDER' && viewer.providerCode === record.providerCode;
  if (viewer.kind === 'ARCHIVE' || ownRecord) {
    return { shown: true, markers: expectedMarkers(city, viewer, record) };
  }
  const column: Exclude<Viewer, { kind: 'PROVIDER' | 'ARCHIVE' }> =
    viewer.kind === 'PROVIDER' ? { kind: 'PUBLIC' } : viewer;
  // R89: an account scoped to items sees nothing else, before Table F-1.
  if (column.kind === 'GOV' && column.itemScope && !column.itemScope.has(record.itemCode)) {
    return { shown: false, by: 'F1' };
  }
  if (column.kind === 'CSA' && !HAS_CSA[city]) return { shown: false, by: 'BATCH' };
  if (!cellAllows(TABLE_F1[record.disclosure][column.kind], city, column, record)) {
    return { shown: false, by: record.disclosure === 'public' ? 'R64' : 'F1' };
  }
  const overlay = TABLE_F2[record.state][city];
  // R74: a scoring consumer gets ACTIVE records only; SCORING is in no 'visible to' exception of the table.
  const shown =
    overlay === 'Shown' ||
    (overlay === 'Hidden from PUBLIC, SELF, AUTH_3P and CSA; visible to GOV' && column.kind === 'GOV');
  return shown ? { shown, markers: expectedMarkers(city, column, record) } : { shown: false, by: 'F2' };
}

function outcomeOf(decision: VisibilityDecision): Outcome {
  if (decision.shown) return decision;
  if (decision.rule === 'CSA_NO_BATCH_SERVICE') return { shown: false, by: 'BATCH' };
  if (decision.rule === 'R64_NATURAL_PERSON_NOT_PUBLIC') return { shown: false, by: 'R64' };
  return { shown: false, by: decision.rule.startsWith('F1_') ? 'F1' : 'F2' };
}

const ITEM = 'XZCF';
const VIEWERS: readonly { holds: string; viewer: Viewer }[] = [
  { holds: 'PUBLIC', viewer: { kind: 'PUBLIC' } },
  { holds: 'SELF', viewer: { kind: 'SELF' } },
  { holds: 'AUTH_3P without authorization', viewer: { kind: 'AUTH_3P', authorization: null } },
  {
    holds: 'AUTH_3P authorized for the item',
    viewer: { kind: 'AUTH_3P', authorization: authorization([ITEM]) },
  },
  {
    holds: 'AUTH_3P authorized for the item and 政务共享',
    viewer: { kind: 'AUTH_3P', authorization: authorization([ITEM], true) },
  },
  {
    holds: 'AUTH_3P authorized for another item and 政务共享',
    viewer: { kind: 'AUTH_3P', authorization: authorization(['HTLY'], true) },
  },
  {
    holds: 'AUTH_3P authorized for all items',
    viewer: { kind: 'AUTH_3P', authorization: authorization('ALL_AUTHORIZED_ITEMS') },
  },
  {
    holds: 'GOV permitted for the item',
    viewer: { kind: 'GOV', sharingPermissions: new Set([ITEM]), authorization: null },
  },
  {
    holds: 'GOV permitted for another item',
    viewer: { kind: 'GOV', sharingPermissions: new Set(['HTLY']), authorization: null },
  },
  {
    holds: 'GOV holding the subject’s authorization for all items',
    viewer: {
      kind: 'GOV',
      sharingPermissions: new Set(),
      authorization: authorization('ALL_AUTHORIZED_ITEMS', true),
    },
  },
  { holds: 'CSA without authorization', viewer: { kind: 'CSA', authorization: null } },
  {
    holds: 'CSA authorized for the item and 政务共享',
    viewer: { kind: 'CSA', authorization: authorization([ITEM], true) },
  },
  {
    holds: 'CSA authorized for another item',
    viewer: { kind: 'CSA', authorization: authorization(['HTLY']) },
  },
  {
    holds: 'GOV scoped to the item (R89)',
    viewer: {
      kind: 'GOV',
      sharingPermissions: new Set([ITEM]),
      authorization: null,
      itemScope: new Set([ITEM]),
    },
  },
  {
    holds: 'GOV permitted for the item, scoped to another (R89)',
    viewer: {
      kind: 'GOV',
      sharingPermissions: new Set([ITEM]),
      authorization: authorization('ALL_AUTHORIZED_ITEMS', true),
      itemScope: new Set(['HTLY']),
    },
  },
  { holds: 'SCORING (R74)', viewer: { kind: 'SCORING' } },
  { holds: 'PROVIDER of the record', viewer: { kind: 'PROVIDER', providerCode: OWNER } },
  { holds: 'another PROVIDER', viewer: { kind: 'PROVIDER', providerCode: OTHER_PROVIDER } },
  { holds: 'ARCHIVE', viewer: { kind: 'ARCHIVE' } },
];

const BOTH = [false, true] as const;

function* everyRecord(): Generator<VisibilityRecord> {
  for (const disclosure of DISCLOSURE_ATTRIBUTES)
    for (const state of RECORD_STATES)
      for (const objectionOpen of BOTH)
        for (const disputePersists of BOTH)
          for (const selfDeclared of BOTH)
            for (const subjectIsNaturalPerson of BOTH)
              for (const itemNationalException of BOTH) {
                yield aRecord({
                  itemCode: ITEM,
                  disclosure,
                  state,
                  objectionOpen,
                  disputePersists,
                  selfDeclared,
                  subjectIsNaturalPerson,
                  itemNationalException,
                });
              }
}

describe.each(ALL_PROFILES)('R61 Tables F-1 and F-2 in %s', (profile) => {
  const params = paramsOf(profile);
  const city = CITY[profile];
  it.each(VIEWERS)('R61 $holds: every attribute × state × marker × subject kind', ({ viewer }) => {
    const mismatches: string[] = [];
    let cases = 0;
    for (const record of everyRecord()) {
      cases += 1;
      const decision = decide(viewer, record, params);
      const expected = expectedOutcome(city, viewer, record);
      const actual = outcomeOf(decision);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        mismatches.push(
          `${JSON.stringify(record)}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(decision)}`,
        );
      }
      if (
        !decision.shown &&
        (decision.citation === '' || decision.reason.zh === '' || decision.reason.en === '')
      ) {
        mismatches.push(`${JSON.stringify(record)}: ${decision.rule} without citation or reason`);
      }
    }
    expect(cases).toBe(DISCLOSURE_ATTRIBUTES.length * RECORD_STATES.length * 32);
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});
