/*
 * One Xiamen administrative penalty (XZCF, the national 双公示 format) that every XM collection rule accepts:
 * general procedure, a severity, the written notice before submission and the repair rights notified
 * (000 第十条, 第十四条, 第二十五条). Tests change what they test through `overrides`.
 */

export type PenaltyRow = Record<string, string | number | null>;

/** The Chinese column titles a department's Excel export uses, by field code. */
export const XZCF_TITLES: Readonly<Record<string, string>> = {
  CF_XDR_MC: '行政相对人名称',
  CF_XDR_LB: '行政相对人类别',
  CF_XDR_SHXYM: '统一社会信用代码',
  CF_XDR_ZJLX: '证件类型',
  CF_XDR_ZJHM: '证件号码',
  CF_WSH: '行政处罚决定书文号',
  CF_WFXW: '违法行为类型',
  CF_SY: '违法事实',
  CF_YJ: '处罚依据',
  CF_CFLB: '处罚类别',
  CF_NR: '处罚内容',
  CF_NR_FK: '罚款金额（万元）',
  CF_JDRQ: '处罚决定日期',
  CF_CFJG: '处罚机关',
  CF_CFJGDM: '处罚机关统一社会信用代码',
  CF_SJLY: '数据来源单位',
  CF_SJLYDM: '数据来源单位统一社会信用代码',
  procedure: '程序类型',
  severity: '失信程度',
  notice_ref: '告知文书号',
  notice_date: '告知日期',
  repair_rights_notified: '已告知信用修复权益',
  repair_rights_notified_on: '告知信用修复权益日期',
};

/** A well-formed USCC for the deciding authority and the data source. */
export const AUTHORITY_USCC = '52350200MJ00000185';

/** The national format's part of a penalty, the same in every city; a test adds its city's fields. */
export function penaltyRow(overrides: PenaltyRow = {}): PenaltyRow {
  return {
    CF_XDR_MC: '厦门阿尔法贸易有限公司',
    CF_XDR_LB: '法人及非法人组织',
    CF_XDR_SHXYM: '91350200MA2Y0AB171',
    CF_WSH: '厦市监罚〔2024〕15号',
    CF_WFXW: '虚假宣传',
    CF_SY: '在商品包装上作引人误解的宣传',
    CF_YJ: '《中华人民共和国反不正当竞争法》第二十条',
    CF_CFLB: '罚款',
    CF_NR: '罚款人民币五万元',
    CF_NR_FK: 5,
    CF_JDRQ: '2024-03-15',
    CF_CFJG: '厦门市市场监督管理局',
    CF_CFJGDM: AUTHORITY_USCC,
    CF_SJLY: '厦门市市场监督管理局',
    CF_SJLYDM: AUTHORITY_USCC,
    procedure: '一般程序',
    ...overrides,
  };
}

export function xmPenalty(overrides: PenaltyRow = {}): PenaltyRow {
  return penaltyRow({
    severity: '一般',
    notice_ref: '厦市监告〔2024〕3号',
    notice_date: '2024-03-10',
    repair_rights_notified: '是',
    repair_rights_notified_on: '2024-03-10',
    ...overrides,
  });
}

/** Rows as a table with the Chinese titles as headers (the first row's columns, in order). */
export function titledTable(rows: readonly PenaltyRow[]): {
  headers: string[];
  cells: Array<Array<string | number | null>>;
} {
  const codes = Object.keys(rows[0] ?? {});
  return {
    headers: codes.map((code) => XZCF_TITLES[code] ?? code),
    cells: rows.map((row) => codes.map((code) => row[code] ?? null)),
  };
}

/** The table as CSV text, every cell quoted. */
export function csvText(rows: readonly PenaltyRow[], lineEnd = '\r\n'): string {
  const { headers, cells } = titledTable(rows);
  const line = (values: ReadonlyArray<string | number | null>) =>
    values.map((value) => `"${String(value ?? '').replaceAll('"', '""')}"`).join(',');
  return [line(headers), ...cells.map(line)].join(lineEnd);
}
