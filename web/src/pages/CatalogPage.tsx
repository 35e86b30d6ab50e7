import { Button, Input, Space, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api, type PublishedItemSummary } from '../api.ts';
import { FieldsTable } from '../components/catalog/FieldsTable.tsx';
import { ItemAttributes, ProvidersSummary } from '../components/catalog/ItemAttributes.tsx';
import { DetailDrawer } from '../components/DetailDrawer.tsx';
import { codeLabel } from '../components/display.ts';
import { RemoteView } from '../components/RemoteView.tsx';
import { useI18n } from '../i18n/index.tsx';
import { usePageTitle } from '../page-title.ts';
import { useRemote } from '../use-remote.ts';

const loadCatalog = (signal: AbortSignal) => api.catalog(signal);

/** One published item's elements and data format, read when a visitor opens it. */
function PublishedItemDetail({ code }: { code: string }) {
  const { t } = useI18n();
  const load = useCallback((signal: AbortSignal) => api.catalogItem(code, signal), [code]);
  const item = useRemote(load);
  return (
    <RemoteView remote={item} title={code}>
      {(data) => (
        <Space orientation="vertical" className="full-width">
          <ItemAttributes
            definition={data.definition}
            categoryName={data.categoryName}
            disclosureName={data.disclosureName}
            providers={data.providers}
            usagePermission={data.usagePermission === null ? null : data.usagePermission.map((o) => o.name)}
            owner={data.owner}
          />
          <Typography.Title level={2}>{t('catalog.fields')}</Typography.Title>
          <FieldsTable fields={data.definition.fields} />
        </Space>
      )}
    </RemoteView>
  );
}

function matches(item: PublishedItemSummary, query: string): boolean {
  return [item.code, item.name, item.categoryName ?? ''].some((text) => text.toLowerCase().includes(query));
}

/**
 * 公共信用信息目录 for everyone (000 第九条: the catalog is published): every published item with its
 * category, disclosure attribute, frequency and providers; open one for all its elements and fields.
 */
export function CatalogPage() {
  const { t } = useI18n();
  usePageTitle(t('catalog.title'));
  const catalog = useRemote(loadCatalog);
  const [query, setQuery] = useState('');
  const [opened, setOpened] = useState<PublishedItemSummary | null>(null);

  const columns = [
    { key: 'code', title: t('catalog.code'), dataIndex: 'code' },
    {
      key: 'name',
      title: t('catalog.name'),
      render: (_: unknown, item: PublishedItemSummary) => (
        <Button type="link" className="link-cell" onClick={() => setOpened(item)}>
          {item.name}
        </Button>
      ),
    },
    {
      key: 'category',
      title: t('catalog.category'),
      render: (_: unknown, item: PublishedItemSummary) =>
        item.categoryName ?? (item.category ? codeLabel(t, 'category', item.category) : '—'),
    },
    {
      key: 'disclosure',
      title: t('catalog.disclosure'),
      render: (_: unknown, item: PublishedItemSummary) =>
        item.disclosureName ?? (item.disclosure ? codeLabel(t, 'disclosure', item.disclosure) : '—'),
    },
    {
      key: 'frequency',
      title: t('catalog.frequency'),
      render: (_: unknown, item: PublishedItemSummary) => item.frequency ?? '—',
    },
    {
      key: 'providers',
      title: t('catalog.providers'),
      render: (_: unknown, item: PublishedItemSummary) => <ProvidersSummary providers={item.providers} />,
    },
    {
      key: 'published',
      title: t('catalog.publishedOn'),
      render: (_: unknown, item: PublishedItemSummary) =>
        `${item.publishedOn ?? '—'}（${t('catalog.versionNumber', { version: item.version })}）`,
    },
  ];

  return (
    <div className="admin-page">
      <Typography.Title level={1}>{t('catalog.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('catalog.intro')}</Typography.Paragraph>
      <RemoteView remote={catalog} title={t('catalog.title')} rows={8}>
        {(items) => {
          const shown = query ? items.filter((item) => matches(item, query)) : items;
          return (
            <>
              <Input.Search
                aria-label={t('catalog.filter')}
                placeholder={t('catalog.filter')}
                allowClear
                className="catalog-filter"
                onSearch={(value) => setQuery(value.trim().toLowerCase())}
                onChange={(event) => setQuery(event.target.value.trim().toLowerCase())}
              />
              <Table<PublishedItemSummary>
                rowKey="code"
                columns={columns}
                dataSource={shown}
                pagination={false}
                locale={{ emptyText: t('catalog.empty') }}
                scroll={{ x: 'max-content' }}
              />
            </>
          );
        }}
      </RemoteView>
      <DetailDrawer title={opened && `${opened.name}（${opened.code}）`} onClose={() => setOpened(null)}>
        {opened && <PublishedItemDetail code={opened.code} />}
      </DetailDrawer>
    </div>
  );
}
