import { profileLapseAlert } from '../../core/policy/resolver.ts';
import { coverageAlert } from '../../core/time/working-day-calendar.ts';
import type { Platform } from '../../platform/context.ts';
import { loadWorkingDayCalendar } from '../calendar/working-day-calendar.ts';

export interface AdminAlert {
  code: string;
  zh: string;
  en: string;
}

/**
 * What the competent department's and the center's administrators must act on today. Computed on every
 * read, so an alert shows each day its condition holds (R2 "daily alert") and vanishes once it is fixed.
 */
export async function listAdminAlerts(platform: Platform): Promise<AdminAlert[]> {
  const today = platform.clock.today();
  const alerts: AdminAlert[] = [];
  // R2: the profile in force has lapsed or is not yet in force; the last loaded version keeps applying.
  const profile = profileLapseAlert(platform.profile, today);
  if (profile) alerts.push(profile);
  // From 1 December while next year's State Council holiday notice is not loaded (R4 deadlines need it).
  const calendar = coverageAlert(await loadWorkingDayCalendar(platform.db), today);
  if (calendar) {
    alerts.push({
      code: 'CALENDAR_NOT_COVERED',
      zh: `${calendar.year}年的节假日安排尚未载入：请在“节假日安排”页面或用 gongxin calendar load 载入国务院办公厅通知`,
      en: calendar.message,
    });
  }
  return alerts;
}
