import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { InvalidDateError, type LocalDate, parseLocalDate } from '../../core/time/local-date.ts';
import { buildCalendar } from '../../core/time/official-calendar.ts';
import { CalendarNotCoveredError, type WorkingDayCalendar } from '../../core/time/working-day-calendar.ts';
import { getCalendarOverview } from '../../modules/calendar/get-calendar-overview.ts';
import { loadHolidayNotice } from '../../modules/calendar/load-holiday-notice.ts';
import { loadWorkingDayCalendar } from '../../modules/calendar/working-day-calendar.ts';
import { runUseCase, systemActor } from '../../platform/context.ts';
import { withInstance } from '../instance.ts';
import { CliError, type CliIO, type CommandRegistrar, EXIT_NEGATIVE } from '../io.ts';
import { type InstanceOptions, instanceConfig, withInstanceOptions } from '../options.ts';

async function hasInstanceDatabase(io: CliIO, options: InstanceOptions): Promise<boolean> {
  const config = instanceConfig(io, options);
  return Boolean(config.databaseUrl) || fs.existsSync(path.join(config.dataDir, 'pgdata'));
}

/**
 * The calendar the commands answer from: the instance's, with the notices loaded into its database. An
 * instance whose embedded database was never created holds no loaded notice, so the packaged official data
 * alone is the whole calendar and no database is created just to answer.
 */
async function openCalendar(io: CliIO, options: InstanceOptions): Promise<WorkingDayCalendar> {
  if (!(await hasInstanceDatabase(io, options))) return buildCalendar([]);
  return withInstance(io, options, (platform) => loadWorkingDayCalendar(platform.db));
}

function dateArgument(text: string, name: string): LocalDate {
  try {
    return parseLocalDate(text);
  } catch (error) {
    if (error instanceof InvalidDateError) throw new CliError(`${name}: ${error.message}`);
    throw error;
  }
}

function workdayCount(text: string): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n))
    throw new CliError(`N: "${text}" is not a whole number of working days (0 or more)`);
  return n;
}

/** A year the calendar does not cover is missing data the administrator must load, not a crash. */
function answering<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CalendarNotCoveredError) throw new CliError(error.message);
    throw error;
  }
}

export const registerCalendarCommands: CommandRegistrar = (program: Command, io: CliIO) => {
  const calendar = program
    .command('calendar')
    .description(
      '工作日日历：法定节假日与调休上班日 / the working-day calendar: statutory holidays and make-up working days',
    );

  withInstanceOptions(
    calendar
      .command('is-workday')
      .description(
        '判断某日是否为工作日，打印 true 或 false（非工作日时退出码为 1）/ print whether DATE is a working day (exit 1 when not)',
      )
      .argument('<DATE>', '日期 / date, YYYY-MM-DD')
      .option('--json', 'machine-readable output'),
  ).action(async (dateText: string, options: InstanceOptions & { json?: boolean }) => {
    const date = dateArgument(dateText, 'DATE');
    const opened = await openCalendar(io, options);
    const { working, type, name, source } = answering(() => opened.day(date));
    if (options.json) {
      io.stdout(`${JSON.stringify({ date: date.toString(), workday: working, type, name, source })}\n`);
    } else io.stdout(`${working}\n`);
    if (!working) io.setExitCode(EXIT_NEGATIVE);
  });

  withInstanceOptions(
    calendar
      .command('add-workdays')
      .description(
        '自 DATE 之日起 N 个工作日的期限（DATE 当日不计入）/ the N-th working day after DATE (DATE itself never counts)',
      )
      .argument('<DATE>', '起算日 / start date, YYYY-MM-DD')
      .argument('<N>', '工作日数 / number of working days')
      .option('--json', 'machine-readable output'),
  ).action(async (dateText: string, countText: string, options: InstanceOptions & { json?: boolean }) => {
    const start = dateArgument(dateText, 'DATE');
    const n = workdayCount(countText);
    const opened = await openCalendar(io, options);
    const deadline = answering(() => opened.addWorkdays(start, n));
    if (options.json) {
      io.stdout(
        `${JSON.stringify({ start: start.toString(), workdays: n, deadline: deadline.toString() })}\n`,
      );
    } else io.stdout(`${deadline}\n`);
  });

  withInstanceOptions(
    calendar
      .command('load')
      .description(
        "载入某年国务院办公厅节假日安排通知（JSON，格式见 docs/examples/holiday-notice-2026.json）/ load a year's State Council holiday notice",
      )
      .argument('<FILE>', '通知文件 / the notice file (JSON)')
      .option('--json', 'machine-readable output'),
  ).action(async (file: string, options: InstanceOptions & { json?: boolean }) => {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new CliError(`FILE: cannot read ${file}: ${(error as Error).message}`);
    }
    const loaded = await withInstance(io, options, (platform) =>
      runUseCase(platform, systemActor('cli'), (ctx) => loadHolidayNotice(ctx, { text })),
    );
    if (options.json) io.stdout(`${JSON.stringify(loaded)}\n`);
    else
      io.stdout(
        `${loaded.replaced ? '已替换' : '已载入'} ${loaded.year} 年节假日安排：${loaded.holidays} 个放假日，${loaded.workdays} 个调休上班日（${loaded.source}）\n`,
      );
  });

  withInstanceOptions(
    calendar
      .command('years')
      .description('日历覆盖的年份及已载入的通知 / the years the calendar covers and the notices loaded')
      .option('--json', 'machine-readable output'),
  ).action(async (options: InstanceOptions & { json?: boolean }) => {
    const { coveredYears: covered, notices } = (await hasInstanceDatabase(io, options))
      ? await withInstance(io, options, (platform) => getCalendarOverview(platform.db))
      : { coveredYears: buildCalendar([]).coveredYears, notices: [] };
    if (options.json) {
      io.stdout(`${JSON.stringify({ coveredYears: covered, loadedNotices: notices })}\n`);
      return;
    }
    io.stdout(`覆盖年份 / covered: ${covered[0]}–${covered[covered.length - 1]}\n`);
    for (const n of notices)
      io.stdout(`  ${n.year} ${n.source}（${n.loadedBy}, ${n.loadedAt.toISOString()}）\n`);
  });
};
