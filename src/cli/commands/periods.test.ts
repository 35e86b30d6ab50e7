import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.ts';

async function periodsJson(args: string[], env: Record<string, string> = {}) {
  const run = await runCli(['periods', ...args, '--json'], env);
  return { ...run, result: run.stdout === '' ? null : JSON.parse(run.stdout) };
}

describe('gongxin periods --json', () => {
  it('R5 xiamen GENERAL dishonest decided 2024-02-29: last disclosure day 2025-02-28', async () => {
    const { code, result } = await periodsJson([
      '--profile',
      'xiamen',
      '--category',
      'dishonest',
      '--severity',
      'general',
      '--decided',
      '2024-02-29',
    ]);
    expect(code).toBe(0);
    expect(result).toMatchObject({
      profileId: 'xiamen',
      profileVersion: 'xiamen-2020',
      recordStart: '2024-02-29',
      disclosureLastDay: '2025-02-28',
      expiresOn: '2025-03-01',
      repairEligibleFrom: '2024-05-30',
      stateOnAcceptance: 'ACTIVE',
    });
    expect(result.citations.disclosureLastDay).toBe('000 第十条(二)(1)');
  });

  it('R54 weihai: act ended 2018-01-01 with P = 5 y, accepted 2023-06-05, arrives EXPIRED_REMOVED', async () => {
    const { code, result } = await periodsJson([
      '--profile',
      'weihai',
      '--category',
      'dishonest',
      '--decided',
      '2023-06-01',
      '--act-ended',
      '2018-01-01',
      '--item-period',
      '5y',
      '--accepted',
      '2023-06-05',
    ]);
    expect(code).toBe(0);
    expect(result).toMatchObject({
      disclosureLastDay: '2023-01-01',
      stateOnAcceptance: 'EXPIRED_REMOVED',
      repairEligibleFrom: null,
    });
  });

  it('R56 nantong accepts its own category name 负面信息 and takes the profile from GONGXIN_PROFILE', async () => {
    const { result } = await periodsJson(
      ['--category', '负面信息', '--severity', 'serious', '--decided', '2024-02-29'],
      {
        GONGXIN_PROFILE: 'nantong',
      },
    );
    expect(result).toMatchObject({ profileId: 'nantong', disclosureLastDay: '2027-02-28' });
  });

  it('R53 weihai: a 6-year item period on a local-regulation basis is returned (exit 1)', async () => {
    const { code, result } = await periodsJson([
      '--profile',
      'weihai',
      '--category',
      'dishonest',
      '--decided',
      '2024-03-01',
      '--act-ended',
      '2024-01-31',
      '--item-period',
      '6y',
      '--item-basis',
      'LOCAL_REGULATION',
    ]);
    expect(code).toBe(1);
    expect(result.rejections[0]).toMatchObject({ code: 'PERIOD_EXCEEDS_CAP', field: 'itemPeriod' });
    expect(result.disclosureLastDay).toBeNull();
  });

  it('R57 weihai ignores a department-rule override and says so', async () => {
    const { code, result } = await periodsJson([
      '--profile',
      'weihai',
      '--category',
      'dishonest',
      '--decided',
      '2024-03-15',
      '--act-ended',
      '2024-03-15',
      '--item-period',
      '3y',
      '--override',
      '5y',
      '--override-basis',
      'DEPARTMENT_RULE',
    ]);
    expect(code).toBe(0);
    expect(result.rejections[0]).toMatchObject({
      code: 'OVERRIDE_BASIS_NOT_ACCEPTED',
      effect: 'VALUE_IGNORED',
    });
    expect(result.disclosureLastDay).toBe('2027-03-15');
  });
});

describe('gongxin periods readable output', () => {
  it('R47 prints the Chinese-first answer with citations', async () => {
    const run = await runCli([
      'periods',
      '--profile',
      'xiamen',
      '--category',
      'dishonest',
      '--severity',
      'general',
      '--decided',
      '2024-03-15',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('厦门市（xiamen-2020）· 失信信息 · 一般失信 · 决定日期 2024-03-15');
    expect(run.stdout).toContain('公示期限最后一日 last day：2025-03-15　〔000 第十条(二)(1)〕');
    expect(run.stdout).toContain('状态变更 state change：2025-03-16 起 EXPIRED_ARCHIVED');
    expect(run.stdout).toContain('可申请信用修复 repair from：2024-06-16');
  });

  it('R52 weihai shows an ongoing act as open-ended', async () => {
    const run = await runCli([
      'periods',
      '--profile',
      'weihai',
      '--category',
      'dishonest',
      '--decided',
      '2024-03-01',
      '--item-period',
      '5y',
    ]);
    expect(run.stdout).toContain('披露期限最后一日 last day：无截止日');
  });

  it('is listed with its description in --help', async () => {
    const run = await runCli(['--help']);
    expect(run.stdout).toMatch(/periods \[options\]\s+按政策配置计算/);
  });
});

describe('gongxin periods bad input exits 2 naming the option and the accepted values', () => {
  const base = ['periods', '--category', 'dishonest', '--severity', 'general', '--decided', '2024-03-15'];

  it.each([
    {
      args: [...base, '--profile', 'shanghai'],
      message: '--profile: unknown profile "shanghai"; expected one of xiamen, weihai, nantong',
    },
    {
      args: ['periods', '--category', 'dishonest', '--severity', 'huge', '--decided', '2024-03-15'],
      message: '--severity: "huge" is not accepted; expected one of general, serious, minor',
    },
    {
      args: ['periods', '--category', 'other', '--decided', '2024-03-15'],
      message: '--category: "other" is not a category of this profile; expected one of basic (基本信息)',
    },
    {
      args: ['periods', '--category', 'dishonest', '--severity', 'general', '--decided', '2025-02-29'],
      message: '--decided: "2025-02-29" is not a valid date',
    },
    {
      args: ['periods', '--category', 'dishonest', '--decided', '2024-03-15'],
      message: '--severity: a dishonest record needs a severity (general | serious) or a list type',
    },
    { args: [...base, '--list', 'red'], message: '--list: list type "red" is not defined in this profile' },
    {
      args: [...base, '--item-period', 'three years'],
      message: '--item-period: "three years" is not a valid period',
    },
    {
      args: [...base, '--override', '5y'],
      message: '--override: needs --override-basis, one of LAW, ADMINISTRATIVE_REGULATION',
    },
  ])('$message', async ({ args, message }) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`gongxin: ${message}`);
  });

  it('names GONGXIN_PROFILE when the environment holds a wrong profile', async () => {
    const run = await runCli(base, { GONGXIN_PROFILE: 'beijing' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('GONGXIN_PROFILE: unknown profile "beijing"');
  });

  it('exits 2 without --decided', async () => {
    const run = await runCli(['periods', '--category', 'dishonest']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("required option '--decided <DATE>' not specified");
  });
});
