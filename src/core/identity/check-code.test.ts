import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CodeCheck, checkCode } from './check-code.ts';
import { computeOrganizationCodeCheckCharacter } from './organization-code.ts';
import { computeResidentIdCheckDigit } from './resident-id.ts';
import { residentIdArbitrary, TEST_TODAY, usccArbitrary } from './test-support.ts';
import { computeUsccCheckCharacter, USCC_CHARACTERS } from './uscc.ts';

const check = (input: string): CodeCheck => checkCode(input, { today: TEST_TODAY });

describe('spec §0.4 fixtures', () => {
  it.each([
    ['XM-ORG-A', '91350200MA2Y0AB171', 'uscc', '福建省厦门市'],
    ['XM-ORG-B', '91350200MA2Y0AB25U', 'uscc', '福建省厦门市'],
    ['XM-SOC', '52350200MJ00000185', 'uscc', '福建省厦门市'],
    ['WH-ORG', '91371000MA3C0XY18B', 'uscc', '山东省威海市'],
    ['NT-ORG', '91320600MA1W0NT05J', 'uscc', '江苏省南通市'],
    ['XM-NP', '35020319900101123X', 'resident_id', '福建省厦门市思明区'],
    ['XM-MINOR', '350203200805011230', 'resident_id', '福建省厦门市思明区'],
    ['XM-16', '350203200709151233', 'resident_id', '福建省厦门市思明区'],
    ['WH-NP', '371002198506152348', 'resident_id', '山东省威海市环翠区'],
    ['NT-NP', '320602198808083459', 'resident_id', '江苏省南通市崇川区'],
    ['NT-LR', '320602197512124560', 'resident_id', '江苏省南通市崇川区'],
  ])('%s %s is a valid %s in %s', (_fixture, code, kind, regionName) => {
    const result = check(code);
    expect(result).toMatchObject({ valid: true, kind, normalized: code, error: null, errorCode: null });
    expect(result.kind === 'uscc' || result.kind === 'resident_id' ? result.details.region.name : null).toBe(
      regionName,
    );
  });

  it('XM-SOC decodes as a 民政 民办非企业单位 and the enterprises as 工商 企业', () => {
    const social = check('52350200MJ00000185');
    const enterprise = check('91371000MA3C0XY18B');
    if (social.kind !== 'uscc' || enterprise.kind !== 'uscc') throw new Error('expected USCC readings');
    expect(social.details.registrationAuthority.name).toBe('民政');
    expect(social.details.organizationType.name).toBe('民办非企业单位');
    expect(enterprise.details.organizationType.name).toBe('企业');
  });

  it('the natural-person fixtures carry the birth dates the table gives', () => {
    const births = ['35020319900101123X', '350203200805011230', '350203200709151233'].map((code) => {
      const result = check(code);
      return result.kind === 'resident_id' ? result.details.birthDate?.toString() : null;
    });
    expect(births).toEqual(['1990-01-01', '2008-05-01', '2007-09-15']);
  });

  it('BAD-USCC 91350200MA2Y0AB172 is an invalid USCC naming the expected check character', () => {
    expect(check('91350200MA2Y0AB172')).toMatchObject({
      valid: false,
      kind: 'uscc',
      error: 'check character is 2, expected 1',
      errorCode: 'INVALID_USCC',
      zh: { error: '校验码为 2，应为 1' },
    });
  });
});

describe('R39 organizations are keyed by a USCC that passes GB 32100-2015', () => {
  it('R39 XM-ORG-A 91350200MA2Y0AB171 passes; BAD-USCC 91350200MA2Y0AB172 fails with INVALID_USCC', () => {
    expect(check('91350200MA2Y0AB171')).toMatchObject({ valid: true, kind: 'uscc' });
    expect(check('91350200MA2Y0AB172')).toMatchObject({
      valid: false,
      kind: 'uscc',
      errorCode: 'INVALID_USCC',
    });
  });

  it('R39 a real-world USCC (91330100799655058B) is valid and names its parts', () => {
    const result = check('91330100799655058B');
    expect(result).toMatchObject({ valid: true, kind: 'uscc', warnings: [] });
    if (result.kind !== 'uscc') throw new Error('expected a USCC reading');
    expect(result.details.region).toMatchObject({ code: '330100', name: '浙江省', exact: false });
    expect(result.details.organizationCode).toBe('799655058');
  });
});

describe('R40 natural persons are keyed by an ID number that passes GB 11643-1999', () => {
  it('R40 XM-NP 35020319900101123X passes; 350203199001011231 fails with INVALID_ID_NUMBER', () => {
    expect(check('35020319900101123X')).toMatchObject({ valid: true, kind: 'resident_id' });
    expect(check('350203199001011231')).toMatchObject({
      valid: false,
      kind: 'resident_id',
      error: 'check character is 1, expected X',
      errorCode: 'INVALID_ID_NUMBER',
    });
  });

  it('R40 input is trimmed and upper-cased: a lower-case x is the check character X', () => {
    expect(check('  35020319900101123x ')).toMatchObject({ valid: true, normalized: '35020319900101123X' });
  });

  it('R40 a legacy 15-digit number is converted to 18 digits before matching (A-6)', () => {
    expect(check('350203900101123')).toMatchObject({
      valid: true,
      kind: 'resident_id',
      normalized: '35020319900101123X',
    });
  });

  it('R40 an impossible birth date makes the number invalid, whatever its check character', () => {
    const body = '35020319990230123';
    expect(check(body + computeResidentIdCheckDigit(body))).toMatchObject({
      valid: false,
      kind: 'resident_id',
      errorCode: 'INVALID_ID_NUMBER',
      error: 'birth date 19990230 (positions 7–14) is not a calendar date',
    });
  });
});

describe('R42 other identity documents are recognised as such, never as resident ID numbers', () => {
  it('R42 foreign passport P-998877 is a passport key with its separator dropped', () => {
    const result = check('P-998877');
    expect(result).toMatchObject({ valid: true, kind: 'passport', normalized: 'P998877' });
    expect(result.kind).not.toBe('resident_id');
    if (result.kind !== 'passport') throw new Error('expected a passport reading');
    expect(result.details.issuingCountry).toBeNull();
  });

  it.each([
    ['E12345678', 'passport', { issuingCountry: 'CHN', passportType: 'ordinary' }],
    ['EA1234567', 'passport', { issuingCountry: 'CHN', passportType: 'ordinary' }],
    ['G12345678', 'passport', { issuingCountry: 'CHN', passportType: 'ordinary' }],
    ['DE1234567', 'passport', { issuingCountry: 'CHN', passportType: 'diplomatic' }],
    ['H12345678', 'hk_macao_permit', { residence: 'HK', legacyFormat: false }],
    ['M1234567801', 'hk_macao_permit', { residence: 'MO', legacyFormat: true }],
    ['12345678', 'taiwan_permit', { format: 'card' }],
    ['1234567890', 'taiwan_permit', { format: 'legacy' }],
    ['F290299977', 'taiwan_permit', { format: 'single_entry' }],
    ['USA350112345678', 'foreign_permanent_residence', { format: 'legacy_15', nationality: 'USA' }],
  ])('R42 %s is a %s', (code, kind, details) => {
    const result = check(code);
    expect(result).toMatchObject({ valid: true, kind, details });
    expect(result.warnings).toContain(
      'recognised by format only: this document number has no check character',
    );
  });

  it('R42 港澳台居民居住证 numbers carry the GB 11643 check and a birth date', () => {
    const body = '83000019920130002';
    const permit = body + computeResidentIdCheckDigit(body);
    const result = check(permit);
    expect(result).toMatchObject({ valid: true, kind: 'hmt_residence_permit', details: { residence: 'TW' } });
    const wrong = permit.slice(0, 17) + (permit.endsWith('1') ? '2' : '1');
    expect(check(wrong)).toMatchObject({
      valid: false,
      kind: 'hmt_residence_permit',
      errorCode: 'INVALID_RESIDENCE_PERMIT_NUMBER',
    });
  });

  it('R42 the 18-digit 外国人永久居留身份证 (9 + province + nationality) is checked like an ID number', () => {
    const body = '93584019850615001';
    const card = body + computeResidentIdCheckDigit(body);
    expect(check(card)).toMatchObject({
      valid: true,
      kind: 'foreign_permanent_residence',
      details: { format: 'current_18', nationality: '840', issuingProvince: { code: '35', name: '福建省' } },
    });
  });

  it('R42 text that fits no format is unknown, with the reason', () => {
    expect(check('not a code')).toMatchObject({
      valid: false,
      kind: 'unknown',
      errorCode: 'UNRECOGNIZED_CODE',
    });
    expect(check('   ')).toMatchObject({ valid: false, kind: 'unknown', error: 'no code given' });
  });
});

describe('all-digit USCC versus resident ID number: structure decides (DESIGN Decision 3)', () => {
  /** An all-digit USCC of a 事业单位 (authority 1, type 2) in Xiamen with an old numeric organization code. */
  const allDigitUscc = (() => {
    const organizationBody = '42600054';
    const body = `12350200${organizationBody}${computeOrganizationCodeCheckCharacter(organizationBody)}`;
    return body + computeUsccCheckCharacter(body);
  })();

  it('an all-digit USCC is a USCC: as an ID number its "birth date" 00426000 is no date', () => {
    expect(allDigitUscc).toMatch(/^\d{18}$/);
    const result = check(allDigitUscc);
    expect(result).toMatchObject({ valid: true, kind: 'uscc', warnings: [] });
  });

  it('the same USCC with a wrong check character stays a USCC, never an ID number', () => {
    const wrongCheck = allDigitUscc.slice(0, 17) + (allDigitUscc.endsWith('0') ? '1' : '0');
    const result = check(wrongCheck);
    expect(result).toMatchObject({ valid: false, kind: 'uscc', errorCode: 'INVALID_USCC' });
    expect(result.error).toMatch(/^check character is \d, expected \d$/);
  });

  it('an ID number whose digits 1–2 and 3–4 look like authority, type and province stays an ID number', () => {
    // 511302 is 南充市顺庆区: as a USCC it would be 民政 / 社会团体 registered in region 130219.
    const result = check('511302198506150003');
    expect(result).toMatchObject({ valid: true, kind: 'resident_id' });
    expect(result.warnings).toEqual([
      'also has the structure of a unified social credit code (but its check character does not match); read as a resident ID number',
    ]);
  });

  it('when both structures fit, the reading whose check passes wins and the other is named in a warning', () => {
    // 12 3502 19900101 018 + 7: both readings are structurally plausible; only the USCC check passes.
    const code = '123502199001010187';
    expect(computeUsccCheckCharacter(code.slice(0, 17))).toBe('7');
    expect(computeResidentIdCheckDigit(code.slice(0, 17))).not.toBe('7');
    const result = check(code);
    expect(result).toMatchObject({ valid: true, kind: 'uscc' });
    expect(result.warnings).toEqual([
      'also has the structure of a resident ID number (but its check character does not match); read as a unified social credit code',
    ]);
    expect(result.zh.warnings).toEqual([
      '也符合居民身份证号码的结构（但其校验码不符），已按统一社会信用代码识别',
    ]);
  });

  it('when both structures fit and both checks pass, the ID number reading wins (personal data stays protected)', () => {
    const code = '123502199001014481';
    expect(computeUsccCheckCharacter(code.slice(0, 17))).toBe('1');
    expect(computeResidentIdCheckDigit(code.slice(0, 17))).toBe('1');
    const result = check(code);
    expect(result).toMatchObject({ valid: true, kind: 'resident_id' });
    expect(result.warnings).toEqual([
      'also has the structure of a unified social credit code; read as a resident ID number',
    ]);
  });

  it('a number that is neither (bad date, bad USCC region) is read as the ID number it resembles', () => {
    expect(check('350203199902301234')).toMatchObject({
      valid: false,
      kind: 'resident_id',
      error: 'birth date 19990230 (positions 7–14) is not a calendar date',
    });
  });

  it('a 港澳台居民居住证 number is never an ID number nor a USCC', () => {
    const body = '81000019940823002';
    expect(check(body + computeResidentIdCheckDigit(body))).toMatchObject({
      kind: 'hmt_residence_permit',
      warnings: [],
    });
  });
});

describe('properties', () => {
  it('generated valid USCCs always validate as USCCs', () => {
    fc.assert(
      fc.property(usccArbitrary, (code) => {
        expect(check(code)).toMatchObject({ valid: true, kind: 'uscc', normalized: code, error: null });
      }),
    );
  });

  it('generated valid ID numbers always validate as resident IDs', () => {
    fc.assert(
      fc.property(residentIdArbitrary, (id) => {
        expect(check(id)).toMatchObject({ valid: true, kind: 'resident_id', normalized: id, error: null });
      }),
    );
  });

  it('a single-character substitution in a valid USCC never yields a valid USCC', () => {
    fc.assert(
      fc.property(
        usccArbitrary,
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...USCC_CHARACTERS),
        (code, position, replacement) => {
          fc.pre(code.charAt(position) !== replacement);
          const result = check(code.slice(0, position) + replacement + code.slice(position + 1));
          expect(result.kind === 'uscc' && result.valid).toBe(false);
        },
      ),
    );
  });

  it('a single-digit substitution in a valid ID number never yields a valid ID number', () => {
    fc.assert(
      fc.property(
        residentIdArbitrary,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 0, max: 9 }),
        (id, position, digit) => {
          fc.pre(id.charAt(position) !== String(digit));
          const result = check(id.slice(0, position) + String(digit) + id.slice(position + 1));
          expect(result.kind === 'resident_id' && result.valid).toBe(false);
        },
      ),
    );
  });

  it('checkCode never throws and always answers with the input it was given', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (input) => {
        expect(check(input).input).toBe(input);
      }),
    );
  });
});
