import { Table, type TableColumnsType, Tag } from 'antd';
import { useMemo } from 'react';
import type { QueryLogEntry } from '../../api.ts';
import { type Translate, useI18n } from '../../i18n/index.tsx';
import { codeLabel, formatTime } from '../display.ts';

/**
 * Whose eyes read the log: the subject asks who queried it (the subject column says nothing new there), an
 * agency reads its own ledger (its own name in every row says nothing new either).
 */
export type LedgerReader = 'subject' | 'agency';

function outcomeTag(t: Translate, entry: QueryLogEntry) {
  if (entry.outcome === 'REFUSED') {
    const reason = entry.refusalCode ? codeLabel(t, 'refusal', entry.refusalCode) : '';
    return (
      <Tag color="red">
        {[codeLabel(t, 'queryOutcome', entry.outcome), reason].filter(Boolean).join('：')}
      </Tag>
    );
  }
  return <Tag color="green">{t('queryLog.returned', { count: entry.returned.length })}</Tag>;
}

function columnsFor(t: Translate, locale: string, reader: LedgerReader): TableColumnsType<QueryLogEntry> {
  const time = {
    key: 'time',
    title: t('queryLog.time'),
    render: (_: unknown, entry: QueryLogEntry) => formatTime(entry.queriedAt, locale),
  };
  const purpose = {
    key: 'purpose',
    title: t('queryLog.purpose'),
    className: 'wrap-cell',
    render: (_: unknown, entry: QueryLogEntry) =>
      [entry.scenario, entry.scenarioBasis, entry.purpose].filter(Boolean).join(' · ') || '—',
  };
  const outcome = {
    key: 'outcome',
    title: t('queryLog.outcome'),
    render: (_: unknown, entry: QueryLogEntry) => outcomeTag(t, entry),
  };
  const report = {
    key: 'report',
    title: t('report.number'),
    render: (_: unknown, entry: QueryLogEntry) => entry.reportNumber ?? '—',
  };
  if (reader === 'subject') {
    return [
      time,
      {
        key: 'querier',
        title: t('queryLog.querier'),
        render: (_, entry) => entry.organizationName ?? entry.accountName,
      },
      {
        key: 'viewer',
        title: t('queryLog.viewer'),
        render: (_, entry) =>
          `${codeLabel(t, 'viewerKind', entry.viewer)} · ${codeLabel(t, 'queryChannel', entry.channel)}`,
      },
      purpose,
      outcome,
      report,
    ];
  }
  // The agency's own queries: who of its staff asked, and the case each served (000 第二十条).
  return [
    time,
    { key: 'subject', title: t('queryLog.subject'), dataIndex: 'subjectCode' },
    {
      key: 'account',
      title: t('queryLog.account'),
      // A batch's subjects are each an entry of their own, carrying the batch they came in (R99).
      render: (_, entry) =>
        [entry.accountName, codeLabel(t, 'queryChannel', entry.channel), entry.batchId]
          .filter(Boolean)
          .join(' · '),
    },
    purpose,
    { key: 'case', title: t('queryLog.caseReference'), render: (_, entry) => entry.caseReference ?? '—' },
    outcome,
    report,
  ];
}

/** Query-log entries (000 第二十条): when, who, as what, why, and what came back or why nothing did. */
export function QueryLogTable({
  entries,
  reader,
  emptyText,
}: {
  entries: readonly QueryLogEntry[];
  reader: LedgerReader;
  emptyText: string;
}) {
  const { t, locale } = useI18n();
  const columns = useMemo(() => columnsFor(t, locale, reader), [t, locale, reader]);
  return (
    <Table<QueryLogEntry>
      rowKey="entryId"
      columns={columns}
      dataSource={entries}
      locale={{ emptyText }}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}
