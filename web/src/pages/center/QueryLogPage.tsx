import { Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../api.ts';
import { LedgerExportButton } from '../../components/disclosure/LedgerExportButton.tsx';
import {
  type LedgerRange,
  LedgerRangeForm,
  recentDays,
} from '../../components/disclosure/LedgerRangeForm.tsx';
import { QueryLogTable } from '../../components/disclosure/QueryLogTable.tsx';
import { OrganizationField } from '../../components/OrganizationField.tsx';
import { RemoteView } from '../../components/RemoteView.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { usePageTitle } from '../../page-title.ts';
import { usePlatform } from '../../platform.tsx';
import { useRemote } from '../../use-remote.ts';

interface LedgerQuery extends LedgerRange {
  organization: string;
}

function Ledger({ today }: { today: string }) {
  const { t } = useI18n();
  const [asked, setAsked] = useState<LedgerQuery | null>(null);
  const load = useMemo(
    () =>
      asked &&
      ((signal: AbortSignal) =>
        api.queryLog({ organization: asked.organization.trim(), from: asked.from, to: asked.to }, signal)),
    [asked],
  );
  const ledger = useRemote(load);
  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <LedgerRangeForm<LedgerQuery> initialValues={recentDays(today)} onShow={setAsked}>
        <OrganizationField name="organization" label={t('queryLog.organization')} />
      </LedgerRangeForm>
      {asked && (
        <RemoteView remote={ledger} title={t('queryLogPage.ledger')} rows={5}>
          {(entries) => (
            <>
              <LedgerExportButton
                entries={entries}
                fileName={t('queryLogPage.fileName', {
                  organization: asked.organization,
                  from: asked.from,
                  to: asked.to,
                })}
              />
              <QueryLogTable entries={entries} reader="agency" emptyText={t('govQuery.ledgerEmpty')} />
            </>
          )}
        </RemoteView>
      )}
    </Space>
  );
}

/**
 * 查询日志台账: any organization's queries over a span of days, as the center and the competent department read
 * them (000 第二十条; 002 第十二条; R91, R92). Reading it is itself audited; nothing here changes an entry.
 */
export function QueryLogPage() {
  const { t } = useI18n();
  const { overview } = usePlatform();
  usePageTitle(t('queryLogPage.title'));
  return (
    <div className="query-log-page">
      <Typography.Title level={1}>{t('queryLogPage.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('queryLogPage.intro')}</Typography.Paragraph>
      <RemoteView remote={overview} title={t('queryLogPage.title')}>
        {({ today }) => <Ledger today={today} />}
      </RemoteView>
    </div>
  );
}
