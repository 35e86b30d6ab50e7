import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api, type ManagedItem, type ManagedVersion, type Organization } from '../../../api.ts';
import { FieldsTable } from '../../../components/catalog/FieldsTable.tsx';
import { ItemAttributes } from '../../../components/catalog/ItemAttributes.tsx';
import { DetailDrawer } from '../../../components/DetailDrawer.tsx';
import { codeLabel, formatTime } from '../../../components/display.ts';
import { RefusalAlert } from '../../../components/RefusalAlert.tsx';
import { RemoteView } from '../../../components/RemoteView.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { useRemote } from '../../../use-remote.ts';
import { DraftEditor } from './DraftEditor.tsx';
import { WorkflowStep } from './WorkflowStep.tsx';

const catalogStatusColors: Record<string, string> = {
  DRAFT: 'default',
  PUBLIC_CONSULTATION: 'processing',
  MUNICIPAL_GOVERNMENT_APPROVED: 'cyan',
  PUBLISHED: 'success',
  RETIRED: 'default',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={catalogStatusColors[status] ?? 'default'}>{codeLabel(t, 'catalogStatus', status)}</Tag>;
}

type VersionRow = ManagedItem['versions'][number];

function Versions({ item }: { item: ManagedItem }) {
  const { t, locale } = useI18n();
  const [opened, setOpened] = useState<VersionRow | null>(null);
  const columns = [
    {
      key: 'version',
      title: t('archive.version'),
      render: (_: unknown, v: VersionRow) => (
        <Button type="link" className="link-cell" onClick={() => setOpened(v)}>
          {t('catalog.versionNumber', { version: v.version })}
        </Button>
      ),
    },
    {
      key: 'status',
      title: t('collection.status'),
      render: (_: unknown, v: ManagedVersion) => <StatusTag status={v.status} />,
    },
    { key: 'name', title: t('catalog.name'), dataIndex: 'name' },
    {
      key: 'consultation',
      title: t('catalog.consultation'),
      render: (_: unknown, v: ManagedVersion) =>
        v.consultationOpenedOn ? `${v.consultationOpenedOn} – ${v.consultationClosesOn ?? ''}` : '—',
    },
    {
      key: 'approved',
      title: t('catalog.approvedOn'),
      render: (_: unknown, v: ManagedVersion) => v.approvedOn ?? '—',
    },
    {
      key: 'published',
      title: t('catalog.publishedOn'),
      render: (_: unknown, v: ManagedVersion) => v.publishedOn ?? '—',
    },
    {
      key: 'updated',
      title: t('catalog.updated'),
      render: (_: unknown, v: ManagedVersion) => `${v.updatedBy} · ${formatTime(v.updatedAt, locale)}`,
    },
  ];
  return (
    <>
      <Table<VersionRow>
        rowKey="version"
        size="small"
        columns={columns}
        dataSource={[...item.versions].reverse()}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <DetailDrawer
        title={opened && `${opened.name} · ${t('catalog.versionNumber', { version: opened.version })}`}
        onClose={() => setOpened(null)}
      >
        {opened && (
          <Space orientation="vertical" className="full-width">
            <ItemAttributes
              definition={opened.definition}
              providers={item.providers}
              usagePermission={opened.definition.usagePermission}
              owner={item.owner}
            />
            <Typography.Title level={2}>{t('catalog.fields')}</Typography.Title>
            <FieldsTable fields={opened.definition.fields} />
          </Space>
        )}
      </DetailDrawer>
    </>
  );
}

function Providers({
  item,
  organizations,
  onChanged,
}: {
  item: ManagedItem;
  organizations: readonly Organization[];
  onChanged(item: ManagedItem): void;
}) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState(item.providers.map((p) => p.code));
  const save = useAction(async () => onChanged(await api.setCatalogProviders(item.code, chosen)));
  const changed =
    chosen.length !== item.providers.length ||
    chosen.some((code) => !item.providers.some((p) => p.code === code));

  return (
    <Space orientation="vertical" className="full-width">
      <Typography.Paragraph type="secondary">{t('catalog.providersHelp')}</Typography.Paragraph>
      <Select
        mode="multiple"
        aria-label={t('catalog.providers')}
        className="full-width"
        value={chosen}
        onChange={setChosen}
        showSearch={{ optionFilterProp: 'label' }}
        options={organizations
          .filter((o) => o.isProvider)
          .map((o) => ({ value: o.code, label: `${o.name}（${o.code}）` }))}
      />
      <Button onClick={() => save.run()} loading={save.running} disabled={!changed}>
        {t('catalog.saveProviders')}
      </Button>
      {save.refusal && <RefusalAlert title={t('catalog.saveRefused')} error={save.refusal.error} />}
    </Space>
  );
}

function NewVersion({ item, onChanged }: { item: ManagedItem; onChanged(item: ManagedItem): void }) {
  const { t } = useI18n();
  const start = useAction(async () => onChanged(await api.startCatalogVersion(item.code)));
  return (
    <>
      <Typography.Paragraph type="secondary">{t('catalog.newVersionHelp')}</Typography.Paragraph>
      <Button loading={start.running} onClick={() => start.run()}>
        {t('catalog.newVersion')}
      </Button>
      {start.refusal && <RefusalAlert title={t('catalog.saveRefused')} error={start.refusal.error} />}
    </>
  );
}

function ItemWorkbench({
  loaded,
  organizations,
}: {
  loaded: ManagedItem;
  organizations: readonly Organization[];
}) {
  const { t } = useI18n();
  // Every change answers with the item as it now is, so the page shows that without reading it again.
  const [item, setItem] = useState(loaded);
  const latest = item.versions.at(-1);
  return (
    <Space orientation="vertical" size="large" className="full-width">
      <Typography.Title level={2}>
        {item.name}（{item.code}）
      </Typography.Title>
      <Card title={<h2 className="card-title">{t('catalog.versions')}</h2>}>
        <Versions item={item} />
      </Card>
      <Card title={<h2 className="card-title">{t('catalog.workflow')}</h2>}>
        {item.pending ? (
          <WorkflowStep key={latest?.updatedAt} item={item} onChanged={setItem} />
        ) : (
          <NewVersion item={item} onChanged={setItem} />
        )}
      </Card>
      {latest?.status === 'DRAFT' && (
        <Card title={<h2 className="card-title">{t('catalog.editDraft', { version: latest.version })}</h2>}>
          <DraftEditor
            key={latest.version}
            item={item}
            definition={latest.definition}
            organizations={organizations}
            onSaved={setItem}
          />
        </Card>
      )}
      <Card title={<h2 className="card-title">{t('catalog.providers')}</h2>}>
        <Providers
          key={item.providers.map((p) => p.code).join()}
          item={item}
          organizations={organizations}
          onChanged={setItem}
        />
      </Card>
    </Space>
  );
}

const loadOrganizations = (signal: AbortSignal) => api.organizations(signal);

/** One catalog item for the center: its versions, its next workflow step, its draft and its providers. */
export function ManagedItemView({ code, onBack }: { code: string; onBack(): void }) {
  const { t } = useI18n();
  const load = useCallback((signal: AbortSignal) => api.managedItem(code, signal), [code]);
  const item = useRemote(load);
  const organizations = useRemote(loadOrganizations);
  return (
    <section>
      <Button icon={<ArrowLeftOutlined />} onClick={onBack} className="batch-back">
        {t('catalog.backToList')}
      </Button>
      <RemoteView remote={item} title={code} rows={8}>
        {(data) => (
          <RemoteView remote={organizations} title={t('catalog.organizations')}>
            {(orgs) => <ItemWorkbench loaded={data} organizations={orgs} />}
          </RemoteView>
        )}
      </RemoteView>
    </section>
  );
}
