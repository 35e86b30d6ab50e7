import { Button, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { api, type Batch, type BatchScope, type BatchStatus } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useRemote } from '../../use-remote.ts';
import { formatTime } from '../display.ts';
import { RemoteView } from '../RemoteView.tsx';
import { type CatalogIndex, itemLabel } from './catalog-index.ts';

const PAGE_SIZE = 20;

export const statusColors: Record<BatchStatus, string> = {
  RUNNING: 'processing',
  DONE: 'success',
  FAILED: 'error',
};

interface BatchHistoryProps {
  scope: BatchScope;
  catalog?: CatalogIndex;
  onOpen(batch: number): void;
}

/** Submitted batches, newest first, paged by the server: a provider's own or, for the center, everyone's. */
export function BatchHistory({ scope, catalog, onOpen }: BatchHistoryProps) {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  const load = useCallback(
    (signal: AbortSignal) => api.batches(scope, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    [scope, page],
  );
  const batches = useRemote(load);

  const columns = [
    {
      key: 'receivedAt',
      title: t('collection.receivedAt'),
      render: (_: unknown, batch: Batch) => formatTime(batch.receivedAt, locale),
    },
    ...(scope === 'overview'
      ? [{ key: 'provider', title: t('collection.provider'), dataIndex: 'providerName' }]
      : []),
    {
      key: 'item',
      title: t('collection.item'),
      render: (_: unknown, batch: Batch) => itemLabel(catalog, batch.itemCode),
    },
    {
      key: 'file',
      title: t('collection.file'),
      render: (_: unknown, batch: Batch) => batch.fileName ?? '—',
    },
    {
      key: 'channel',
      title: t('collection.channel'),
      render: (_: unknown, batch: Batch) => t(`collection.channel.${batch.channel}`),
    },
    {
      key: 'status',
      title: t('collection.status'),
      render: (_: unknown, batch: Batch) => (
        <Tag color={statusColors[batch.status]}>{t(`collection.status.${batch.status}`)}</Tag>
      ),
    },
    { key: 'received', title: t('collection.received'), dataIndex: 'received', align: 'right' as const },
    { key: 'accepted', title: t('collection.accepted'), dataIndex: 'accepted', align: 'right' as const },
    { key: 'unchanged', title: t('collection.unchanged'), dataIndex: 'unchanged', align: 'right' as const },
    { key: 'returned', title: t('collection.returned'), dataIndex: 'returned', align: 'right' as const },
    {
      key: 'open',
      title: t('collection.actions'),
      render: (_: unknown, batch: Batch) => (
        // The visible word starts the accessible name, so voice control finds the button by either.
        <Button
          size="small"
          aria-label={t('collection.openBatch', { batch: batch.id })}
          onClick={() => onOpen(batch.id)}
        >
          {t('collection.view')}
        </Button>
      ),
    },
  ];

  return (
    <RemoteView remote={batches} title={t('collection.history')} rows={6}>
      {(data) => (
        <Table<Batch>
          rowKey="id"
          columns={columns}
          dataSource={data.items}
          locale={{ emptyText: t('collection.noBatches') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data.total,
            showSizeChanger: false,
            onChange: setPage,
          }}
          scroll={{ x: 'max-content' }}
        />
      )}
    </RemoteView>
  );
}
