import { Col, Row, Statistic } from 'antd';
import { useI18n } from '../../i18n/index.tsx';

interface Counts {
  received: number;
  accepted: number;
  unchanged: number;
  returned: number;
}

/** How many rows a batch received, stored, found unchanged and returned. */
export function BatchCounts({ counts }: { counts: Counts }) {
  const { t } = useI18n();
  const figures = [
    { key: 'received', title: t('collection.received'), value: counts.received },
    { key: 'accepted', title: t('collection.accepted'), value: counts.accepted },
    { key: 'unchanged', title: t('collection.unchanged'), value: counts.unchanged },
    { key: 'returned', title: t('collection.returned'), value: counts.returned },
  ];
  return (
    <Row gutter={16} className="batch-counts">
      {figures.map((figure) => (
        <Col key={figure.key} xs={12} sm={6}>
          <Statistic
            title={figure.title}
            value={figure.value}
            styles={
              figure.key === 'returned' && figure.value > 0 ? { content: { color: '#cf1322' } } : undefined
            }
          />
        </Col>
      ))}
    </Row>
  );
}
