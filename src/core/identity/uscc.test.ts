import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeOrganizationCodeCheckCharacter } from './organization-code.ts';
import { usccArbitrary } from './test-support.ts';
import { computeUsccCheckCharacter, readUscc, USCC_CHARACTERS } from './uscc.ts';

describe('computeUsccCheckCharacter (GB 32100-2015)', () => {
  it.each([
    ['91350200MA2Y0AB17', '1'],
    ['91350200MA2Y0AB25', 'U'],
    ['52350200MJ0000018', '5'],
    ['91371000MA3C0XY18', 'B'],
    ['91320600MA1W0NT05', 'J'],
    ['91330100799655058', 'B'],
  ])('computes the check character of %s as %s', (body, check) => {
    expect(computeUsccCheckCharacter(body)).toBe(check);
  });

  it('maps a weighted sum divisible by 31 to 0, not to the 31st character', () => {
    expect(computeUsccCheckCharacter('00000000000000000')).toBe('0');
  });

  it('refuses a body of the wrong length or with an excluded character, naming the argument', () => {
    expect(() => computeUsccCheckCharacter('9135020')).toThrow(/body17: expected 17 characters/);
    expect(() => computeUsccCheckCharacter('91350200MA2Y0AB1I')).toThrow(
      /body17: character "I" at position 17/,
    );
  });
});

describe('computeOrganizationCodeCheckCharacter (GB 11714-1997)', () => {
  it.each([
    ['79965505', '8'],
    ['MA2Y0AB1', '7'],
    ['00000006', 'X'],
    ['00000000', '0'],
  ])('computes the check character of %s as %s', (body, check) => {
    expect(computeOrganizationCodeCheckCharacter(body)).toBe(check);
  });
});

describe('readUscc', () => {
  it('decodes authority, organization type, region and organization code', () => {
    const reading = readUscc('52350200MJ00000185');
    expect(reading?.details).toEqual({
      registrationAuthority: { code: '5', name: '民政' },
      organizationType: { code: '2', name: '民办非企业单位' },
      region: { code: '350200', name: '福建省厦门市', province: '福建省', exact: true, abolished: null },
      organizationCode: 'MJ0000018',
      organizationCodeCheckValid: true,
    });
    expect(reading?.defects).toEqual([]);
    expect(reading?.checkFailure).toBeNull();
  });

  it('treats a wrong embedded organization-code check character as a doubt, never a defect', () => {
    const body = '91350200MA2Y0AB1';
    const code17 = `${body}5`;
    const reading = readUscc(code17 + computeUsccCheckCharacter(code17));
    expect(reading?.defects).toEqual([]);
    expect(reading?.checkFailure).toBeNull();
    expect(reading?.details.organizationCodeCheckValid).toBe(false);
    expect(reading?.doubts.map((doubt) => doubt.en)).toEqual([
      'embedded organization code MA2Y0AB15 (positions 9–17): GB 11714 check character is 5, expected 7',
    ]);
  });

  it('names each structural fault: excluded characters, unknown authority, region without a province', () => {
    expect(readUscc('91350200MA2Y0AB1O1')?.defects[0]?.en).toBe(
      'character O at position 17 is not used in USCCs (I, O, S, V and Z are excluded)',
    );
    expect(readUscc('B1350200MA2Y0AB171')?.defects[0]?.en).toBe(
      'registration authority code B (position 1) is not defined by GB 32100-2015',
    );
    expect(readUscc('91990200MA2Y0AB171')?.defects[0]?.en).toBe(
      'registration region 990200 (positions 3–8) does not start with a province-level division code',
    );
  });

  it('accepts the national registration region 100000 of central authorities', () => {
    const body = '11100000000013127';
    const reading = readUscc(body + computeUsccCheckCharacter(body));
    expect(reading?.defects).toEqual([]);
    expect(reading?.details.region.name).toBe('全国');
    expect(reading?.details.organizationType.name).toBe('机关');
  });

  it('doubts an organization type the authority does not list', () => {
    const body = '94350200MA2Y0AB17';
    const reading = readUscc(body + computeUsccCheckCharacter(body));
    expect(reading?.details.organizationType).toEqual({ code: '4', name: null });
    expect(reading?.doubts[0]?.en).toBe(
      'organization type 4 (position 2) is not listed for registration authority 9 (工商（市场监管）)',
    );
  });

  it('does not read strings without the 18-character shape', () => {
    expect(readUscc('91350200MA2Y0AB17')).toBeNull();
    expect(readUscc('91350200MA2Y0AB1-1')).toBeNull();
  });

  it('property: generated valid USCCs have no defect, no doubt and a passing check', () => {
    fc.assert(
      fc.property(usccArbitrary, (code) => {
        const reading = readUscc(code);
        expect(reading?.defects).toEqual([]);
        expect(reading?.doubts).toEqual([]);
        expect(reading?.checkFailure).toBeNull();
      }),
    );
  });

  it('property: substituting any one character by another USCC character fails the check', () => {
    const substitution = usccArbitrary.chain((code) =>
      fc.record({
        code: fc.constant(code),
        position: fc.integer({ min: 0, max: 17 }),
        replacement: fc.constantFrom(...USCC_CHARACTERS),
      }),
    );
    fc.assert(
      fc.property(
        substitution.filter(({ code, position, replacement }) => code.charAt(position) !== replacement),
        ({ code, position, replacement }) => {
          const changed = code.slice(0, position) + replacement + code.slice(position + 1);
          expect(readUscc(changed)?.checkFailure).not.toBeNull();
        },
      ),
    );
  });
});
