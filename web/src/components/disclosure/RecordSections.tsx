import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Tag, Typography } from 'antd';
import { useId } from 'react';
import type { DisclosedRecord, DisclosureSection } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';

/** A record's markers (异议处理中 …): what a reader must not miss beside the record (000 第二十八条; R67). */
function Markers({ markers }: { markers: readonly string[] }) {
  return markers.map((marker) => (
    <Tag key={marker} color="orange" icon={<ExclamationCircleOutlined />} className="record-marker">
      {marker}
    </Tag>
  ));
}

function RecordCard({ record }: { record: DisclosedRecord }) {
  const { t } = useI18n();
  const titleId = useId();
  const facts = [
    { key: 'provider', label: t('credit.provider'), children: record.providerName },
    ...(record.recordStart
      ? [{ key: 'start', label: t('credit.recordStart'), children: record.recordStart }]
      : []),
    {
      key: 'lastDay',
      label: t('credit.disclosureLastDay'),
      children: record.disclosureLastDay ?? t('credit.openEnded'),
    },
  ];
  return (
    <Card
      size="small"
      className={record.markers.length > 0 ? 'disclosed-record disclosed-record-marked' : 'disclosed-record'}
      role="article"
      aria-labelledby={titleId}
      title={
        <h3 id={titleId} className="disclosed-record-title">
          {record.itemName}
        </h3>
      }
      extra={<Markers markers={record.markers} />}
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }} items={facts} className="disclosed-record-facts" />
      {record.fields.length > 0 && (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          className="detail-list"
          items={record.fields.map((field, index) => ({
            // Labels repeat in some formats (two 日期 columns), so the position keeps the keys apart.
            key: `${index}-${field.label}`,
            label: field.label,
            children: field.value,
          }))}
        />
      )}
    </Card>
  );
}

/**
 * The records one viewer may see, by category in the order the server gives (000 第八条), each section titled
 * and saying 无记录 when empty: the portal, the subject's own page, a government query and the report all
 * present records through this one component.
 */
export function RecordSections({
  sections,
  more,
}: {
  sections: readonly DisclosureSection[];
  /** Where a screen shows a page of each category: fetches the category's next records. */
  more?: { load: (category: string) => void; loading: string | null };
}) {
  const { t } = useI18n();
  return sections.map((section) => (
    <section key={section.category} className="disclosure-section" aria-label={section.title}>
      <Typography.Title level={2} className="disclosure-section-title">
        {t('archive.categoryCount', {
          category: section.title,
          count: section.total ?? section.records.length,
        })}
      </Typography.Title>
      {section.records.length === 0 ? (
        <Typography.Paragraph type="secondary" className="disclosure-empty">
          {t('credit.noRecords')}
        </Typography.Paragraph>
      ) : (
        section.records.map((record) => <RecordCard key={record.reference} record={record} />)
      )}
      {more && section.total !== undefined && section.total > section.records.length && (
        <Button
          className="no-print"
          loading={more.loading === section.category}
          onClick={() => more.load(section.category)}
        >
          {t('subjectPage.more', { shown: section.records.length, total: section.total })}
        </Button>
      )}
    </section>
  ));
}
