import { Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type FlaggedRecord } from '../../api.ts';
import { BatchesBrowser } from '../../components/collection/BatchesBrowser.tsx';
import { useCatalogIndex } from '../../components/collection/use-catalog-index.ts';
import { codeLabel, formatTime } from '../../components/display.ts';
import { Pager } from '../../components/Pager.tsx';
import { RemoteView } from '../../components/RemoteView.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { usePageTitle } from '../../page-title.ts';
import { usePlatform } from '../../platform.tsx';
import { useRemote } from '../../use-remote.ts';

const REVIEW_PAGE = 50;

/** Records stored with a mark for the center to look at: a non-standard identifier, a failed USCC check. */
function ReviewQueue() {
  const { t, locale } = useI18n();
  const { can } = usePlatform();
  const [offset, setOffset] = useState(0);
  const load = useCallback(
    (signal: AbortSignal) => api.reviewQueue({ limit: REVIEW_PAGE, offset }, signal),
    [offset],
  );
  const queue = useRemote(load);
  const mayReadArchive = can('records.archive.read');

  const columns = [
    {
      key: 'subject',
      title: t('archive.subjectCode'),
      render: (_: unknown, record: FlaggedRecord) =>
        mayReadArchive ? (
          <Link to={`/center/archive?${new URLSearchParams({ code: record.subjectCode })}`}>
            {record.subjectCode}
          </Link>
        ) : (
          record.subjectCode
        ),
    },
    { key: 'record', title: t('archive.recordId'), dataIndex: 'recordId' },
    { key: 'item', title: t('collection.item'), dataIndex: 'itemCode' },
    { key: 'provider', title: t('collection.provider'), dataIndex: 'providerCode' },
    {
      key: 'flags',
      title: t('review.flags'),
      render: (_: unknown, record: FlaggedRecord) =>
        record.flags.map((flag) => (
          <Tag key={flag} color="orange">
            {codeLabel(t, 'flag', flag)}
          </Tag>
        )),
    },
    {
      key: 'createdAt',
      title: t('review.createdAt'),
      render: (_: unknown, record: FlaggedRecord) => formatTime(record.createdAt, locale),
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">{t('review.intro')}</Typography.Paragraph>
      <RemoteView remote={queue} title={t('review.title')} rows={6}>
        {(records) => (
          <>
            <Table<FlaggedRecord>
              rowKey={(record) => `${record.subjectCode}/${record.recordId}`}
              columns={columns}
              dataSource={records}
              pagination={false}
              locale={{ emptyText: t('review.empty') }}
              scroll={{ x: 'max-content' }}
            />
            <Pager
              hasPrevious={offset > 0}
              hasNext={records.length === REVIEW_PAGE}
              onPrevious={() => setOffset((o) => Math.max(0, o - REVIEW_PAGE))}
              onNext={() => setOffset((o) => o + REVIEW_PAGE)}
            />
          </>
        )}
      </RemoteView>
    </>
  );
}

const tabs = ['batches', 'review'] as const;
type Tab = (typeof tabs)[number];
const isTab = (value: string | null): value is Tab => tabs.some((tab) => tab === value);

/** The center's view of collection: every provider's batches, and the records waiting for its review. */
export function CollectionOverviewPage() {
  const { t } = useI18n();
  usePageTitle(t('overview.title'));
  const catalog = useCatalogIndex('public');
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'batches';

  return (
    <div className="admin-page">
      <Typography.Title level={1}>{t('overview.title')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'batches' ? {} : { tab: key })}
        items={[
          {
            key: 'batches',
            label: t('overview.batches'),
            children: <BatchesBrowser scope="overview" catalog={catalog} />,
          },
          { key: 'review', label: t('review.title'), children: <ReviewQueue /> },
        ]}
      />
    </div>
  );
}
