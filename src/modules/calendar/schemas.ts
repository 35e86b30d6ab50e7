import { Type } from 'typebox';

export const LoadedNotice = Type.Object({
  year: Type.Integer(),
  source: Type.String(),
  loadedAt: Type.String({ format: 'date-time' }),
  loadedBy: Type.String(),
  holidays: Type.Integer(),
  workdays: Type.Integer(),
});

export const CalendarOverview = Type.Object({
  coveredYears: Type.Array(Type.Integer(), {
    description: '已有国务院节假日安排的年份 / years the calendar covers',
  }),
  notices: Type.Array(LoadedNotice, { description: '管理员载入的通知 / notices loaded by administrators' }),
});

/** A notice file as `gongxin calendar load` reads it (docs/examples/holiday-notice-2026.json); checked whole by the use case. */
export const HolidayNoticeBody = Type.Object(
  {
    year: Type.Integer(),
    source: Type.String(),
    holidays: Type.Array(Type.Unknown()),
    workdays: Type.Array(Type.Unknown()),
  },
  { additionalProperties: true },
);

export const LoadedNoticeSummary = Type.Object({
  year: Type.Integer(),
  source: Type.String(),
  holidays: Type.Integer(),
  workdays: Type.Integer(),
  replaced: Type.Boolean(),
});
