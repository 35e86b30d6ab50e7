import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { parseLocalDate } from './local-date.ts';
import {
  type CalendarEntry,
  type CalendarLayer,
  type CalendarOverride,
  createWorkingDayCalendar,
  overrideLayer,
  type WorkingDayCalendar,
} from './working-day-calendar.ts';

/**
 * The package's data: for each ISO date, "English name,中文名,days". `inLieuDays` only marks which of the
 * holidays are rest days in lieu, so it adds nothing to whether a day is worked.
 */
interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

export const OFFICIAL_CALENDAR_SOURCE = 'chinese-days（国务院办公厅部分节假日安排的通知）';

// The package abbreviates three festival names; the notices use the full names.
const NOTICE_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

function festivalName(description: string): string {
  const chineseName = description.split(',')[1] ?? description;
  return NOTICE_NAMES[chineseName] ?? chineseName;
}

function packageEntries(days: Record<string, string>, kind: CalendarEntry['kind']): CalendarEntry[] {
  return Object.entries(days).map(([date, description]) => ({
    date: parseLocalDate(date),
    kind,
    source: OFFICIAL_CALENDAR_SOURCE,
    name: kind === 'holiday' ? festivalName(description) : `${festivalName(description)}调休`,
  }));
}

function officialLayer(data: ChineseDaysData): CalendarLayer {
  const entries = [...packageEntries(data.holidays, 'holiday'), ...packageEntries(data.workdays, 'workday')];
  // The package lists a year only once the State Council has published that year's notice.
  return { coveredYears: entries.map((entry) => entry.date.year), entries };
}

const OFFICIAL_LAYER = officialLayer(chineseDays);

/**
 * The working-day calendar of the platform: the chinese-days package's official data, with the
 * administrator's overrides from State Council notices winning over it (DESIGN: stack, working days).
 */
export function buildCalendar(overrides: readonly CalendarOverride[]): WorkingDayCalendar {
  return createWorkingDayCalendar([OFFICIAL_LAYER, overrideLayer(overrides)]);
}
