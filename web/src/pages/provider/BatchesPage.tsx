import { Typography } from 'antd';
import { BatchesBrowser } from '../../components/collection/BatchesBrowser.tsx';
import { useCatalogIndex } from '../../components/collection/use-catalog-index.ts';
import { useI18n } from '../../i18n/index.tsx';
import { usePageTitle } from '../../page-title.ts';

/** The provider's own submissions: every batch, and each one's returned rows and returns file. */
export function BatchesPage() {
  const { t } = useI18n();
  usePageTitle(t('batches.title'));
  const catalog = useCatalogIndex('mine');
  return (
    <div className="admin-page">
      <Typography.Title level={1}>{t('batches.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('batches.intro')}</Typography.Paragraph>
      <BatchesBrowser scope="own" catalog={catalog} />
    </div>
  );
}
