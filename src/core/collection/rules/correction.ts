import { isAfter } from '../../time/local-date.ts';
import type { RecordValidation, RowReturn } from '../validation.ts';
import { named, type Row, returnOn } from './row.ts';

export interface CorrectionOutcome {
  correction: RecordValidation['correction'];
  returns: RowReturn[];
}

/**
 * R34 (000 第十二条 ¶2, 2 WD from the modification) and R35 (003 第三十一条, 3 WD from the revocation or change):
 * when the changed record was due and how late it is. In Weihai the deadline binds dishonest records only
 * (003 第三十一条: 失信信息), so a changed licence there has no due date and is never LATE. Whether the row is a correction at all is the pipeline's
 * call. Lateness starts at 00:00 after the due date (C2), so a row that arrives on the rest day after it is one
 * working day late, not zero. A year the calendar does not cover throws: a deadline is never guessed.
 */
export function correctionRule(row: Row): CorrectionOutcome {
  const { facts, context, params } = row;
  const days = params.collection.correctionWorkingDays;
  const modifiedOn = facts.modifiedOn;
  if (modifiedOn === undefined || days.value === null) return { correction: null, returns: [] };
  const covers = params.collection.correctionDeadlineCovers.value;
  if (covers === 'DISHONEST_RECORDS' && context.item.category !== 'dishonest') {
    return { correction: null, returns: [] };
  }
  if (isAfter(modifiedOn, context.receivedOn)) {
    const message = `${named(row, 'modifiedOn')}${modifiedOn}晚于报送日期${context.receivedOn}：请填写信息在本单位实际修改、撤销或变更的日期`;
    return {
      correction: null,
      returns: [returnOn(row, 'modifiedOn', 'INVALID_VALUE', message, days.source)],
    };
  }
  const dueOn = context.calendar.addWorkdays(modifiedOn, days.value);
  const late = isAfter(context.receivedOn, dueOn);
  const workingDaysLate = late ? Math.max(1, context.calendar.workdaysBetween(dueOn, context.receivedOn)) : 0;
  return { correction: { dueOn, workingDaysLate }, returns: [] };
}
