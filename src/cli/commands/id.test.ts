import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.ts';

const TODAY = { GONGXIN_TODAY: '2024-06-01' };

function jsonLines(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('gongxin id check --json', () => {
  it('R39 R40 reports a valid USCC and a valid resident ID, one object per line, exit 0', async () => {
    const run = await runCli(['id', 'check', '--json', '91330100799655058B', '11010519491231002X'], TODAY);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const [uscc, person] = jsonLines(run.stdout);
    expect(Object.keys(uscc ?? {})).toEqual([
      'input',
      'valid',
      'kind',
      'normalized',
      'details',
      'warnings',
      'error',
    ]);
    expect(uscc).toMatchObject({
      input: '91330100799655058B',
      valid: true,
      kind: 'uscc',
      normalized: '91330100799655058B',
      details: { registrationAuthority: { code: '9' }, organizationType: { name: '企业' } },
      warnings: [],
      error: null,
    });
    expect(person).toMatchObject({
      valid: true,
      kind: 'resident_id',
      details: { birthDate: '1949-12-31', gender: 'female', age: 74, region: { code: '110105' } },
    });
  });

  it('R39 reports a wrong check character with the expected one and exits 1', async () => {
    const run = await runCli(['id', 'check', '--json', '91350200MA2Y0AB171', '91350200MA2Y0AB172'], TODAY);
    expect(run.code).toBe(1);
    const [good, bad] = jsonLines(run.stdout);
    expect(good).toMatchObject({ valid: true });
    expect(bad).toMatchObject({ valid: false, kind: 'uscc', error: 'check character is 2, expected 1' });
  });

  it('R40 checks the birth date against GONGXIN_TODAY: a person born after it is invalid', async () => {
    const code = '350203200805011230';
    expect((await runCli(['id', 'check', '--json', code], { GONGXIN_TODAY: '2024-06-01' })).code).toBe(0);
    const early = await runCli(['id', 'check', '--json', code], { GONGXIN_TODAY: '2008-04-30' });
    expect(early.code).toBe(1);
    expect(jsonLines(early.stdout)[0]).toMatchObject({
      valid: false,
      error: 'birth date 2008-05-01 (positions 7–14) is after 2008-04-30, the date of the check',
    });
  });

  it('refuses a malformed GONGXIN_TODAY with exit 2, naming the variable', async () => {
    const run = await runCli(['id', 'check', '91350200MA2Y0AB171'], { GONGXIN_TODAY: '2024-02-30' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^gongxin: GONGXIN_TODAY: "2024-02-30" is not a valid date/);
  });

  it('asks for at least one code', async () => {
    const run = await runCli(['id', 'check'], TODAY);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/missing required argument 'CODE'/);
  });
});

describe('gongxin id check (readable output)', () => {
  it('R39 R40 prints a Chinese-first line per code, with the reason for an invalid one', async () => {
    const run = await runCli(['id', 'check', '91350200MA2Y0AB171', '350203199001011231'], TODAY);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        '✓ 91350200MA2Y0AB171 统一社会信用代码 有效，登记管理部门 9 工商（市场监管），机构类别 1 企业，登记机关行政区划 350200 福建省厦门市，组织机构代码 MA2Y0AB17',
        '✗ 350203199001011231 居民身份证号码 无效：校验码为 1，应为 X (check character is 1, expected X)',
        '',
      ].join('\n'),
    );
  });

  it('R40 R42 shows the normalized form and the warnings of a converted or format-only code', async () => {
    const run = await runCli(['id', 'check', '350203900101123', 'P-998877'], TODAY);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        '✓ 350203900101123（规范为 35020319900101123X） 居民身份证号码 有效，出生日期 1990-01-01，男，34 周岁，地址码 350203 福建省厦门市思明区',
        '    提示：已将 15 位号码 350203900101123（GB 11643-1989）升为 18 位：补入“19”并计算校验码 (converted from the 15-digit number 350203900101123 (GB 11643-1989): century 19 inserted, check character computed)',
        '✓ P-998877（规范为 P998877） 护照 有效，签发国未知',
        '    提示：仅按格式识别：该证件号码没有校验码 (recognised by format only: this document number has no check character)',
        '    提示：按外国护照处理：号码本身不表明签发国 (taken for a foreign passport: the number does not tell the issuing state)',
        '',
      ].join('\n'),
    );
  });
});
