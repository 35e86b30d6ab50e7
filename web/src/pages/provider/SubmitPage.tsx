import { Alert, Collapse, Descriptions, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type BatchOutcome, type SubmittableItem } from '../../api.ts';
import { FieldsTable } from '../../components/catalog/FieldsTable.tsx';
import { BatchOutcomeView } from '../../components/collection/BatchOutcomeView.tsx';
import { BatchUpload } from '../../components/collection/BatchUpload.tsx';
import { indexOfSubmittable } from '../../components/collection/use-catalog-index.ts';
import { codeLabel } from '../../components/display.ts';
import { RemoteView } from '../../components/RemoteView.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { usePageTitle } from '../../page-title.ts';
import { useRemote } from '../../use-remote.ts';

const loadItems = (signal: AbortSignal) => api.submittableItems(signal);

/** The columns a file for the item carries, folded away once the provider knows them. */
function ItemColumns({ item }: { item: SubmittableItem }) {
  const { t } = useI18n();
  const { fields } = item.definition;
  return (
    <Collapse
      items={[
        {
          key: 'columns',
          label: t('submit.columnsSummary', {
            total: fields.length,
            required: fields.filter((f) => f.required).length,
          }),
          children: (
            <>
              <Typography.Paragraph type="secondary">{t('submit.columnsHint')}</Typography.Paragraph>
              <FieldsTable fields={fields} />
            </>
          ),
        },
      ]}
    />
  );
}

function SubmitForItems({ items }: { items: SubmittableItem[] }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  // The last upload's outcome, and the batch it corrects when it was a fixed returns file.
  const [shown, setShown] = useState<{ outcome: BatchOutcome; corrects?: number } | null>(null);
  const item = items.find((candidate) => candidate.code === params.get('item'));
  const catalog = useMemo(() => indexOfSubmittable(items), [items]);

  if (items.length === 0) return <Alert type="info" showIcon title={t('submit.noItems')} />;
  return (
    <Space orientation="vertical" size="large" className="full-width">
      <div>
        <label htmlFor="submit-item" className="subject-search-label">
          {t('submit.item')}
        </label>
        <Select
          id="submit-item"
          className="submit-item-select"
          placeholder={t('submit.chooseItem')}
          value={item?.code}
          showSearch={{ optionFilterProp: 'label' }}
          options={items.map((i) => ({ value: i.code, label: `${i.definition.name}（${i.code}）` }))}
          onChange={(code: string) => {
            setShown(null);
            setParams({ item: code });
          }}
        />
      </div>
      {item && (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              {
                key: 'version',
                label: t('submit.itemVersion'),
                children: t('submit.versionPublished', {
                  version: item.version,
                  date: item.publishedOn ?? '—',
                }),
              },
              {
                key: 'category',
                label: t('archive.disclosure'),
                children: item.definition.disclosure
                  ? codeLabel(t, 'disclosure', item.definition.disclosure)
                  : '—',
              },
              {
                key: 'frequency',
                label: t('catalog.frequency'),
                children: item.definition.frequency ?? '—',
              },
            ]}
          />
          <ItemColumns item={item} />
          <section aria-label={t('submit.upload')}>
            <BatchUpload
              item={item.code}
              label={t('submit.upload')}
              onDone={(outcome) => setShown({ outcome })}
            />
            <Typography.Paragraph type="secondary" className="submit-formats">
              {t('submit.formats')}
            </Typography.Paragraph>
          </section>
          {shown && (
            <BatchOutcomeView
              key={shown.outcome.batch}
              outcome={shown.outcome}
              corrects={shown.corrects}
              item={item.code}
              catalog={catalog}
              onResubmitted={(outcome) => setShown({ outcome, corrects: shown.outcome.batch })}
            />
          )}
        </>
      )}
      <Link to="/provider/batches">{t('submit.toHistory')}</Link>
    </Space>
  );
}

/**
 * 信息报送: the provider picks one of the items it may submit, sees the columns its file must carry, uploads
 * the file and sees at once what was stored and what was returned, with the way to send the fixed rows.
 */
export function SubmitPage() {
  const { t } = useI18n();
  usePageTitle(t('submit.title'));
  const items = useRemote(loadItems);
  return (
    <div className="admin-page">
      <Typography.Title level={1}>{t('submit.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('submit.intro')}</Typography.Paragraph>
      <RemoteView remote={items} title={t('submit.title')} rows={6}>
        {(data) => <SubmitForItems items={data} />}
      </RemoteView>
    </div>
  );
}
