import { describe, expect, it } from 'vitest';
import { checkCode } from './check-code.ts';
import { TEST_TODAY } from './test-support.ts';
import { acceptUscc } from './uscc-acceptance.ts';

const check = (input: string) => checkCode(input, { today: TEST_TODAY });

describe('R39 USCC acceptance with the lenient rule of DESIGN Decision 3', () => {
  it('R39 a valid USCC is accepted without a flag', () => {
    expect(acceptUscc(check('91350200MA2Y0AB171'), false)).toEqual({
      accepted: true,
      flaggedForReview: null,
    });
  });

  it('R39 BAD-USCC from a provider is returned with INVALID_USCC naming the expected check character', () => {
    expect(acceptUscc(check('91350200MA2Y0AB172'), false)).toEqual({
      accepted: false,
      errorCode: 'INVALID_USCC',
      reason: 'USCC 91350200MA2Y0AB172 fails GB 32100-2015: check character is 2, expected 1',
      reasonZh: '统一社会信用代码 91350200MA2Y0AB172 未通过 GB 32100-2015 校验：校验码为 2，应为 1',
    });
  });

  it('R39 BAD-USCC already in the registration authority feed is accepted and flagged for review', () => {
    const result = acceptUscc(check('91350200MA2Y0AB172'), true);
    expect(result).toMatchObject({ accepted: true });
    if (!result.accepted) throw new Error('expected acceptance');
    expect(result.flaggedForReview?.reason).toBe(
      "USCC fails GB 32100 (check character is 2, expected 1) but the registration authority's feed holds the subject",
    );
  });

  it('R39 a code that is not a USCC at all is returned even when the registry knows the key', () => {
    expect(acceptUscc(check('35020319900101123X'), true)).toMatchObject({
      accepted: false,
      errorCode: 'INVALID_USCC',
      reason: 'USCC 35020319900101123X fails GB 32100-2015: not a USCC (read as resident_id)',
    });
  });
});
