/*
 * The content of one public credit report (公共信用报告) as issued: what every rendering — page, JSON, PDF —
 * shows, and what the signature covers. Only objective records: no score, grade or evaluative text
 * (002 第十条 ¶2; A-32).
 */

/** Who the report was issued to; decides which records it may hold (spec Tables F-1/F-2). */
export const REPORT_VIEWERS = ['public', 'self', 'auth_3p', 'gov'] as const;
export type ReportViewer = (typeof REPORT_VIEWERS)[number];

export interface ReportField {
  label: string;
  value: string;
}

export interface ReportRecord {
  /** `subjectCode/recordId`, the record's stable reference in the query log. */
  reference: string;
  itemName: string;
  providerName: string;
  /** ISO date the record starts (decision date), or null where the item has none. */
  recordStart: string | null;
  /** ISO date of the last day of disclosure, or null when open-ended. */
  disclosureLastDay: string | null;
  /** The fields the viewer may see, in catalog order, already masked for this viewer. */
  fields: readonly ReportField[];
  /** Markers shown beside the record, e.g. 异议处理中 (000 第二十八条). */
  markers: readonly string[];
}

export interface ReportSection {
  /** The category code of the catalog (basic, dishonest, good …). */
  category: string;
  /** The city's name of the category, shown as the section title. */
  title: string;
  records: readonly ReportRecord[];
}

export interface ReportDocument {
  /** Unique across all reports (000 第二十二条): `{city prefix}-{yyyymmdd}-{6-digit serial}`. */
  number: string;
  /** Query time to the second, Asia/Shanghai, `YYYY-MM-DD HH:mm:ss` (002 第十条). */
  queryTime: string;
  /** 出具机构: the center, or the provider counter that issued it. */
  issuer: string;
  viewer: ReportViewer;
  subject: {
    code: string;
    /** Masked where the viewer is not entitled to the full name. */
    name: string;
    /** Other identifiers of the same subject (R41), e.g. a passport linked to the ID number. */
    linkedCodes: readonly string[];
  };
  /** The agreed or declared purpose (R82), null for public and self reports. */
  purpose: string | null;
  /** Use restrictions printed on the report (R82), in order. */
  statements: readonly string[];
  sections: readonly ReportSection[];
  /** Where a reader verifies the report: the verification page with the number. */
  verificationUrl: string;
}
