import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { csvText, xmPenalty } from '../support/xm-penalty.ts';

/** 国家统计局厦门调查队: a stationed unit the seed does not hold, by its USCC. */
const SURVEY_TEAM = '11350200MB0123457D';

describe('gongxin providers register and items', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-providers-'));
  const env = { GONGXIN_DATA_DIR: path.join(dir, 'data'), GONGXIN_TODAY: '2024-03-20' };
  const registration = [
    'providers',
    'register',
    '--code',
    SURVEY_TEAM,
    '--name',
    '国家统计局厦门调查队',
    '--channel',
    'JUDICIAL_AND_STATIONED_UNITS',
    '--division',
    '350200',
  ];

  beforeAll(async () => {
    expect((await runCli(['seed', '--subjects', '20'], env)).code).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('R18 registers a stationed unit, permits it 行政处罚, and its imported file is stored under its code; the list shows its type', async () => {
    const registered = await runCli([...registration, '--type', 'STATIONED_UNIT', '--json'], env);
    expect(registered.code, registered.stderr).toBe(0);
    expect(JSON.parse(registered.stdout)).toMatchObject({
      created: true,
      provider: { code: SURVEY_TEAM, providerType: 'STATIONED_UNIT' },
    });
    const items = await runCli(['providers', 'items', SURVEY_TEAM, 'XZCF', '--json'], env);
    expect(items.code, items.stderr).toBe(0);
    expect(JSON.parse(items.stdout)).toEqual({
      code: SURVEY_TEAM,
      items: ['XZCF'],
      added: ['XZCF'],
      removed: [],
    });

    const file = path.join(dir, '统计处罚.csv');
    fs.writeFileSync(
      file,
      csvText([xmPenalty({ CF_WSH: '厦调罚〔2024〕2号', CF_CFJG: '国家统计局厦门调查队' })]),
    );
    const imported = await runCli(
      ['import', file, '--item', 'XZCF', '--provider', SURVEY_TEAM, '--json'],
      env,
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ accepted: 1, returned: 0 });

    const list = JSON.parse((await runCli(['providers', 'list', '--json'], env)).stdout);
    expect(list).toContainEqual(
      expect.objectContaining({
        code: SURVEY_TEAM,
        providerType: 'STATIONED_UNIT',
        collectionChannel: 'JUDICIAL_AND_STATIONED_UNITS',
      }),
    );
  });

  it('R18 R19 a type Xiamen does not allow exits 2 naming the field and the reason', async () => {
    const refused = await runCli([...registration, '--type', 'VOLUNTARY'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('providerType: 本市规定不允许登记“自愿提供单位”');
  });

  it('answers --help', async () => {
    for (const command of ['register', 'items']) {
      const run = await runCli(['providers', command, '--help']);
      expect(run.code, command).toBe(0);
      expect(run.stdout).toContain('Usage: gongxin providers');
    }
  });
});
