import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api, type Batch, type BatchScope, type StoredReturnRow } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useRemote } from '../../use-remote.ts';
import { formatTime, valueText } from '../display.ts';
import { Pager } from '../Pager.tsx';
import { RemoteView } from '../RemoteView.tsx';
import { BatchCounts } from './BatchCounts.tsx';
import { statusColors } from './BatchHistory.tsx';
import { BatchUpload } from './BatchUpload.tsx';
import { type CatalogIndex, itemLabel } from './catalog-index.ts';
import { ReturnsDownload } from './ReturnsDownload.tsx';

const RETURNS_PAGE = 50;

interface BatchDetailViewProps {
  scope: BatchScope;
  id: number;
  catalog?: CatalogIndex;
  onBack(): void;
  /** Opens another batch: the one this batch fixes, or the fixed file just uploaded for it. */
  onOpen(batch: number): void;
}

/** The file's own columns; an API batch has none, so the returned rows' cells name them. */
function returnColumns(batch: Batch, rows: StoredReturnRow[]): string[] {
  if (batch.columns.length > 0) return batch.columns;
  return [...new Set(rows.flatMap((row) => Object.keys(row.cells)))];
}

function BatchFacts({
  batch,
  scope,
  catalog,
  onOpen,
}: { batch: Batch } & Omit<BatchDetailViewProps, 'id' | 'onBack'>) {
  const { t, locale } = useI18n();
  const { resubmits } = batch;
  const items = [
    {
      key: 'item',
      label: t('collection.item'),
      children: `${itemLabel(catalog, batch.itemCode)} v${batch.itemVersion}`,
    },
    ...(scope === 'overview'
      ? [
          {
            key: 'provider',
            label: t('collection.provider'),
            children: `${batch.providerName}（${batch.providerCode}）`,
          },
        ]
      : []),
    { key: 'file', label: t('collection.file'), children: batch.fileName ?? '—' },
    { key: 'channel', label: t('collection.channel'), children: t(`collection.channel.${batch.channel}`) },
    {
      key: 'status',
      label: t('collection.status'),
      children: <Tag color={statusColors[batch.status]}>{t(`collection.status.${batch.status}`)}</Tag>,
    },
    { key: 'receivedAt', label: t('collection.receivedAt'), children: formatTime(batch.receivedAt, locale) },
    {
      key: 'finishedAt',
      label: t('collection.finishedAt'),
      children: batch.finishedAt ? formatTime(batch.finishedAt, locale) : '—',
    },
    ...(resubmits === null
      ? []
      : [
          {
            key: 'resubmits',
            label: t('collection.resubmits'),
            children: (
              <Button type="link" size="small" onClick={() => onOpen(resubmits)}>
                {t('collection.batchNumber', { batch: resubmits })}
              </Button>
            ),
          },
        ]),
  ];
  return <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={items} />;
}

/**
 * One batch: its facts and counts, its returned rows page by page with every reason, and for the provider
 * the returns file and the upload of the fixed file.
 */
export function BatchDetailView({ scope, id, catalog, onBack, onOpen }: BatchDetailViewProps) {
  const { t } = useI18n();
  // The row each visited page starts after: the server pages returned rows by row number.
  const [starts, setStarts] = useState<number[]>([0]);
  const afterRow = starts.at(-1) ?? 0;
  const load = useCallback(
    (signal: AbortSignal) => api.batch(scope, id, { afterRow, limit: RETURNS_PAGE }, signal),
    [scope, id, afterRow],
  );
  const detail = useRemote(load);

  return (
    <section className="batch-detail">
      <Button icon={<ArrowLeftOutlined />} onClick={onBack} className="batch-back">
        {t('collection.backToList')}
      </Button>
      <Typography.Title level={2}>{t('collection.batchNumber', { batch: id })}</Typography.Title>
      <RemoteView remote={detail} title={t('collection.batchNumber', { batch: id })} rows={6}>
        {({ batch, returns }) => {
          const columns = returnColumns(batch, returns);
          const last = returns.at(-1)?.rowNumber;
          return (
            <Space orientation="vertical" size="middle" className="full-width">
              <BatchFacts batch={batch} scope={scope} catalog={catalog} onOpen={onOpen} />
              {batch.failure && <Alert type="error" showIcon title={batch.failure} />}
              <BatchCounts counts={batch} />
              {batch.returned > 0 && (
                <>
                  <Typography.Title level={3}>{t('collection.returns')}</Typography.Title>
                  {scope === 'own' && (
                    <Space wrap align="start">
                      <ReturnsDownload batch={batch.id} />
                      <BatchUpload
                        item={batch.itemCode}
                        resubmits={batch.id}
                        label={t('collection.uploadFixed')}
                        onDone={(outcome) => onOpen(outcome.batch)}
                      />
                    </Space>
                  )}
                  <Table<StoredReturnRow>
                    rowKey="rowNumber"
                    size="small"
                    pagination={false}
                    scroll={{ x: 'max-content' }}
                    dataSource={returns}
                    columns={[
                      {
                        key: 'row',
                        title: t('collection.originalRow'),
                        dataIndex: 'rowNumber',
                        fixed: 'start',
                      },
                      {
                        key: 'reasons',
                        title: t('collection.returnReasons'),
                        className: 'return-reasons-cell',
                        render: (_: unknown, row: StoredReturnRow) => (
                          <ul className="return-reasons">
                            {row.reasons.map((reason) => (
                              // The message names the field itself, by the title the provider's file uses.
                              <li key={`${reason.field ?? ''}-${reason.reason}`}>
                                {reason.message} <Typography.Text code>{reason.reason}</Typography.Text>
                              </li>
                            ))}
                          </ul>
                        ),
                      },
                      ...columns.map((column) => ({
                        key: `cell-${column}`,
                        title: column,
                        render: (_: unknown, row: StoredReturnRow) => valueText(row.cells[column]),
                      })),
                    ]}
                  />
                  <Pager
                    label={
                      returns.length > 0
                        ? t('collection.rowsShown', { from: returns[0]?.rowNumber ?? 0, to: last ?? 0 })
                        : undefined
                    }
                    hasPrevious={starts.length > 1}
                    hasNext={returns.length === RETURNS_PAGE}
                    onPrevious={() => setStarts((visited) => visited.slice(0, -1))}
                    onNext={() => setStarts((visited) => [...visited, last ?? 0])}
                  />
                </>
              )}
            </Space>
          );
        }}
      </RemoteView>
    </section>
  );
}
