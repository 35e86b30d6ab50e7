import { Alert, Button, Collapse, Descriptions, Input, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  type ArchiveRecord,
  api,
  type CatalogField,
  type CreditArchive,
  type RecordVersion,
} from '../../api.ts';
import { DetailDrawer } from '../../components/DetailDrawer.tsx';
import { VisibilityExplain } from '../../components/disclosure/VisibilityExplain.tsx';
import { codeLabel, formatTime, valueText } from '../../components/display.ts';
import { RemoteView } from '../../components/RemoteView.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { usePageTitle } from '../../page-title.ts';
import { usePlatform } from '../../platform.tsx';
import { useRemote } from '../../use-remote.ts';

type ItemFields = ReadonlyMap<string, readonly CatalogField[]>;

/**
 * The published fields of the items an archive holds, to show records by their fields' titles. An item
 * no longer published (or unreadable) is left out: its records then show their field codes.
 */
function useItemFields(archive: CreditArchive | null): ItemFields {
  const codes = archive ? [...new Set(archive.records.map((r) => r.itemCode))].sort().join(',') : '';
  const load = useMemo(
    () =>
      codes
        ? async (signal: AbortSignal): Promise<ItemFields> => {
            const items = await Promise.all(
              codes.split(',').map((code) => api.catalogItem(code, signal).catch(() => null)),
            );
            return new Map(items.flatMap((item) => (item ? [[item.code, item.definition.fields]] : [])));
          }
        : null,
    [codes],
  );
  const fields = useRemote(load);
  return fields.state === 'ok' ? fields.data : new Map();
}

/** The categories in the order the regulations list them (000 第八条); a new one follows them. */
const CATEGORY_ORDER = ['basic', 'good', 'dishonest', 'other'];

function categoryRank(category: string): number {
  const rank = CATEGORY_ORDER.indexOf(category);
  return rank < 0 ? CATEGORY_ORDER.length : rank;
}

function groupByCategory(records: ArchiveRecord[]): Array<[string, ArchiveRecord[]]> {
  const groups = new Map<string, ArchiveRecord[]>();
  for (const record of records) groups.set(record.category, [...(groups.get(record.category) ?? []), record]);
  return [...groups].sort(([a], [b]) => categoryRank(a) - categoryRank(b) || a.localeCompare(b));
}

/**
 * A record's content in the item's field order under the fields' titles; empty fields are left out, and a
 * field the published item no longer has keeps its code.
 */
function ContentList({
  content,
  fields,
}: {
  content: Record<string, unknown>;
  fields: readonly CatalogField[];
}) {
  const { t } = useI18n();
  const known = fields.filter((f) => f.code in content);
  const others = Object.keys(content).filter((code) => !fields.some((f) => f.code === code));
  const entries = [
    ...known.map((f) => [f.title, content[f.code]] as const),
    ...others.map((code) => [code, content[code]] as const),
  ].filter(([, value]) => value !== null && value !== undefined && value !== '');
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      className="detail-list"
      items={entries.map(([label, value]) => ({
        key: label,
        label,
        children: typeof value === 'boolean' ? t(value ? 'workspace.yes' : 'workspace.no') : valueText(value),
      }))}
    />
  );
}

/** Every version of one record with where it came from; loaded when the record is opened. */
function RecordVersions({ record, subject, fields }: RecordProps) {
  const { t, locale } = useI18n();
  const load = useCallback(
    (signal: AbortSignal) => api.recordVersions(subject, record.recordId, signal),
    [subject, record.recordId],
  );
  const versions = useRemote(load);
  const provenance = (v: RecordVersion) => [
    { key: 'operator', label: t('archive.operator'), children: v.operator },
    { key: 'itemVersion', label: t('archive.itemVersion'), children: v.itemVersion },
    {
      key: 'late',
      label: t('archive.late'),
      children: v.workingDaysLate ? t('archive.lateDays', { days: v.workingDaysLate }) : '—',
    },
    { key: 'case', label: t('archive.case'), children: v.caseReference ?? '—' },
    { key: 'modified', label: t('factRole.modifiedOn'), children: v.modifiedOn ?? '—' },
    { key: 'sourceId', label: t('factRole.sourceId'), children: v.sourceId ?? '—' },
  ];
  return (
    <RemoteView remote={versions} title={t('archive.versions')}>
      {(data) => (
        <Collapse
          items={[...data].reverse().map((v) => ({
            key: v.version,
            label: t('archive.versionLine', {
              version: v.version,
              time: formatTime(v.submittedAt, locale),
              source: t('archive.sourceOf', {
                channel: codeLabel(t, 'collection.channel', v.channel),
                batch: v.batchId,
                row: v.rowNumber,
              }),
            }),
            extra: v.hashVerified ? (
              <Tag color="green">{t('archive.hashVerified')}</Tag>
            ) : (
              <Tag color="red">{t('archive.hashMismatch')}</Tag>
            ),
            children: (
              <Space orientation="vertical" className="full-width">
                <Descriptions size="small" column={{ xs: 1, md: 3 }} items={provenance(v)} />
                <ContentList content={v.content} fields={fields} />
              </Space>
            ),
          }))}
        />
      )}
    </RemoteView>
  );
}

interface RecordProps {
  record: ArchiveRecord;
  subject: string;
  /** The published item's fields, for titles and order; empty when the item is not published. */
  fields: readonly CatalogField[];
}

function RecordDetail({ record, subject, fields }: RecordProps) {
  const { t } = useI18n();
  const { can } = usePlatform();
  return (
    <Space orientation="vertical" className="full-width">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'provider', label: t('collection.provider'), children: record.providerName },
          { key: 'state', label: t('archive.state'), children: <RecordState record={record} /> },
          { key: 'periods', label: t('archive.periods'), children: <Periods record={record} /> },
          {
            key: 'disclosure',
            label: t('archive.disclosure'),
            children: codeLabel(t, 'disclosure', record.disclosure),
          },
        ]}
      />
      {can('records.explain') && (
        <>
          <Typography.Title level={2}>{t('explain.title')}</Typography.Title>
          <VisibilityExplain subject={subject} recordId={record.recordId} />
        </>
      )}
      <Typography.Title level={2}>{t('archive.content')}</Typography.Title>
      <ContentList content={record.content} fields={fields} />
      <Typography.Title level={2}>{t('archive.versions')}</Typography.Title>
      <RecordVersions record={record} subject={subject} fields={fields} />
    </Space>
  );
}

function Periods({ record }: { record: ArchiveRecord }) {
  const { t } = useI18n();
  const lines = [
    record.recordStart && t('archive.recordStart', { date: record.recordStart }),
    record.disclosureLastDay && t('archive.disclosureLastDay', { date: record.disclosureLastDay }),
    record.openEnded
      ? t('archive.openEnded')
      : record.expiresOn && t('archive.expiresOn', { date: record.expiresOn }),
    record.recordPeriodEnd && t('archive.recordPeriodEnd', { date: record.recordPeriodEnd }),
    record.repairEligibleFrom && t('archive.repairEligibleFrom', { date: record.repairEligibleFrom }),
  ].filter((line): line is string => Boolean(line));
  if (lines.length === 0) return '—';
  return (
    <div>
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  );
}

const noFields: readonly CatalogField[] = [];

function RecordState({ record }: { record: ArchiveRecord }) {
  const { t } = useI18n();
  return (
    <>
      <Tag color={record.state === 'ACTIVE' ? 'blue' : 'default'}>
        {codeLabel(t, 'recordState', record.state)}
      </Tag>
      {record.flags.map((flag) => (
        <Tag key={flag} color="orange">
          {codeLabel(t, 'flag', flag)}
        </Tag>
      ))}
    </>
  );
}

function RecordsTable({
  records,
  subject,
  fieldsOf,
}: {
  records: ArchiveRecord[];
  subject: string;
  fieldsOf: ItemFields;
}) {
  const { t, locale } = useI18n();
  const [opened, setOpened] = useState<ArchiveRecord | null>(null);
  const columns = [
    {
      key: 'item',
      title: t('collection.item'),
      render: (_: unknown, r: ArchiveRecord) => (
        <Button type="link" className="link-cell" onClick={() => setOpened(r)}>
          {r.itemName}（{r.itemCode}）
        </Button>
      ),
    },
    { key: 'provider', title: t('collection.provider'), dataIndex: 'providerName' },
    {
      key: 'state',
      title: t('archive.state'),
      render: (_: unknown, r: ArchiveRecord) => <RecordState record={r} />,
    },
    {
      key: 'disclosure',
      title: t('archive.disclosure'),
      render: (_: unknown, r: ArchiveRecord) => codeLabel(t, 'disclosure', r.disclosure),
    },
    {
      key: 'periods',
      title: t('archive.periods'),
      render: (_: unknown, r: ArchiveRecord) => <Periods record={r} />,
    },
    {
      key: 'submittedAt',
      title: t('archive.submittedAt'),
      render: (_: unknown, r: ArchiveRecord) => formatTime(r.submittedAt, locale),
    },
    { key: 'version', title: t('archive.version'), dataIndex: 'currentVersion' },
  ];
  return (
    <>
      <Table<ArchiveRecord>
        rowKey="recordId"
        columns={columns}
        dataSource={records}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <DetailDrawer
        title={opened && t('archive.recordTitle', { item: opened.itemName, record: opened.recordId })}
        onClose={() => setOpened(null)}
      >
        {opened && (
          <RecordDetail
            record={opened}
            subject={subject}
            fields={fieldsOf.get(opened.itemCode) ?? noFields}
          />
        )}
      </DetailDrawer>
    </>
  );
}

function SubjectHeader({ subject }: { subject: CreditArchive['subject'] }) {
  const { t } = useI18n();
  const items = [
    { key: 'name', label: t('subject.name'), children: subject.name },
    { key: 'code', label: t('archive.subjectCode'), children: subject.code },
    { key: 'kind', label: t('subject.kind'), children: codeLabel(t, 'kind', subject.kind) },
    { key: 'division', label: t('subject.district'), children: subject.divisionCode },
    {
      key: 'status',
      label: t('archive.registrationStatus'),
      children: subject.registrationStatus ?? '—',
    },
    ...(subject.terminatedOn
      ? [{ key: 'terminated', label: t('archive.terminatedOn'), children: subject.terminatedOn }]
      : []),
    ...(subject.diedOn ? [{ key: 'died', label: t('archive.diedOn'), children: subject.diedOn }] : []),
    ...(subject.linkedDocuments.length > 0
      ? [
          {
            key: 'documents',
            label: t('archive.linkedDocuments'),
            children: subject.linkedDocuments.map((d) => `${d.kind} ${d.number}`).join('；'),
          },
        ]
      : []),
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />;
}

/**
 * A subject's credit archive (信用档案, 000 第二十二条): every record every provider submitted about it,
 * whatever its state, grouped by category, each with its content and versions. Opening it is logged.
 */
export function ArchivePage() {
  const { t } = useI18n();
  usePageTitle(t('archive.title'));
  const [params, setParams] = useSearchParams();
  const code = params.get('code')?.trim() ?? '';
  const load = useMemo(
    () => (code ? (signal: AbortSignal) => api.creditArchive(code, signal) : null),
    [code],
  );
  const archive = useRemote(load);
  const fieldsOf = useItemFields(archive.state === 'ok' ? archive.data : null);

  return (
    <div className="admin-page">
      <Typography.Title level={1}>{t('archive.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('archive.intro')}</Typography.Paragraph>
      <label htmlFor="archive-code" className="subject-search-label">
        {t('archive.codeLabel')}
      </label>
      <Input.Search
        id="archive-code"
        key={code}
        defaultValue={code}
        enterButton={t('archive.open')}
        allowClear
        className="archive-search"
        onSearch={(value) => setParams(value.trim() ? { code: value.trim() } : {})}
      />
      {archive.state !== 'idle' && (
        <RemoteView remote={archive} title={t('archive.title')} rows={8}>
          {({ subject, records }) => (
            <Space orientation="vertical" size="large" className="full-width archive-body">
              <SubjectHeader subject={subject} />
              {records.length === 0 && <Alert type="info" showIcon title={t('archive.noRecords')} />}
              {groupByCategory(records).map(([category, group]) => (
                <section key={category} aria-label={codeLabel(t, 'category', category)}>
                  <Typography.Title level={2}>
                    {t('archive.categoryCount', {
                      category: codeLabel(t, 'category', category),
                      count: group.length,
                    })}
                  </Typography.Title>
                  <RecordsTable records={group} subject={subject.code} fieldsOf={fieldsOf} />
                </section>
              ))}
            </Space>
          )}
        </RemoteView>
      )}
    </div>
  );
}
