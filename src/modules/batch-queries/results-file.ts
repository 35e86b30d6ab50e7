import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { ReportSection } from '../reports/document.ts';
import { listResultRows } from './store.ts';

const PAGE = 500;

const HEADER = [
  '序号',
  '查询代码',
  '信用主体代码',
  '信用主体名称',
  '结果',
  '信息类别',
  '信息事项',
  '信息提供单位',
  '记录开始日期',
  '公开截止日期',
  '标识',
  '记录内容',
];

function cell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function line(values: ReadonlyArray<string | number | null | undefined>): string {
  return `${values.map(cell).join(',')}\r\n`;
}

interface AnsweredRecords {
  subject: { code: string; name: string };
  sections: ReportSection[];
}

/**
 * The results of a batch as CSV (UTF-8 with BOM, so Excel on a Chinese Windows opens it): one line per record
 * returned, one line for a subject with none or not found. Streamed a page at a time.
 */
export async function* batchResultsCsv(
  db: Kysely<Database> | Transaction<Database>,
  batchId: string,
): AsyncGenerator<string> {
  yield `\uFEFF${line(HEADER)}`;
  let after = 0;
  for (;;) {
    const rows = await listResultRows(db, batchId, after, PAGE);
    if (rows.length === 0) return;
    for (const row of rows) {
      after = row.rowNumber;
      const answered = row.records as AnsweredRecords | null;
      const outcome =
        row.outcome === 'SUBJECT_NOT_FOUND' ? '未找到该信用主体' : row.outcome === null ? '处理中' : '已查询';
      const base = [
        row.rowNumber,
        row.code,
        answered?.subject.code ?? '',
        answered?.subject.name ?? '',
        outcome,
      ];
      const records = (answered?.sections ?? []).flatMap((section) =>
        section.records.map((record) => ({ section, record })),
      );
      if (records.length === 0) {
        yield line([...base, '', '无记录']);
        continue;
      }
      for (const { section, record } of records) {
        yield line([
          ...base,
          section.title,
          record.itemName,
          record.providerName,
          record.recordStart,
          record.disclosureLastDay ?? '长期',
          record.markers.join('；'),
          record.fields.map((f) => `${f.label}：${f.value}`).join('；'),
        ]);
      }
    }
  }
}
