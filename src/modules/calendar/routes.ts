import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { principalOf } from '../../http/principal.ts';
import { type Platform, runUseCase } from '../../platform/context.ts';
import { getCalendarOverview } from './get-calendar-overview.ts';
import { loadHolidayNotice } from './load-holiday-notice.ts';
import { CalendarOverview, HolidayNoticeBody, LoadedNoticeSummary } from './schemas.ts';

export function calendarRoutes(platform: Platform) {
  return async (app: FastifyInstance) => {
    app.get(
      '/api/v1/calendar/notices',
      {
        config: { access: { permission: 'calendar.manage' } },
        schema: {
          tags: ['center'],
          summary: '工作日日历覆盖的年份与已载入的节假日通知 / calendar coverage and loaded notices',
          response: { 200: CalendarOverview },
        },
      },
      async () => {
        const overview = await getCalendarOverview(platform.db);
        return {
          coveredYears: overview.coveredYears,
          notices: overview.notices.map((n) => ({ ...n, loadedAt: n.loadedAt.toISOString() })),
        };
      },
    );

    app.post<{ Body: Static<typeof HolidayNoticeBody> }>(
      '/api/v1/calendar/notices',
      {
        config: { access: { permission: 'calendar.manage' } },
        schema: {
          tags: ['center'],
          summary: '载入某年国务院办公厅节假日安排通知 / load a year’s State Council holiday notice',
          body: HolidayNoticeBody,
          response: { 200: LoadedNoticeSummary },
        },
      },
      async (request) =>
        runUseCase(
          platform,
          principalOf(request).actor,
          (ctx) => loadHolidayNotice(ctx, { text: JSON.stringify(request.body) }),
          request.id,
        ),
    );
  };
}
