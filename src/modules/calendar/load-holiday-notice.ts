import { HolidayNoticeError, noticeToOverrides, parseHolidayNotice } from '../../core/time/holiday-notice.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { noticeExists, replaceNotice } from './store.ts';

export interface LoadedNoticeSummary {
  year: number;
  source: string;
  holidays: number;
  workdays: number;
  /** True when a notice for the same year was replaced. */
  replaced: boolean;
}

/**
 * Loads a year's State Council holiday notice (国务院办公厅关于部分节假日安排的通知) into the working-day
 * calendar. The whole file is checked first; a notice with any problem changes nothing.
 */
export async function loadHolidayNotice(
  ctx: UseCaseContext,
  input: { text: string },
): Promise<LoadedNoticeSummary> {
  let notice: ReturnType<typeof parseHolidayNotice>;
  try {
    notice = parseHolidayNotice(input.text);
  } catch (error) {
    if (error instanceof HolidayNoticeError) {
      const detail = error.problems.map((p) => `${p.field}: ${p.reason}`).join('; ');
      throw new InvalidInputError(
        'notice',
        `节假日通知文件有误：${detail}`,
        `the holiday notice is not valid: ${detail}`,
      );
    }
    throw error;
  }
  const overrides = noticeToOverrides(notice);
  const replaced = await noticeExists(ctx.db, notice.year);
  const content = JSON.parse(input.text) as unknown;
  await replaceNotice(
    ctx.db,
    { year: notice.year, source: notice.source, content, loadedAt: ctx.clock.now(), loadedBy: ctx.actor.id },
    overrides,
  );
  const summary = {
    year: notice.year,
    source: notice.source,
    holidays: overrides.filter((o) => o.kind === 'holiday').length,
    workdays: overrides.filter((o) => o.kind === 'workday').length,
    replaced,
  };
  await ctx.audit.record({
    action: 'calendar.load_notice',
    objectType: 'calendar_notice',
    objectId: String(notice.year),
    payload: content,
    detail: summary,
  });
  return summary;
}
