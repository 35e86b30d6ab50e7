import { Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, type CatalogDefinition, type ManagedItemSummary, type ManagedVersion } from '../../../api.ts';
import { ProvidersSummary } from '../../../components/catalog/ItemAttributes.tsx';
import { codeOptions } from '../../../components/display.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { RemoteView } from '../../../components/RemoteView.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { usePageTitle } from '../../../page-title.ts';
import { useRemote } from '../../../use-remote.ts';
import { ManagedItemView, StatusTag } from './ManagedItemView.tsx';

const loadCatalog = (signal: AbortSignal) => api.managedCatalog(signal);

interface NewItem {
  code: string;
  name: string;
  recordKind: string;
  subjectScope: CatalogDefinition['subjectScope'];
}

/** A new item starts as a draft that states only what it is; the rest is filled in the draft editor. */
function draftOf(values: NewItem): CatalogDefinition {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    recordKind: values.recordKind,
    subjectScope: values.subjectScope,
    category: null,
    disclosure: null,
    frequency: null,
    usagePermission: null,
    period: null,
    retentionPeriod: null,
    dataSource: null,
    specificBehaviour: false,
    legalBases: [],
    fields: [],
    levelDivisionCode: null,
  };
}

function CreateItemModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(code: string): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<NewItem>();
  const required = { required: true, message: t('admin.required') };
  return (
    <FormModal
      open={open}
      title={t('catalog.create')}
      form={form}
      onClose={onClose}
      submit={async (values) => onCreated((await api.createCatalogItem(draftOf(values))).code)}
    >
      <Form.Item
        name="code"
        label={t('catalog.code')}
        extra={t('catalog.codeHelp')}
        rules={[required, { pattern: /^[A-Z][A-Z0-9_]{1,31}$/, message: t('catalog.codeHelp') }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="name" label={t('catalog.name')} rules={[required]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="recordKind" label={t('catalog.recordKind')} rules={[required]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={codeOptions(t, 'recordKind')} />
      </Form.Item>
      <Form.Item name="subjectScope" label={t('catalog.subjectScope')} rules={[required]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={codeOptions(t, 'subjectScope')} />
      </Form.Item>
    </FormModal>
  );
}

function VersionsSummary({ versions }: { versions: ManagedVersion[] }) {
  return (
    <Space wrap size={4}>
      {versions.map((v) => (
        <span key={v.version}>
          v{v.version} <StatusTag status={v.status} />
        </span>
      ))}
    </Space>
  );
}

/**
 * 目录管理 (000 第九条): every catalog item with its versions and their workflow status; create an item,
 * then edit its draft, take it through consultation, approval and publication, and name its providers.
 */
export function CatalogAdminPage() {
  const { t } = useI18n();
  usePageTitle(t('catalogAdmin.title'));
  const catalog = useRemote(loadCatalog);
  const [creating, setCreating] = useState(false);
  const [params, setParams] = useSearchParams();
  const opened = params.get('item');

  if (opened) {
    return (
      <div className="admin-page">
        <Typography.Title level={1}>{t('catalogAdmin.title')}</Typography.Title>
        <ManagedItemView
          key={opened}
          code={opened}
          onBack={() => {
            setParams({});
            catalog.retry();
          }}
        />
      </div>
    );
  }

  const columns = [
    { key: 'code', title: t('catalog.code'), dataIndex: 'code' },
    { key: 'name', title: t('catalog.name'), dataIndex: 'name' },
    {
      key: 'versions',
      title: t('catalog.versions'),
      render: (_: unknown, item: ManagedItemSummary) => <VersionsSummary versions={item.versions} />,
    },
    {
      key: 'providers',
      title: t('catalog.providers'),
      render: (_: unknown, item: ManagedItemSummary) => <ProvidersSummary providers={item.providers} />,
    },
    {
      key: 'actions',
      title: t('collection.actions'),
      render: (_: unknown, item: ManagedItemSummary) => (
        <Button
          size="small"
          aria-label={t('catalog.manageItem', { code: item.code })}
          onClick={() => setParams({ item: item.code })}
        >
          {t('catalog.manage')}
        </Button>
      ),
    },
  ];

  return (
    <div className="admin-page">
      <Space className="admin-page-head">
        <Typography.Title level={1}>{t('catalogAdmin.title')}</Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('catalog.create')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('catalogAdmin.intro')}</Typography.Paragraph>
      <RemoteView remote={catalog} title={t('catalogAdmin.title')} rows={8}>
        {(items) => (
          <Table<ManagedItemSummary>
            rowKey="code"
            columns={columns}
            dataSource={items}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        )}
      </RemoteView>
      <CreateItemModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(code) => {
          setCreating(false);
          setParams({ item: code });
        }}
      />
    </div>
  );
}
