import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.ts';

describe('gongxin calendar is-workday', () => {
  it('R4 prints true for a make-up working Saturday (2026-10-10, 国庆节调休)', async () => {
    expect(await runCli(['calendar', 'is-workday', '2026-10-10'])).toEqual({
      code: 0,
      stdout: 'true\n',
      stderr: '',
    });
  });

  it('R4 prints false, with exit code 1, for a statutory holiday', async () => {
    expect(await runCli(['calendar', 'is-workday', '2026-10-05'])).toEqual({
      code: 1,
      stdout: 'false\n',
      stderr: '',
    });
  });

  it('describes the day with --json', async () => {
    const run = await runCli(['calendar', 'is-workday', '2026-10-10', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      date: '2026-10-10',
      workday: true,
      type: 'adjusted-workday',
      name: '国庆节调休',
    });
    const plainDay = JSON.parse((await runCli(['calendar', 'is-workday', '2026-03-10', '--json'])).stdout);
    expect(plainDay).toEqual({ date: '2026-03-10', workday: true, type: 'weekday' });
  });

  it('exits 2 naming the year when the calendar does not cover it', async () => {
    const run = await runCli(['calendar', 'is-workday', '2027-01-04']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('2027年的节假日安排尚未载入');
  });

  it('exits 2 for a malformed date, naming the argument', async () => {
    const run = await runCli(['calendar', 'is-workday', '2026-02-30']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'gongxin: DATE: "2026-02-30" is not a valid date (YYYY-MM-DD): no such day in the calendar\n',
    );
  });
});

describe('gongxin calendar add-workdays', () => {
  it('R4 counts 3 working days from 2026-09-30 to the make-up working Saturday 2026-10-10', async () => {
    expect(await runCli(['calendar', 'add-workdays', '2026-09-30', '3'])).toEqual({
      code: 0,
      stdout: '2026-10-10\n',
      stderr: '',
    });
  });

  it('prints an object with --json', async () => {
    const run = await runCli(['calendar', 'add-workdays', '2026-09-30', '3', '--json']);
    expect(JSON.parse(run.stdout)).toEqual({ start: '2026-09-30', workdays: 3, deadline: '2026-10-10' });
  });

  it('R4 exits 2 naming 2027 when the deadline runs into a year the calendar does not cover', async () => {
    const run = await runCli(['calendar', 'add-workdays', '2026-12-28', '5']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('the working-day calendar does not cover 2027');
    expect(run.stderr).toContain('gongxin calendar load FILE');
  });

  it.each(['x', '-1', '1.5', '3d', ''])('exits 2 for the malformed count %j, naming N', async (count) => {
    const run = await runCli(['calendar', 'add-workdays', '2026-09-30', count]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`gongxin: N: "${count}" is not a whole number of working days (0 or more)\n`);
  });

  it('exits 2 for a malformed start date', async () => {
    const run = await runCli(['calendar', 'add-workdays', '30/09/2026', '3']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('DATE: "30/09/2026" is not a valid date');
  });
});
