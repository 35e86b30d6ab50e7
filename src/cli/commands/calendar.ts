import type { Command } from 'commander';
import { InvalidDateError, type LocalDate, parseLocalDate } from '../../core/time/local-date.ts';
import { buildCalendar } from '../../core/time/official-calendar.ts';
import { CalendarNotCoveredError, type WorkingDayCalendar } from '../../core/time/working-day-calendar.ts';
import { CliError, type CliIO, type CommandRegistrar, EXIT_NEGATIVE } from '../io.ts';

/** The calendar the commands answer from: the package data until the database overrides are wired in. */
async function openCalendar(): Promise<WorkingDayCalendar> {
  return buildCalendar([]);
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

  calendar
    .command('is-workday')
    .description(
      '判断某日是否为工作日，打印 true 或 false（非工作日时退出码为 1）/ print whether DATE is a working day (exit 1 when not)',
    )
    .argument('<DATE>', '日期 / date, YYYY-MM-DD')
    .option('--json', 'machine-readable output')
    .action(async (dateText: string, options: { json?: boolean }) => {
      const date = dateArgument(dateText, 'DATE');
      const opened = await openCalendar();
      const { working, type, name, source } = answering(() => opened.day(date));
      if (options.json) {
        io.stdout(`${JSON.stringify({ date: date.toString(), workday: working, type, name, source })}\n`);
      } else io.stdout(`${working}\n`);
      if (!working) io.setExitCode(EXIT_NEGATIVE);
    });

  calendar
    .command('add-workdays')
    .description(
      '自 DATE 之日起 N 个工作日的期限（DATE 当日不计入）/ the N-th working day after DATE (DATE itself never counts)',
    )
    .argument('<DATE>', '起算日 / start date, YYYY-MM-DD')
    .argument('<N>', '工作日数 / number of working days')
    .option('--json', 'machine-readable output')
    .action(async (dateText: string, countText: string, options: { json?: boolean }) => {
      const start = dateArgument(dateText, 'DATE');
      const n = workdayCount(countText);
      const opened = await openCalendar();
      const deadline = answering(() => opened.addWorkdays(start, n));
      if (options.json) {
        io.stdout(
          `${JSON.stringify({ start: start.toString(), workdays: n, deadline: deadline.toString() })}\n`,
        );
      } else io.stdout(`${deadline}\n`);
    });
};
