import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { csvText, xmPenalty } from '../support/xm-penalty.ts';

describe('gongxin report and verify-report', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-report-'));
  const data = path.join(dir, 'data');
  const on = (today: string) => ({ GONGXIN_DATA_DIR: data, GONGXIN_TODAY: today });
  const company = String(xmPenalty().CF_XDR_SHXYM);

  beforeAll(async () => {
    expect((await runCli(['seed', '--subjects', '50'], on('2024-03-20'))).code).toBe(0);
    const file = path.join(dir, 'xzcf.csv');
    fs.writeFileSync(file, csvText([xmPenalty()]));
    const imported = await runCli(
      ['import', file, '--item', 'XZCF', '--provider', 'XM-SCJG', '--json'],
      on('2024-03-20'),
    );
    expect(imported.code, imported.stderr).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('R61 R93 the public report holds the imported penalty on its last day of disclosure and not the day after', async () => {
    const lastDay = await runCli(['report', company, '--as', 'public', '--json'], on('2025-03-15'));
    expect(lastDay.code, lastDay.stderr).toBe(0);
    const report = JSON.parse(lastDay.stdout);
    const items = (r: { document: { sections: { records: { itemName: string }[] }[] } }) =>
      r.document.sections.flatMap((s) => s.records.map((record) => record.itemName));
    expect(items(report)).toEqual(['行政处罚信息']);
    expect(report.number).toMatch(/^RPT-20250315-\d{6}$/);
    const nextDay = await runCli(['report', company, '--as', 'public', '--json'], on('2025-03-16'));
    expect(items(JSON.parse(nextDay.stdout))).toEqual([]);
  });

  it('R94 R95 the PDF verifies; a copy with one changed byte and an unknown number do not (exit 1)', async () => {
    const pdf = path.join(dir, 'report.pdf');
    const issued = await runCli(['report', company, '--as', 'public', '--pdf', pdf], on('2024-06-01'));
    expect(issued.code, issued.stderr).toBe(0);
    expect(issued.stdout).toContain('报告编码 RPT-20240601-');
    expect(issued.stdout).toContain('出具机构 厦门市公共信用信息中心');
    const original = await runCli(['verify-report', pdf], on('2024-06-01'));
    expect(original.code, original.stderr).toBe(0);
    expect(original.stdout).toContain('报告真实有效');

    const bytes = fs.readFileSync(pdf);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0x20;
    const altered = path.join(dir, 'altered.pdf');
    fs.writeFileSync(altered, bytes);
    const tampered = await runCli(['verify-report', altered], on('2024-06-01'));
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain('不真实');

    const unknown = await runCli(['verify-report', 'RPT-20240601-999999', '--json'], on('2024-06-01'));
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ authentic: false, failure: 'UNKNOWN_NUMBER' });
  });

  it('R85 a government report needs a scenario and its purpose; with them it is issued and logged', async () => {
    const missing = await runCli(['report', company, '--as', 'gov', '--agency', 'XM-CZJ'], on('2024-06-01'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--scenario');
    const issued = await runCli(
      [
        'report',
        company,
        '--as',
        'gov',
        '--agency',
        'XM-CZJ',
        '--scenario',
        '表彰奖励',
        '--purpose',
        '评选前核查',
        '--case',
        'BZ-2024-001',
        '--json',
      ],
      on('2024-06-01'),
    );
    expect(issued.code, issued.stderr).toBe(0);
    expect(JSON.parse(issued.stdout).document).toMatchObject({ viewer: 'gov', purpose: '评选前核查' });
  });

  it('an unknown subject or viewer is a clear error', async () => {
    const unknown = await runCli(['report', '91350200MA2Y0AB25U', '--as', 'public'], on('2024-06-01'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('SUBJECT_NOT_FOUND');
    const viewer = await runCli(['report', company, '--as', 'neighbour'], on('2024-06-01'));
    expect(viewer.code).toBe(2);
    expect(viewer.stderr).toContain('--as');
  });
});
