import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { QueryLogEntry } from '../../api.ts';
import { type Translate, useI18n } from '../../i18n/index.tsx';
import { downloadCsv } from '../csv.ts';
import { codeLabel, formatTime } from '../display.ts';

/** Every field the ledger holds of a query (000 第二十条: 查询人员、时间、内容和用途), one column each. */
function ledgerRows(t: Translate, locale: string, entries: readonly QueryLogEntry[]) {
  const header = [
    t('queryLog.entry'),
    t('queryLog.time'),
    t('queryLog.subject'),
    t('queryLog.organization'),
    t('queryLog.person'),
    t('queryLog.viewerKind'),
    t('queryLog.channel'),
    t('govQuery.scenario'),
    t('govQuery.basis'),
    t('govQuery.purpose'),
    t('queryLog.caseReference'),
    t('queryLog.batch'),
    t('report.number'),
    t('queryLog.outcome'),
    t('queryLog.refusal'),
    t('queryLog.records'),
  ];
  const rows = entries.map((entry) => [
    entry.entryId,
    formatTime(entry.queriedAt, locale),
    entry.subjectCode,
    [entry.organizationName, entry.organizationCode].filter(Boolean).join(' '),
    `${entry.accountName}（${entry.account}）`,
    codeLabel(t, 'viewerKind', entry.viewer),
    codeLabel(t, 'queryChannel', entry.channel),
    entry.scenario,
    entry.scenarioBasis,
    entry.purpose,
    entry.caseReference,
    entry.batchId,
    entry.reportNumber,
    codeLabel(t, 'queryOutcome', entry.outcome),
    entry.refusalCode && codeLabel(t, 'refusal', entry.refusalCode),
    entry.returned.join('；'),
  ]);
  return [header, ...rows];
}

/** Exports the ledger shown as a CSV file, made in the browser from the entries already read (R91). */
export function LedgerExportButton({
  entries,
  fileName,
}: {
  entries: readonly QueryLogEntry[];
  fileName: string;
}) {
  const { t, locale } = useI18n();
  return (
    <div className="ledger-actions">
      <Button
        icon={<DownloadOutlined />}
        disabled={entries.length === 0}
        onClick={() => downloadCsv(fileName, ledgerRows(t, locale, entries))}
      >
        {t('queryLog.export')}
      </Button>
    </div>
  );
}
