import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useI18n } from '../i18n/index.tsx';

interface PagerProps {
  /** What the current page holds, e.g. “第 1–50 行”. */
  label?: string;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious(): void;
  onNext(): void;
}

/** Previous / next for lists the server pages without a total (keyset or open-ended offset paging). */
export function Pager({ label, hasPrevious, hasNext, onPrevious, onNext }: PagerProps) {
  const { t } = useI18n();
  if (!hasPrevious && !hasNext) return null;
  return (
    <Space className="pager">
      <Button icon={<LeftOutlined />} disabled={!hasPrevious} onClick={onPrevious}>
        {t('pager.previous')}
      </Button>
      {label && <Typography.Text type="secondary">{label}</Typography.Text>}
      <Button icon={<RightOutlined />} iconPlacement="end" disabled={!hasNext} onClick={onNext}>
        {t('pager.next')}
      </Button>
    </Space>
  );
}
