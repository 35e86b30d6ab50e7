import { Alert, Space, Table, Typography } from 'antd';
import type { BatchOutcome } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { BatchCounts } from './BatchCounts.tsx';
import { BatchUpload } from './BatchUpload.tsx';
import { type CatalogIndex, fieldLabel } from './catalog-index.ts';
import { ReturnsDownload } from './ReturnsDownload.tsx';

type ReturnedRow = BatchOutcome['returns'][number];

interface BatchOutcomeViewProps {
  outcome: BatchOutcome;
  item: string;
  /** To name the field at fault by the title the provider's file uses. */
  catalog?: CatalogIndex;
  /** The batch whose returned rows this one fixed, when it was a corrected file. */
  corrects?: number;
  /** A fixed file was uploaded for this batch's returned rows. */
  onResubmitted(outcome: BatchOutcome): void;
}

/** What became of a submitted file: the counts, why rows were returned, and how to send them fixed. */
export function BatchOutcomeView({ outcome, corrects, item, catalog, onResubmitted }: BatchOutcomeViewProps) {
  const { t } = useI18n();
  const columns = [
    { key: 'row', title: t('collection.row'), dataIndex: 'row', width: 80 },
    {
      key: 'field',
      title: t('collection.field'),
      render: (_: unknown, returned: ReturnedRow) =>
        returned.field === null ? t('collection.wholeRow') : fieldLabel(catalog, item, returned.field),
    },
    {
      key: 'reason',
      title: t('collection.reason'),
      render: (_: unknown, returned: ReturnedRow) => (
        <Typography.Text code>{returned.reason}</Typography.Text>
      ),
    },
    { key: 'message', title: t('collection.message'), dataIndex: 'message' },
  ];
  const clean = outcome.returned === 0;
  return (
    <section className="batch-outcome" aria-label={t('collection.outcome', { batch: outcome.batch })}>
      <Alert
        type={clean ? 'success' : 'warning'}
        showIcon
        role="status"
        className="form-alert"
        title={t(clean ? 'collection.outcomeClean' : 'collection.outcomeReturned', {
          batch: outcome.batch,
          returned: outcome.returned,
        })}
        description={corrects ? t('collection.corrects', { batch: corrects }) : undefined}
      />
      <BatchCounts counts={outcome} />
      {!clean && (
        <>
          <Typography.Title level={2}>{t('collection.returns')}</Typography.Title>
          <Table<ReturnedRow>
            rowKey={(returned) => `${returned.row}-${returned.field ?? ''}-${returned.reason}`}
            columns={columns}
            dataSource={outcome.returns}
            pagination={false}
            size="small"
            scroll={{ x: 'max-content' }}
          />
          {outcome.returnsTruncated && (
            <Typography.Paragraph type="secondary">
              {t('collection.returnsTruncated', { shown: outcome.returns.length })}
            </Typography.Paragraph>
          )}
          <Typography.Paragraph>{t('collection.fixHint')}</Typography.Paragraph>
          <Space wrap align="start">
            <ReturnsDownload batch={outcome.batch} />
            <BatchUpload
              item={item}
              resubmits={outcome.batch}
              label={t('collection.uploadFixed')}
              onDone={onResubmitted}
            />
          </Space>
        </>
      )}
    </section>
  );
}
