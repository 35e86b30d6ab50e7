import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';

/** The returned rows of a batch as a workbook in the provider's own columns, to fix and upload again. */
export function ReturnsDownload({ batch }: { batch: number }) {
  const { t } = useI18n();
  return (
    <Button href={api.returnsFileUrl(batch)} download icon={<DownloadOutlined />}>
      {t('collection.downloadReturns')}
    </Button>
  );
}
