/*
 * The states a credit record moves through and the markers it may carry (spec §1.8). The names are the values
 * `credit_record.state` stores, so they never change; the Chinese names are for display.
 */

export const RECORD_STATES = [
  // 000 第十五条
  'RECEIVED',
  'RETURNED',
  // 000 第十条; 003 第十九条; 004 第三十条
  'ACTIVE',
  // 000 第二十八条; 003 第二十九条 ¶3
  'SUSPENDED_OBJECTION',
  // 000 第二十五条 ¶3; 003 第三十二条
  'REPAIRED',
  // 004 第三十五条 ¶2
  'ARCHIVED_ORIGINAL',
  // 000 第十条 (last paragraph)
  'EXPIRED_ARCHIVED',
  // 003 第十九条 ¶2
  'EXPIRED_REMOVED',
  // 004 第三十条
  'EXPIRED_UNPUBLISHED',
  // 000 第二十九条
  'OPTED_OUT_ARCHIVED',
  // 003 第三十三条
  'DELETED_ON_REQUEST',
  // 003 第三十一条
  'REVOKED',
  // 000 第十二条; 004 第三十二条 ¶4
  'SUPERSEDED',
  // 000 第十条(一)
  'RECORD_PERIOD_ENDED',
  // 003 第十八条 ¶2
  'PENDING_VERIFICATION',
  // NDRC 令第36号 (轻微失信信息原则上不予公示): the state `computeRecordPeriods` gives a minor record.
  'NOT_PUBLISHED',
] as const;
export type RecordState = (typeof RECORD_STATES)[number];

/** Chinese names for display, after the anchors of spec §1.8. */
export const RECORD_STATE_NAMES: Readonly<Record<RecordState, string>> = {
  RECEIVED: '已接收',
  RETURNED: '已退回',
  ACTIVE: '在库',
  SUSPENDED_OBJECTION: '中止查询（异议核查逾期）',
  REPAIRED: '已修复',
  ARCHIVED_ORIGINAL: '原始失信信息转为档案保存',
  EXPIRED_ARCHIVED: '公示期届满自动归档',
  EXPIRED_REMOVED: '披露期限届满删除',
  EXPIRED_UNPUBLISHED: '有效期届满',
  OPTED_OUT_ARCHIVED: '中止查询并归档',
  DELETED_ON_REQUEST: '应信息主体要求删除',
  REVOKED: '已撤销',
  SUPERSEDED: '已被更正',
  RECORD_PERIOD_ENDED: '记录期限届满',
  PENDING_VERIFICATION: '待核实',
  NOT_PUBLISHED: '不予公示',
};

/** The database stores `state` as text; this narrows a value read back from it. */
export function isRecordState(value: string): value is RecordState {
  return (RECORD_STATES as readonly string[]).includes(value);
}

/** Labels a shown record carries in every output: screens, API payloads, batch files, reports (R67). */
export const RECORD_MARKERS = [
  // 000 第二十八条; 003 第二十九条 ¶3; 004 第三十二条 ¶3
  'OBJECTION_MARKED',
  // 003 第二十九条 ¶3: what GOV still sees of a record suspended for society (R129, A-25)
  'OBJECTION_VERIFICATION_OVERDUE',
  // 003 第二十九条 ¶3 (处理完毕但信息主体仍然有异议), R130
  'DISPUTE_PERSISTS',
  // 000 第十三条; 003 第十八条 ¶2 (R141, R142)
  'SELF_DECLARED',
  // 003 第二十一条 ¶2 (R73)
  'GOV_SHARED_NOT_FOR_DISCLOSURE',
] as const;
export type RecordMarker = (typeof RECORD_MARKERS)[number];

/** The label texts; R67, R129, R130 and R142 give them verbatim. */
export const RECORD_MARKER_NAMES: Readonly<Record<RecordMarker, string>> = {
  OBJECTION_MARKED: '异议处理中',
  OBJECTION_VERIFICATION_OVERDUE: '异议处理中（信息提供主体逾期未核查）',
  DISPUTE_PERSISTS: '异议已处理，信息主体仍有异议',
  SELF_DECLARED: '信息主体申报',
  GOV_SHARED_NOT_FOR_DISCLOSURE: '部门共享信息，不得对外披露',
};
