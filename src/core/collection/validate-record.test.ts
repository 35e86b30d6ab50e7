import { describe, expect, it } from 'vitest';
import type { CatalogItemDefinition } from '../catalog/item.ts';
import type { ProfileId } from '../policy/profile-id.ts';
import { loadProfile } from '../policy/resolver.ts';
import type { PolicyProfile } from '../policy/types.ts';
import { parseLocalDate } from '../time/local-date.ts';
import { buildCalendar } from '../time/official-calendar.ts';
import type { RecordFacts } from './facts.ts';
import { AWARD_ITEM, LICENSE_ITEM, LIST_ITEM, PENALTY_ITEM } from './rules/test-items.ts';
import { validateRecord } from './validate-record.ts';
import type { RowDataClasses, ValidationContext } from './validation.ts';

const d = parseLocalDate;
const CALENDAR = buildCalendar([]);
const NO_DATA_CLASSES: RowDataClasses = { forbidden: [], consentGated: [] };

/** Spec §0.4 fixtures. */
const XM_ORG_A = '91350200MA2Y0AB171';
const BAD_USCC = '91350200MA2Y0AB172';
const XM_NP = '35020319900101123X';
const XM_MINOR = '350203200805011230';
const XM_16 = '350203200709151233';
const SUBJECTS: Record<ProfileId, { organization: string; person: string }> = {
  xiamen: { organization: XM_ORG_A, person: XM_NP },
  weihai: { organization: '91371000MA3C0XY18B', person: '371002198506152348' },
  nantong: { organization: '91320600MA1W0NT05J', person: '320602198808083459' },
};
const ALL: readonly ProfileId[] = ['xiamen', 'weihai', 'nantong'];

/** A general-procedure penalty about a natural person that meets every city's duties. */
function personPenalty(profile: ProfileId, patch: RecordFacts = {}): RecordFacts {
  return {
    subjectName: '张三',
    subjectCategory: '自然人',
    subjectDocumentType: '身份证',
    subjectDocumentNumber: SUBJECTS[profile].person,
    documentNumber: '市监罚〔2024〕12号',
    decidedOn: d('2024-03-01'),
    decidingAuthority: '市场监督管理局',
    procedure: '一般程序',
    severity: '一般',
    noticeReference: '告知〔2024〕3号',
    noticeDate: d('2024-02-20'),
    repairRightsNotified: true,
    repairRightsNotifiedOn: d('2024-03-01'),
    finalEffective: true,
    actEndedOn: d('2023-12-31'),
    ...patch,
  };
}

/** The same penalty about the profile's enterprise fixture. */
function organizationPenalty(profile: ProfileId, patch: RecordFacts = {}): RecordFacts {
  const { subjectDocumentType, subjectDocumentNumber, ...facts } = personPenalty(profile);
  return {
    ...facts,
    subjectName: '测试企业',
    subjectCategory: '法人及非法人组织',
    subjectUscc: SUBJECTS[profile].organization,
    ...patch,
  };
}

interface Options {
  item?: CatalogItemDefinition;
  receivedOn?: string;
  dataClasses?: RowDataClasses;
  context?: Partial<ValidationContext>;
  profile?: PolicyProfile;
}

function validate(profile: ProfileId, facts: RecordFacts, options: Options = {}) {
  return validateRecord(facts, options.dataClasses ?? NO_DATA_CLASSES, {
    profile: options.profile ?? loadProfile(profile),
    receivedOn: d(options.receivedOn ?? '2024-03-05'),
    item: options.item ?? PENALTY_ITEM,
    itemPublished: true,
    providerPermitted: true,
    calendar: CALENDAR,
    subjectKnownFromRegistration: () => false,
    linkedCreditCode: () => null,
    ...options.context,
  });
}

function reasonsOf(profile: ProfileId, facts: RecordFacts, options: Options = {}) {
  return validate(profile, facts, options).returns.map((rowReturn) => rowReturn.reason);
}

/** The profile with one collection parameter changed, to exercise an A-n switch. */
function withCollection(
  id: ProfileId,
  patch: Partial<PolicyProfile['versions'][number]['parameters']['collection']>,
) {
  const profile = loadProfile(id);
  return {
    ...profile,
    versions: profile.versions.map((version) => ({
      ...version,
      parameters: { ...version.parameters, collection: { ...version.parameters.collection, ...patch } },
    })),
  };
}

describe.each(ALL)('complete rows in %s', (profile) => {
  it('R16 a penalty meeting every duty is accepted with its subject and periods', () => {
    const result = validate(profile, personPenalty(profile));
    expect(result.returns).toEqual([]);
    expect(result.subject).toEqual({
      code: SUBJECTS[profile].person,
      codeKind: 'resident_id',
      naturalPerson: true,
      viaDocument: null,
      provisional: false,
    });
    expect(result.periods?.disclosureLastDay).toBe(profile === 'weihai' ? '2026-12-31' : '2025-03-01');
    expect(result.flags).toEqual([]);
    expect(result.correction).toBeNull();
  });

  it('R16 a returned row carries its subject but no periods', () => {
    const result = validate(profile, personPenalty(profile, { procedure: '简易程序' }));
    expect(result.returns).not.toEqual([]);
    expect(result.subject?.code).toBe(SUBJECTS[profile].person);
    expect(result.periods).toBeNull();
  });
});

describe('R9, R10 and the provider: the item decides whether a row can be taken at all', () => {
  it.each(ALL)('R9 %s: an item without a disclosure attribute takes no records', (profile) => {
    const item = { ...PENALTY_ITEM, disclosure: null };
    const result = validate(profile, organizationPenalty(profile), { item });
    expect(result.returns).toEqual([
      expect.objectContaining({ field: null, reason: 'ITEM_HAS_NO_DISCLOSURE_ATTRIBUTE' }),
    ]);
  });

  it('R10 xiamen: a record for an item not yet published is returned', () => {
    const facts = organizationPenalty('xiamen', {
      decidedOn: d('2024-01-20'),
      noticeDate: d('2024-01-15'),
      repairRightsNotifiedOn: d('2024-01-20'),
    });
    const result = validate('xiamen', facts, {
      receivedOn: '2024-02-05',
      context: { itemPublished: false },
    });
    expect(result.returns).toEqual([
      expect.objectContaining({
        reason: 'ITEM_NOT_PUBLISHED',
        source: expect.stringContaining('000 第九条'),
      }),
    ]);
    expect(result.returns[0]?.message).toContain('尚未正式公布');
  });

  it.each(ALL)('R7 %s: only a provider of the item may submit it', (profile) => {
    const reasons = reasonsOf(profile, organizationPenalty(profile), {
      context: { providerPermitted: false },
    });
    expect(reasons).toEqual(['PROVIDER_NOT_PERMITTED']);
  });
});

describe.each(ALL)('subject identity in %s', (profile) => {
  it('R39 an organization is keyed by its valid USCC', () => {
    const result = validate(profile, organizationPenalty(profile));
    expect(result.returns).toEqual([]);
    expect(result.subject).toMatchObject({ code: SUBJECTS[profile].organization, naturalPerson: false });
  });

  it('R20 R39 BAD-USCC is returned with INVALID_USCC on the credit-code field', () => {
    const result = validate(profile, organizationPenalty(profile, { subjectUscc: BAD_USCC }));
    expect(result.returns).toEqual([
      expect.objectContaining({ field: 'CF_XDR_SHXYM', reason: 'INVALID_USCC' }),
    ]);
    expect(result.returns[0]?.message).toContain('「统一社会信用代码」');
    expect(result.subject).toBeNull();
  });

  it('R39 a failing USCC the registration feed already holds is accepted and flagged (DESIGN Decision 3)', () => {
    const result = validate(profile, organizationPenalty(profile, { subjectUscc: BAD_USCC }), {
      context: { subjectKnownFromRegistration: (code) => code === BAD_USCC },
    });
    expect(result.returns).toEqual([]);
    expect(result.subject?.code).toBe(BAD_USCC);
    expect(result.flags).toEqual(['USCC_CHECK_FAILED_REVIEW']);
  });

  it('R40 a resident ID number failing its check digit is returned with INVALID_ID_NUMBER', () => {
    const result = validate(profile, personPenalty(profile, { subjectDocumentNumber: '350203199001011231' }));
    expect(result.returns).toEqual([
      expect.objectContaining({ field: 'CF_XDR_ZJHM', reason: 'INVALID_ID_NUMBER' }),
    ]);
  });

  it('R40 a person may be named by the ID number in the credit-code column (000 第六条; 003 第七条)', () => {
    const { subjectDocumentType, subjectDocumentNumber, subjectCategory, ...facts } = personPenalty(profile);
    const result = validate(profile, { ...facts, subjectUscc: SUBJECTS[profile].person });
    expect(result.returns).toEqual([]);
    expect(result.subject).toMatchObject({ codeKind: 'resident_id', naturalPerson: true });
  });

  it('R39 R40 a row naming no subject is returned with SUBJECT_CODE_MISSING', () => {
    const { subjectDocumentType, subjectDocumentNumber, subjectCategory, ...facts } = personPenalty(profile);
    expect(reasonsOf(profile, facts)).toEqual(['SUBJECT_CODE_MISSING']);
    expect(reasonsOf(profile, { ...facts, subjectCategory: '法人及非法人组织' })).toEqual([
      'SUBJECT_CODE_MISSING',
    ]);
  });

  it('R42 a passport number of no passport shape is returned with INVALID_DOCUMENT_NUMBER', () => {
    const facts = personPenalty(profile, { subjectDocumentType: '护照', subjectDocumentNumber: 'P-99' });
    expect(validate(profile, facts).returns).toEqual([
      expect.objectContaining({ field: 'CF_XDR_ZJHM', reason: 'INVALID_DOCUMENT_NUMBER' }),
    ]);
  });

  it('R42 a permit number that does not fit the declared permit is returned with INVALID_DOCUMENT_NUMBER', () => {
    const facts = personPenalty(profile, {
      subjectDocumentType: '港澳居民来往内地通行证',
      subjectDocumentNumber: '12345678',
    });
    expect(reasonsOf(profile, facts)).toEqual(['INVALID_DOCUMENT_NUMBER']);
  });

  it('R20 an unknown 行政相对人类别 is returned with INVALID_VALUE', () => {
    expect(reasonsOf(profile, organizationPenalty(profile, { subjectCategory: '企业' }))).toEqual([
      'INVALID_VALUE',
    ]);
  });

  it('R20 a natural person is returned from an item for organizations only', () => {
    const facts = { ...personPenalty(profile), documentNumber: '许可〔2024〕1号' };
    const result = validate(profile, facts, { item: LICENSE_ITEM });
    expect(result.returns).toEqual([
      expect.objectContaining({ field: 'CF_XDR_LB', reason: 'SUBJECT_TYPE_NOT_IN_ITEM' }),
    ]);
  });
});

describe('R41, R42: persons without a resident ID number', () => {
  const passport = (profile: ProfileId, number: string) =>
    personPenalty(profile, { subjectDocumentType: '护照', subjectDocumentNumber: number });

  it('R41 xiamen: a record keyed by a passport linked to XM-NP is filed under XM-NP', () => {
    const result = validate('xiamen', passport('xiamen', 'E12345678'), {
      context: {
        linkedCreditCode: (kind, number) => (kind === 'passport' && number === 'E12345678' ? XM_NP : null),
      },
    });
    expect(result.returns).toEqual([]);
    expect(result.subject).toEqual({
      code: XM_NP,
      codeKind: 'resident_id',
      naturalPerson: true,
      viaDocument: { kind: 'passport', number: 'E12345678' },
      provisional: false,
    });
    expect(result.flags).toEqual([]);
  });

  it('R41 xiamen: the linked person must still have full civil capacity (R43)', () => {
    const result = validate('xiamen', passport('xiamen', 'E12345678'), {
      context: { linkedCreditCode: () => XM_MINOR },
    });
    expect(result.returns.map((rowReturn) => rowReturn.reason)).toEqual(['NO_FULL_CIVIL_CAPACITY']);
  });

  it('R42 xiamen: an unlinked passport is a provisional key waiting for the link, not flagged', () => {
    const result = validate('xiamen', passport('xiamen', 'P-998877'));
    expect(result.returns).toEqual([]);
    expect(result.subject).toEqual({
      code: 'P998877',
      codeKind: 'passport',
      naturalPerson: true,
      viaDocument: null,
      provisional: true,
    });
    expect(result.flags).toEqual([]);
  });

  it.each(['weihai', 'nantong'] as const)(
    'R42 %s: foreign passport P-998877 is stored under a provisional key flagged NON_STANDARD_IDENTIFIER',
    (profile) => {
      const linkedCreditCode = () => SUBJECTS[profile].person;
      const result = validate(profile, passport(profile, 'P-998877'), { context: { linkedCreditCode } });
      expect(result.returns).toEqual([]);
      // WH and NT link no documents (003 第七条; 004 第十五条): the link is never consulted.
      expect(result.subject).toMatchObject({ code: 'P998877', provisional: true, viaDocument: null });
      expect(result.flags).toEqual(['NON_STANDARD_IDENTIFIER']);
    },
  );

  it('R42 an eight-digit foreign passport number stays a passport when the row says so', () => {
    const result = validate('weihai', passport('weihai', '12345678'));
    expect(result.returns).toEqual([]);
    expect(result.subject).toMatchObject({ code: '12345678', codeKind: 'passport' });
  });
});

describe('R43: full civil capacity', () => {
  const minorPenalty = (profile: ProfileId, number: string, patch: RecordFacts = {}) =>
    personPenalty(profile, { subjectDocumentNumber: number, ...patch });

  it.each(['xiamen', 'nantong'] as const)(
    'R43 %s: XM-MINOR, 15 on the document date, is rejected',
    (profile) => {
      const result = validate(profile, minorPenalty(profile, XM_MINOR));
      expect(result.returns).toEqual([
        expect.objectContaining({ field: 'CF_XDR_ZJHM', reason: 'NO_FULL_CIVIL_CAPACITY' }),
      ]);
    },
  );

  it('R43 weihai: XM-MINOR is accepted, WH has no capacity check', () => {
    expect(validate('weihai', minorPenalty('weihai', XM_MINOR)).returns).toEqual([]);
  });

  it.each(['xiamen', 'nantong'] as const)(
    'R43 %s: XM-16 without an attestation is returned with CAPACITY_ATTESTATION_REQUIRED',
    (profile) => {
      const result = validate(profile, minorPenalty(profile, XM_16));
      expect(result.returns).toEqual([
        expect.objectContaining({ field: 'full_civil_capacity', reason: 'CAPACITY_ATTESTATION_REQUIRED' }),
      ]);
      expect(result.returns[0]?.message).toMatch(/^「具有完全民事行为能力」：/);
    },
  );

  it.each(['xiamen', 'nantong'] as const)('R43 %s: XM-16 with the attestation is accepted', (profile) => {
    expect(validate(profile, minorPenalty(profile, XM_16, { fullCivilCapacity: true })).returns).toEqual([]);
  });

  it.each(['xiamen', 'nantong'] as const)(
    'R43 %s: full_civil_capacity=false is rejected at any age',
    (profile) => {
      expect(reasonsOf(profile, personPenalty(profile, { fullCivilCapacity: false }))).toEqual([
        'NO_FULL_CIVIL_CAPACITY',
      ]);
      const passport = personPenalty(profile, {
        subjectDocumentType: '护照',
        subjectDocumentNumber: 'P998877',
        fullCivilCapacity: false,
      });
      expect(reasonsOf(profile, passport)).toEqual(['NO_FULL_CIVIL_CAPACITY']);
    },
  );

  it('R43 weihai: full_civil_capacity=false does not matter in WH', () => {
    expect(reasonsOf('weihai', personPenalty('weihai', { fullCivilCapacity: false }))).toEqual([]);
  });
});

describe('R21: forbidden personal data', () => {
  const medicalHistory: RowDataClasses = {
    forbidden: [{ dataClass: 'MEDICAL_HISTORY', column: '病史' }],
    consentGated: [],
  };

  it.each(ALL)(
    'R21 %s: a natural person with a medical-history column is rejected naming the column',
    (profile) => {
      const result = validate(profile, personPenalty(profile), { dataClasses: medicalHistory });
      expect(result.returns).toEqual([
        expect.objectContaining({ field: '病史', reason: 'FORBIDDEN_DATA', source: expect.any(String) }),
      ]);
      expect(result.returns[0]?.message).toContain('「病史」');
    },
  );

  it.each(ALL)('R21 %s: a 个体工商户 is the person behind it, so the column is refused too', (profile) => {
    const facts = organizationPenalty(profile, { subjectCategory: '个体工商户' });
    expect(reasonsOf(profile, facts, { dataClasses: medicalHistory })).toEqual(['FORBIDDEN_DATA']);
  });

  it.each(ALL)('R21 %s: an organization is not a natural person', (profile) => {
    expect(reasonsOf(profile, organizationPenalty(profile), { dataClasses: medicalHistory })).toEqual([]);
  });

  it.each(ALL)('R21 A-8 %s: fingerprints are forbidden by default', (profile) => {
    const dataClasses: RowDataClasses = {
      forbidden: [{ dataClass: 'FINGERPRINT', column: '指纹' }],
      consentGated: [],
    };
    expect(reasonsOf(profile, personPenalty(profile), { dataClasses })).toEqual(['FORBIDDEN_DATA']);
  });

  it('R21 A-8 nantong: with nt.forbid_fingerprint off, a fingerprint column is not returned', () => {
    const profile = withCollection('nantong', {
      forbidFingerprint: { value: false, source: 'A-8 switch off' },
    });
    const dataClasses: RowDataClasses = {
      forbidden: [{ dataClass: 'FINGERPRINT', column: '指纹' }],
      consentGated: [],
    };
    expect(reasonsOf('nantong', personPenalty('nantong'), { dataClasses, profile })).toEqual([]);
  });

  it('R21 A-11 weihai: a lawful-basis reference does not unlock the sensitive classes', () => {
    const facts = personPenalty('weihai', { lawfulBasisReference: '某法第十条' });
    expect(reasonsOf('weihai', facts, { dataClasses: medicalHistory })).toEqual(['FORBIDDEN_DATA']);
    const switched = withCollection('weihai', {
      sensitiveLawfulBasisAllowed: { value: true, source: 'A-11 switch on' },
    });
    expect(reasonsOf('weihai', facts, { dataClasses: medicalHistory, profile: switched })).toEqual([]);
  });
});

describe('R22, R23: consent-gated personal data', () => {
  const taxAmount: RowDataClasses = {
    forbidden: [],
    consentGated: [{ dataClass: 'TAX_AMOUNT', column: 'tax_amount_2023' }],
  };
  const consented = (patch: RecordFacts = {}) =>
    personPenalty('xiamen', {
      consentNoticeDate: d('2024-03-01'),
      writtenConsentDate: d('2024-03-02'),
      ...patch,
    });

  it('R22 xiamen: notice 2024-03-01 and consent 2024-03-02 before collection on 2024-03-05 are accepted', () => {
    expect(validate('xiamen', consented(), { dataClasses: taxAmount }).returns).toEqual([]);
  });

  it('R22 xiamen: without the written consent the row is returned with CONSENT_REQUIRED', () => {
    const result = validate('xiamen', consented({ writtenConsentDate: undefined }), {
      dataClasses: taxAmount,
    });
    expect(result.returns).toEqual([
      expect.objectContaining({ field: 'written_consent_date', reason: 'CONSENT_REQUIRED' }),
    ]);
    expect(result.returns[0]?.message).toContain('「tax_amount_2023」');
  });

  it('R22 xiamen: consent dated 2024-03-06, after collection, is returned with CONSENT_REQUIRED', () => {
    const facts = consented({ writtenConsentDate: d('2024-03-06') });
    expect(reasonsOf('xiamen', facts, { dataClasses: taxAmount })).toEqual(['CONSENT_REQUIRED']);
  });

  it('R22 xiamen: consent given before the notice of consequences is not informed consent', () => {
    const facts = consented({ consentNoticeDate: d('2024-03-03'), writtenConsentDate: d('2024-03-02') });
    expect(reasonsOf('xiamen', facts, { dataClasses: taxAmount })).toEqual(['CONSENT_REQUIRED']);
  });

  it('R22 A-12 xiamen: an organization tax amount needs no consent', () => {
    expect(reasonsOf('xiamen', organizationPenalty('xiamen'), { dataClasses: taxAmount })).toEqual([]);
  });

  const deposits: RowDataClasses = {
    forbidden: [],
    consentGated: [{ dataClass: 'DEPOSITS', column: 'deposit_balance' }],
  };

  it('R23 weihai: deposit_balance with neither reference is returned with NO_LAWFUL_BASIS', () => {
    expect(reasonsOf('weihai', personPenalty('weihai'), { dataClasses: deposits })).toEqual([
      'NO_LAWFUL_BASIS',
    ]);
  });

  it('R23 weihai: the agreement reference 授权协议-2024-001 makes it lawful', () => {
    const facts = personPenalty('weihai', { agreementReference: '授权协议-2024-001' });
    expect(reasonsOf('weihai', facts, { dataClasses: deposits })).toEqual([]);
  });

  it('R23 A-12 nantong: no consent or basis is asked for', () => {
    expect(reasonsOf('nantong', personPenalty('nantong'), { dataClasses: deposits })).toEqual([]);
  });
});

describe('R24, R25: penalties kept out of collection', () => {
  const simple = { procedure: '简易程序' };

  it('R24 xiamen: a simple-procedure penalty of XM-ORG-A is accepted', () => {
    expect(reasonsOf('xiamen', organizationPenalty('xiamen', simple))).toEqual([]);
  });

  it('R24 xiamen: one of XM-NP without a waiver is rejected with EXCLUDED_SIMPLE_PROCEDURE', () => {
    const result = validate('xiamen', personPenalty('xiamen', simple));
    expect(result.returns).toEqual([
      expect.objectContaining({ field: 'procedure', reason: 'EXCLUDED_SIMPLE_PROCEDURE' }),
    ]);
  });

  it('R24 xiamen: a law, regulation or rule requiring collection waives it', () => {
    const facts = personPenalty('xiamen', { ...simple, collectionWaiverBasis: '《某条例》第二十条' });
    expect(reasonsOf('xiamen', facts)).toEqual([]);
  });

  it.each(['weihai', 'nantong'] as const)(
    'R24 %s: a simple-procedure penalty of an enterprise is rejected',
    (profile) => {
      const facts = organizationPenalty(profile, { ...simple, collectionWaiverBasis: '《某条例》第二十条' });
      expect(reasonsOf(profile, facts)).toEqual(['EXCLUDED_SIMPLE_PROCEDURE']);
    },
  );

  it.each(ALL)('R24 %s: the exclusion concerns penalties only', (profile) => {
    const facts = organizationPenalty(profile, simple);
    expect(reasonsOf(profile, facts, { item: { ...PENALTY_ITEM, recordKind: 'enforcement' } })).toEqual([]);
  });

  const mitigatedOnly = { minorViolation: false, harmMitigated: true };

  it('R25 xiamen: violation_minor=false and harm_mitigated=true for XM-NP is rejected with EXCLUDED_MINOR', () => {
    const result = validate('xiamen', personPenalty('xiamen', mitigatedOnly));
    expect(result.returns).toEqual([
      expect.objectContaining({ field: 'harm_mitigated', reason: 'EXCLUDED_MINOR' }),
    ]);
  });

  it('R25 xiamen: organizations are not excluded', () => {
    expect(reasonsOf('xiamen', organizationPenalty('xiamen', mitigatedOnly))).toEqual([]);
  });

  it('R25 weihai: the same record for WH-NP is accepted, WH needs both conditions', () => {
    expect(reasonsOf('weihai', personPenalty('weihai', mitigatedOnly))).toEqual([]);
  });

  it('R25 weihai: a minor violation whose harm was eliminated is rejected for any subject', () => {
    const facts = organizationPenalty('weihai', { minorViolation: true, harmEliminated: true });
    expect(validate('weihai', facts).returns).toEqual([
      expect.objectContaining({ field: 'violation_minor', reason: 'EXCLUDED_MINOR' }),
    ]);
  });

  it('R25 nantong: NT has no minor-violation exclusion', () => {
    const facts = personPenalty('nantong', { minorViolation: true, harmEliminated: true });
    expect(reasonsOf('nantong', facts)).toEqual([]);
  });
});

describe('R26–R28: the document and what the subject was told', () => {
  it('R26 weihai: a penalty with final_effective=false is returned with NOT_FINAL_DOCUMENT', () => {
    const result = validate('weihai', organizationPenalty('weihai', { finalEffective: false }));
    expect(result.returns).toEqual([
      expect.objectContaining({ field: 'final_effective', reason: 'NOT_FINAL_DOCUMENT' }),
    ]);
  });

  it('R26 weihai: every category needs the final document, an award too', () => {
    const facts = { ...award('weihai', '威海市人民政府'), finalEffective: undefined };
    expect(reasonsOf('weihai', facts, { item: AWARD_ITEM })).toEqual(['NOT_FINAL_DOCUMENT']);
  });

  it.each(['xiamen', 'nantong'] as const)('R26 %s: finality is not asked for (A-14)', (profile) => {
    expect(reasonsOf(profile, organizationPenalty(profile, { finalEffective: false }))).toEqual([]);
  });

  it('R26 xiamen: a DISHONEST record without a document date is returned with MISSING_DOCUMENT_DATE', () => {
    const result = validate('xiamen', organizationPenalty('xiamen', { decidedOn: undefined }));
    expect(result.returns).toEqual([
      expect.objectContaining({ field: 'CF_JDRQ', reason: 'MISSING_DOCUMENT_DATE' }),
    ]);
  });

  it('R26 nantong: a negative record needs its determination date and determining authority', () => {
    const facts = organizationPenalty('nantong', { decidedOn: undefined, decidingAuthority: undefined });
    expect(validate('nantong', facts).returns).toEqual([
      expect.objectContaining({ field: 'CF_JDRQ', reason: 'MISSING_DETERMINATION' }),
      expect.objectContaining({ field: 'CF_CFJG', reason: 'MISSING_DETERMINATION' }),
    ]);
  });

  it('R26 xiamen: the determining authority is not asked for', () => {
    expect(reasonsOf('xiamen', organizationPenalty('xiamen', { decidingAuthority: undefined }))).toEqual([]);
  });

  const noticed = (noticeDate: string) => organizationPenalty('xiamen', { noticeDate: d(noticeDate) });

  it('R27 xiamen: a notice dated 2024-03-10 for a submission on 2024-03-12 is accepted', () => {
    expect(reasonsOf('xiamen', noticed('2024-03-10'), { receivedOn: '2024-03-12' })).toEqual([]);
  });

  it('R27 xiamen: a notice dated 2024-03-13 for a submission on 2024-03-12 is NOTICE_AFTER_SUBMISSION', () => {
    const result = validate('xiamen', noticed('2024-03-13'), { receivedOn: '2024-03-12' });
    expect(result.returns).toEqual([
      expect.objectContaining({
        field: 'notice_date',
        reason: 'NOTICE_AFTER_SUBMISSION',
        source: '000 第十四条',
      }),
    ]);
  });

  it('R27 xiamen: without the notice the row is returned with MISSING_NOTICE, unless the law exempts it', () => {
    const facts = organizationPenalty('xiamen', { noticeReference: undefined, noticeDate: undefined });
    expect(reasonsOf('xiamen', facts)).toEqual(['MISSING_NOTICE', 'MISSING_NOTICE']);
    expect(reasonsOf('xiamen', { ...facts, noticeExemptionBasis: '《某法》第三十条' })).toEqual([]);
  });

  it.each(['weihai', 'nantong'] as const)('R27 R28 %s: no notice duties', (profile) => {
    const facts = organizationPenalty(profile, {
      noticeReference: undefined,
      noticeDate: undefined,
      repairRightsNotified: false,
    });
    expect(reasonsOf(profile, facts)).toEqual([]);
  });

  it('R28 xiamen: repair_rights_notified=false is returned with REPAIR_RIGHTS_NOT_NOTIFIED', () => {
    const result = validate('xiamen', organizationPenalty('xiamen', { repairRightsNotified: false }));
    expect(result.returns).toEqual([
      expect.objectContaining({ field: 'repair_rights_notified', reason: 'REPAIR_RIGHTS_NOT_NOTIFIED' }),
    ]);
  });

  it('R28 xiamen: the attestation needs the date the subject was told', () => {
    const facts = organizationPenalty('xiamen', { repairRightsNotifiedOn: undefined });
    expect(validate('xiamen', facts).returns).toEqual([
      expect.objectContaining({ field: 'repair_rights_notified_on', reason: 'REPAIR_RIGHTS_NOT_NOTIFIED' }),
    ]);
  });

  it('R27 R28 xiamen: good information needs no notices', () => {
    const facts = { ...award('xiamen', '厦门市人民政府'), repairRightsNotified: false };
    expect(reasonsOf('xiamen', facts, { item: AWARD_ITEM })).toEqual([]);
  });
});

describe('R29–R31: what the period depends on', () => {
  it('R29 xiamen: a DISHONEST record without severity or list type is DISCLOSURE_PERIOD_UNDETERMINED', () => {
    const result = validate('xiamen', organizationPenalty('xiamen', { severity: undefined }));
    expect(result.returns).toEqual([
      expect.objectContaining({ field: 'severity', reason: 'DISCLOSURE_PERIOD_UNDETERMINED' }),
    ]);
  });

  it('R29 xiamen: a list entry takes its period from the list, without a severity', () => {
    const facts = organizationPenalty('xiamen', { severity: undefined, decidedOn: d('2024-03-01') });
    const result = validate('xiamen', facts, { item: LIST_ITEM });
    expect(result.returns).toEqual([]);
    expect(result.periods?.disclosureLastDay).toBe('2029-03-01');
  });

  const declared = (patch: RecordFacts) =>
    organizationPenalty('xiamen', {
      decidedOn: d('2024-03-15'),
      declaredDisclosureEnd: d('2026-03-15'),
      ...patch,
    });

  it('R29 xiamen: GENERAL dated 2024-03-15 declaring 2026-03-15 with no override basis is PERIOD_MISMATCH', () => {
    const result = validate('xiamen', declared({}), { receivedOn: '2024-03-20' });
    expect(result.returns).toEqual([
      expect.objectContaining({ field: 'CF_GSJZQ', reason: 'PERIOD_MISMATCH' }),
    ]);
    expect(result.returns[0]?.message).toContain('2025-03-15');
  });

  it('R29 R57 xiamen: the same end with a 2-year override resting on a department rule is accepted', () => {
    const facts = declared({
      overridePeriod: '2年',
      overrideBasis: '《某办法》第八条',
      overrideBasisType: '部门规章',
    });
    const result = validate('xiamen', facts, { receivedOn: '2024-03-20' });
    expect(result.returns).toEqual([]);
    expect(result.periods?.disclosureLastDay).toBe('2026-03-15');
  });

  it('R29 xiamen: the computed end itself may be declared', () => {
    const facts = declared({ declaredDisclosureEnd: d('2025-03-15') });
    expect(reasonsOf('xiamen', facts, { receivedOn: '2024-03-20' })).toEqual([]);
  });

  it('R29 xiamen: an override period that cannot be read is INVALID_VALUE', () => {
    const facts = declared({
      overridePeriod: '两年',
      overrideBasis: '《某办法》',
      overrideBasisType: '部门规章',
    });
    expect(validate('xiamen', facts, { receivedOn: '2024-03-20' }).returns).toEqual([
      expect.objectContaining({ field: 'override_period', reason: 'INVALID_VALUE' }),
      expect.objectContaining({ field: 'CF_GSJZQ', reason: 'PERIOD_MISMATCH' }),
    ]);
  });

  it.each(['weihai', 'nantong'] as const)(
    'A-62 %s: a declared end other than the computed one is PERIOD_MISMATCH',
    (profile) => {
      const facts = organizationPenalty(profile, { declaredDisclosureEnd: d('2030-01-01') });
      expect(reasonsOf(profile, facts)).toEqual(['PERIOD_MISMATCH']);
    },
  );

  it('R29 xiamen: a severity word outside 一般, 严重 is INVALID_VALUE, once', () => {
    expect(reasonsOf('xiamen', organizationPenalty('xiamen', { severity: '较重' }))).toEqual([
      'INVALID_VALUE',
    ]);
  });

  it('R30 nantong: a negative record with an empty degree is returned with MISSING_DEGREE, once', () => {
    const result = validate('nantong', organizationPenalty('nantong', { severity: undefined }));
    expect(result.returns).toEqual([
      expect.objectContaining({ field: 'severity', reason: 'MISSING_DEGREE' }),
    ]);
  });

  it('R30 weihai: WH has no severity classes (A-19)', () => {
    expect(reasonsOf('weihai', organizationPenalty('weihai', { severity: undefined }))).toEqual([]);
  });

  it('R31 weihai: a record with neither act end nor ongoing is returned with MISSING_ACT_END', () => {
    const result = validate('weihai', organizationPenalty('weihai', { actEndedOn: undefined }));
    expect(result.returns).toEqual([
      expect.objectContaining({ field: 'act_end_date', reason: 'MISSING_ACT_END' }),
    ]);
  });

  it('R31 R52 weihai: an ongoing act is accepted and disclosed with no end yet', () => {
    const result = validate(
      'weihai',
      organizationPenalty('weihai', { actEndedOn: undefined, ongoing: true }),
    );
    expect(result.returns).toEqual([]);
    expect(result.periods).toMatchObject({ disclosureLastDay: null, openEnded: true });
  });

  it('R31 weihai: an end date and ongoing=true contradict each other', () => {
    expect(reasonsOf('weihai', organizationPenalty('weihai', { ongoing: true }))).toEqual(['INVALID_VALUE']);
  });

  it.each(['xiamen', 'nantong'] as const)('R31 %s: the act end is not asked for', (profile) => {
    expect(reasonsOf(profile, organizationPenalty(profile, { actEndedOn: undefined }))).toEqual([]);
  });

  it('R57 weihai: an override resting on a department rule is ignored and P applies, without a return', () => {
    const facts = organizationPenalty('weihai', {
      overridePeriod: '4年',
      overrideBasis: '《某办法》第八条',
      overrideBasisType: '部门规章',
    });
    const result = validate('weihai', facts);
    expect(result.returns).toEqual([]);
    expect(result.periods?.disclosureLastDay).toBe('2026-12-31');
  });

  it('R52 weihai: a data-list item without its period P cannot date a dishonest record', () => {
    const item = { ...PENALTY_ITEM, period: { kind: 'PROFILE_RULE' as const } };
    const result = validate('weihai', organizationPenalty('weihai'), { item });
    expect(result.returns).toEqual([expect.objectContaining({ field: null, reason: 'PERIOD_REJECTED' })]);
    expect(result.returns[0]?.message).toContain('MISSING_ITEM_PERIOD');
  });

  it.each(ALL)('R8 %s: an item without a category cannot date a record', (profile) => {
    const item = { ...PENALTY_ITEM, category: null };
    expect(reasonsOf(profile, organizationPenalty(profile), { item })).toEqual(['PERIOD_REJECTED']);
  });

  it.each(ALL)('R3 %s: a decision dated after receipt cannot start a period', (profile) => {
    const result = validate(profile, organizationPenalty(profile, { decidedOn: d('2024-03-06') }));
    expect(result.returns).toEqual([
      expect.objectContaining({ field: 'CF_JDRQ', reason: 'PERIOD_REJECTED' }),
    ]);
  });
});

function award(profile: ProfileId, body: string, patch: RecordFacts = {}): RecordFacts {
  return {
    subjectName: '测试企业',
    subjectCategory: '法人及非法人组织',
    subjectUscc: SUBJECTS[profile].organization,
    decidingAuthority: body,
    decidedOn: d('2024-03-01'),
    finalEffective: true,
    ...patch,
  };
}

describe('R32: awards and excellent grades', () => {
  it('R32 xiamen: an award by 思明区人民政府 (district level) is rejected with AWARD_LEVEL_TOO_LOW', () => {
    const result = validate('xiamen', award('xiamen', '思明区人民政府'), { item: AWARD_ITEM });
    expect(result.returns).toEqual([
      expect.objectContaining({ field: 'award_body', reason: 'AWARD_LEVEL_TOO_LOW' }),
    ]);
  });

  it('R32 xiamen: an award by 厦门市人民政府 is accepted', () => {
    expect(reasonsOf('xiamen', award('xiamen', '厦门市人民政府'), { item: AWARD_ITEM })).toEqual([]);
  });

  it('R32 xiamen: a city the name cannot place asks for the stated level', () => {
    const facts = award('xiamen', '晋江市人民政府');
    const result = validate('xiamen', facts, { item: AWARD_ITEM });
    expect(result.returns.map((rowReturn) => rowReturn.reason)).toEqual(['AWARD_LEVEL_TOO_LOW']);
    expect(result.returns[0]?.message).toContain('「表彰级别」');
    expect(reasonsOf('xiamen', { ...facts, awardLevel: '市级' }, { item: AWARD_ITEM })).toEqual([]);
  });

  it('R32 xiamen: a stated level the awarding body contradicts is INVALID_VALUE', () => {
    const facts = award('xiamen', '厦门市思明区人民政府', { awardLevel: '市级' });
    expect(reasonsOf('xiamen', facts, { item: AWARD_ITEM })).toEqual(['INVALID_VALUE']);
  });

  it('R32 weihai: an award by 荣成市人民政府 (county-level city) is accepted', () => {
    expect(reasonsOf('weihai', award('weihai', '荣成市人民政府'), { item: AWARD_ITEM })).toEqual([]);
  });

  it('R32 weihai: a township award is rejected', () => {
    const result = validate('weihai', award('weihai', '荣成市俚岛镇人民政府'), { item: AWARD_ITEM });
    expect(result.returns).toEqual([
      expect.objectContaining({ field: 'award_body', reason: 'AWARD_LEVEL_TOO_LOW' }),
    ]);
  });

  it('R32 nantong: awards of any level are accepted', () => {
    const facts = award('nantong', '如东县掘港街道办事处', { awardLevel: '乡镇级' });
    expect(reasonsOf('nantong', facts, { item: AWARD_ITEM })).toEqual([]);
  });

  const excellent = (profile: ProfileId) =>
    ({
      ...award(profile, `${loadProfile(profile).nameZh}人民政府`),
      subjectCategory: '自然人',
      subjectUscc: undefined,
      subjectDocumentType: '身份证',
      subjectDocumentNumber: SUBJECTS[profile].person,
      excellentGrade: true,
    }) satisfies RecordFacts;

  it('R32 xiamen: an excellent-grade record for XM-NP is rejected', () => {
    const result = validate('xiamen', excellent('xiamen'), { item: AWARD_ITEM });
    expect(result.returns).toEqual([
      expect.objectContaining({ field: 'excellent_grade', reason: 'EXCELLENT_GRADE_ORGANIZATIONS_ONLY' }),
    ]);
  });

  it.each(['weihai', 'nantong'] as const)(
    'R32 %s: excellent grades of natural persons are accepted',
    (profile) => {
      expect(reasonsOf(profile, excellent(profile), { item: AWARD_ITEM })).toEqual([]);
    },
  );
});

describe('R34, R35: when a correction was due', () => {
  it('R34 xiamen: modified 2024-03-14 (Thu) is due 2024-03-18 (Mon); arriving that day it is not late', () => {
    const result = validate('xiamen', organizationPenalty('xiamen', { modifiedOn: d('2024-03-14') }), {
      receivedOn: '2024-03-18',
    });
    expect(result.correction).toEqual({ dueOn: d('2024-03-18'), workingDaysLate: 0 });
  });

  it('R34 xiamen: arriving 2024-03-19 it is one working day late', () => {
    const result = validate('xiamen', organizationPenalty('xiamen', { modifiedOn: d('2024-03-14') }), {
      receivedOn: '2024-03-19',
    });
    expect(result.correction).toEqual({ dueOn: d('2024-03-18'), workingDaysLate: 1 });
  });

  it('R34 xiamen: arriving on the Saturday after a Friday due date is late (C2)', () => {
    const result = validate('xiamen', organizationPenalty('xiamen', { modifiedOn: d('2024-03-20') }), {
      receivedOn: '2024-03-23',
    });
    expect(result.correction).toEqual({ dueOn: d('2024-03-22'), workingDaysLate: 1 });
  });

  it('R35 weihai: revoked 2024-08-02 (Fri) is due 2024-08-07; arriving 2024-08-06 it is on time', () => {
    const facts = organizationPenalty('weihai', { modifiedOn: d('2024-08-02') });
    const result = validate('weihai', facts, { receivedOn: '2024-08-06' });
    expect(result.correction).toEqual({ dueOn: d('2024-08-07'), workingDaysLate: 0 });
  });

  it('R35 weihai: arriving 2024-08-08 it is late', () => {
    const facts = organizationPenalty('weihai', { modifiedOn: d('2024-08-02') });
    expect(validate('weihai', facts, { receivedOn: '2024-08-08' }).correction).toEqual({
      dueOn: d('2024-08-07'),
      workingDaysLate: 1,
    });
  });

  it('R35 weihai: a changed licence (not 失信信息) has no due date and is never LATE (003 第三十一条)', () => {
    const facts = organizationPenalty('weihai', { modifiedOn: d('2024-08-02') });
    expect(validate('weihai', facts, { item: LICENSE_ITEM, receivedOn: '2024-08-20' }).correction).toBeNull();
  });

  it('R34 xiamen: a changed licence is bound by the 2 working days as every record is (000 第十二条 ¶2)', () => {
    const facts = organizationPenalty('xiamen', { modifiedOn: d('2024-03-14') });
    expect(validate('xiamen', facts, { item: LICENSE_ITEM, receivedOn: '2024-03-19' }).correction).toEqual({
      dueOn: d('2024-03-18'),
      workingDaysLate: 1,
    });
  });

  it('R34 nantong: NT sets no correction deadline', () => {
    const facts = organizationPenalty('nantong', { modifiedOn: d('2024-03-01') });
    expect(validate('nantong', facts).correction).toBeNull();
  });

  it('R34 xiamen: a modification date after receipt is INVALID_VALUE', () => {
    const facts = organizationPenalty('xiamen', { modifiedOn: d('2024-03-06') });
    const result = validate('xiamen', facts);
    expect(result.returns).toEqual([
      expect.objectContaining({ field: 'modified_on', reason: 'INVALID_VALUE' }),
    ]);
    expect(result.correction).toBeNull();
  });
});

describe('every applicable reason at once', () => {
  it('R20 xiamen: a row with several faults names each of them, on its own field', () => {
    const facts = personPenalty('xiamen', {
      subjectDocumentNumber: '350203199001011231',
      procedure: '简易程序',
      severity: undefined,
      noticeDate: undefined,
      repairRightsNotified: false,
    });
    const result = validate('xiamen', facts, {
      dataClasses: { forbidden: [{ dataClass: 'RELIGION', column: '宗教信仰' }], consentGated: [] },
    });
    expect(result.returns.map(({ field, reason }) => [field, reason])).toEqual([
      ['CF_XDR_ZJHM', 'INVALID_ID_NUMBER'],
      ['宗教信仰', 'FORBIDDEN_DATA'],
      ['procedure', 'EXCLUDED_SIMPLE_PROCEDURE'],
      ['notice_date', 'MISSING_NOTICE'],
      ['repair_rights_notified', 'REPAIR_RIGHTS_NOT_NOTIFIED'],
      ['severity', 'DISCLOSURE_PERIOD_UNDETERMINED'],
    ]);
    expect(result.subject).toBeNull();
    expect(result.periods).toBeNull();
  });
});
