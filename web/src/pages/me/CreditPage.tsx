import { Button, Result, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { type ApiError, api } from '../../api.ts';
import { IssueReportButton } from '../../components/disclosure/IssueReportButton.tsx';
import { QueryLogTable } from '../../components/disclosure/QueryLogTable.tsx';
import { SubjectDisclosure } from '../../components/disclosure/SubjectDisclosure.tsx';
import { Pager } from '../../components/Pager.tsx';
import { RemoteView } from '../../components/RemoteView.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { usePageTitle } from '../../page-title.ts';
import { usePlatform } from '../../platform.tsx';
import { useRemote } from '../../use-remote.ts';
import { AuthorizationsTab } from './AuthorizationsTab.tsx';
import { ObjectionsTab } from './ObjectionsTab.tsx';

const pageSize = 20;
const loadOwnRecords = (signal: AbortSignal) => api.ownRecords(signal);
const issueOwnReport = () => api.issueOwnReport();

/** Everything on this page needs a session that real-name verification bound to the subject (000 第十八条). */
function RealNameRequired() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="info"
      title={<h2 className="not-found-title">{t('myCredit.realNameRequired')}</h2>}
      subTitle={t('myCredit.realNameHint')}
      extra={
        <Button type="primary" onClick={() => navigate('/verify')}>
          {t('myCredit.goVerify')}
        </Button>
      }
    />
  );
}

const realNameRequired = (error: ApiError) => error.code === 'REALNAME_REQUIRED';

function OwnRecords() {
  const { t } = useI18n();
  const records = useRemote(loadOwnRecords);
  if (records.state === 'error' && realNameRequired(records.error)) return <RealNameRequired />;
  return (
    <RemoteView remote={records} title={t('myCredit.records')} rows={8}>
      {(view) => (
        <SubjectDisclosure
          view={view}
          actions={<IssueReportButton label={t('myCredit.download')} issue={issueOwnReport} />}
        />
      )}
    </RemoteView>
  );
}

/** 谁查询了我: every query of the subject's records, newest first, a page at a time. */
function WhoQueriedMe() {
  const { t } = useI18n();
  const [offset, setOffset] = useState(0);
  const load = useMemo(
    () => (signal: AbortSignal) => api.whoQueriedMe({ limit: pageSize, offset }, signal),
    [offset],
  );
  const entries = useRemote(load);
  if (entries.state === 'error' && realNameRequired(entries.error)) return <RealNameRequired />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('myCredit.queriesIntro')}</Typography.Paragraph>
      <RemoteView remote={entries} title={t('myCredit.queries')} rows={5}>
        {(data) => (
          <>
            <QueryLogTable entries={data} reader="subject" emptyText={t('myCredit.noQueries')} />
            <Pager
              hasPrevious={offset > 0}
              hasNext={data.length === pageSize}
              onPrevious={() => setOffset(Math.max(0, offset - pageSize))}
              onNext={() => setOffset(offset + pageSize)}
            />
          </>
        )}
      </RemoteView>
    </>
  );
}

/**
 * The subject's own credit (本人查询, 000 第十八条; 002 第六条): its records as it may see them, its own credit
 * report, who queried it (000 第二十条), and whom it authorized to query it (000 第十八条).
 */
export function CreditPage() {
  const { t } = useI18n();
  const { session } = usePlatform();
  usePageTitle(t('myCredit.title'));
  return (
    <div className="credit-page">
      <Typography.Title level={1}>{t('myCredit.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('myCredit.intro')}</Typography.Paragraph>
      {/* Asking the server before verification only earns a refusal for every request. */}
      {session.realName?.verified ? (
        <Tabs
          items={[
            { key: 'records', label: t('myCredit.records'), children: <OwnRecords /> },
            { key: 'queries', label: t('myCredit.queries'), children: <WhoQueriedMe /> },
            { key: 'authorizations', label: t('authorization.tab'), children: <AuthorizationsTab /> },
            { key: 'objections', label: t('objection.tab'), children: <ObjectionsTab /> },
          ]}
        />
      ) : (
        <RealNameRequired />
      )}
    </div>
  );
}
