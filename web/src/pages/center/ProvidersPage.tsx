import { Alert, Button, Checkbox, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import {
  api,
  type ManagedItemSummary,
  type ProviderRegistration,
  type ProviderRegistrationOptions,
  type ProviderSummary,
} from '../../api.ts';
import { inLocale } from '../../components/display.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { RemoteView } from '../../components/RemoteView.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { usePageTitle } from '../../page-title.ts';
import { useRemote } from '../../use-remote.ts';

const loadProviders = (signal: AbortSignal) => api.providers(signal);
const loadOptions = (signal: AbortSignal) => api.providerRegistrationOptions(signal);
const loadCatalog = (signal: AbortSignal) => api.managedCatalog(signal);

/** The provider being registered again (its code and name fixed), or null for a new organization. */
type Editing = ProviderSummary | null;

function RegisterModal({
  open,
  editing,
  options,
  onClose,
  onRegistered,
}: {
  open: boolean;
  editing: Editing;
  options: ProviderRegistrationOptions;
  onClose(): void;
  onRegistered(provider: ProviderSummary, created: boolean): void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<ProviderRegistration>();
  const providerType = Form.useWatch('providerType', form);
  const type = options.types.find((candidate) => candidate.type === providerType);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      editing
        ? {
            code: editing.code,
            name: editing.name,
            nameEn: editing.nameEn,
            providerType: editing.providerType ?? undefined,
            collectionChannel: editing.collectionChannel ?? undefined,
            divisionCode: editing.divisionCode,
          }
        : { divisionCode: options.divisions[0]?.code },
    );
  }, [open, editing, form, options]);

  return (
    <FormModal
      open={open}
      title={editing ? t('providers.registerExisting', { name: editing.name }) : t('providers.register')}
      form={form}
      onClose={onClose}
      submit={async (values) => {
        const { provider, created } = await api.registerProvider(values);
        onRegistered(provider, created);
      }}
    >
      <Form.Item
        name="code"
        label={t('providers.code')}
        extra={editing ? undefined : t('providers.codeHelp')}
        rules={[{ required: true, message: t('admin.required') }]}
      >
        <Input autoComplete="off" disabled={editing !== null} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('providers.name')}
        rules={[{ required: true, message: t('admin.required') }]}
      >
        <Input autoComplete="off" disabled={editing !== null} />
      </Form.Item>
      <Form.Item name="nameEn" label={t('providers.nameEn')}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="providerType"
        label={t('providers.type')}
        extra={type && t('providers.basis', { source: type.source })}
        rules={[{ required: true, message: t('admin.required') }]}
      >
        <Select
          options={options.types.map((option) => ({
            value: option.type,
            label: inLocale(option, locale),
          }))}
          onChange={(value: string) => {
            const channels = options.types.find((candidate) => candidate.type === value)?.channels ?? [];
            form.setFieldValue('collectionChannel', channels.length === 1 ? channels[0]?.channel : undefined);
          }}
        />
      </Form.Item>
      <Form.Item
        name="collectionChannel"
        label={t('providers.channel')}
        rules={[{ required: true, message: t('admin.required') }]}
      >
        <Select
          disabled={!type}
          options={(type?.channels ?? []).map((channel) => ({
            value: channel.channel,
            label: inLocale(channel, locale),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="divisionCode"
        label={t('providers.division')}
        rules={[{ required: true, message: t('admin.required') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={options.divisions.map((division) => ({
            value: division.code,
            label: `${division.name}（${division.code}）`,
          }))}
        />
      </Form.Item>
    </FormModal>
  );
}

function ItemsModal({
  provider,
  onClose,
  onSaved,
}: {
  provider: ProviderSummary | null;
  onClose(): void;
  onSaved(items: { code: string; items: string[] }): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ itemCodes: string[] }>();
  const catalog = useRemote(provider ? loadCatalog : null);

  useEffect(() => {
    if (!provider || catalog.state !== 'ok') return;
    const permitted = catalog.data.filter((item) => item.providers.some((p) => p.code === provider.code));
    form.setFieldsValue({ itemCodes: permitted.map((item) => item.code) });
  }, [provider, catalog, form]);

  return (
    <FormModal
      open={provider !== null}
      title={t('providers.itemsTitle', { name: provider?.name ?? '' })}
      form={form}
      onClose={onClose}
      submit={async (values) => {
        if (!provider) return;
        onSaved(await api.setProviderItems(provider.code, values.itemCodes ?? []));
      }}
    >
      <Typography.Paragraph type="secondary">{t('providers.itemsIntro')}</Typography.Paragraph>
      <RemoteView remote={catalog} title={t('nav.centerCatalog')} rows={6}>
        {(items: ManagedItemSummary[]) => (
          <Form.Item name="itemCodes" label={t('providers.items')}>
            <Checkbox.Group>
              <Space orientation="vertical">
                {items.map((item) => (
                  <Checkbox key={item.code} value={item.code}>
                    {item.name}（{item.code}）
                    {item.owner && (
                      <Typography.Text type="secondary">
                        {' '}
                        {t('providers.owner', { owner: item.owner.name })}
                      </Typography.Text>
                    )}
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          </Form.Item>
        )}
      </RemoteView>
    </FormModal>
  );
}

/**
 * The center registers information providers with the type and collection channel its city's regulation
 * allows (R18: XM judicial organs and stationed units; R19: WH and NT voluntary providers) and permits the
 * catalog items each may submit.
 */
export function ProvidersPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('providers.title'));
  const providers = useRemote(loadProviders);
  const options = useRemote(loadOptions);
  const [registering, setRegistering] = useState<{ editing: Editing } | null>(null);
  const [permitting, setPermitting] = useState<ProviderSummary | null>(null);
  const [filter, setFilter] = useState('');
  const [done, setDone] = useState<string | null>(null);

  const names = useMemo(() => {
    const known = options.state === 'ok' ? options.data : { types: [], divisions: [] };
    return {
      type: new Map(known.types.map((type) => [type.type, inLocale(type, locale)])),
      channel: new Map(
        known.types.flatMap((type) => type.channels).map((c) => [c.channel, inLocale(c, locale)]),
      ),
      division: new Map(known.divisions.map((division) => [division.code, division.name])),
    };
  }, [options, locale]);

  const columns = [
    { key: 'code', title: t('providers.code'), dataIndex: 'code' },
    { key: 'name', title: t('providers.name'), dataIndex: 'name' },
    {
      key: 'type',
      title: t('providers.type'),
      render: (_: unknown, provider: ProviderSummary) =>
        provider.providerType === null ? (
          <Tag>{t('providers.unregistered')}</Tag>
        ) : (
          (names.type.get(provider.providerType) ?? provider.providerType)
        ),
    },
    {
      key: 'channel',
      title: t('providers.channel'),
      render: (_: unknown, provider: ProviderSummary) =>
        provider.collectionChannel === null
          ? ''
          : (names.channel.get(provider.collectionChannel) ?? provider.collectionChannel),
    },
    {
      key: 'division',
      title: t('providers.division'),
      render: (_: unknown, provider: ProviderSummary) =>
        names.division.get(provider.divisionCode) ?? provider.divisionCode,
    },
    {
      key: 'actions',
      title: t('admin.accounts.actions'),
      render: (_: unknown, provider: ProviderSummary) => (
        <Space>
          <Button
            size="small"
            disabled={options.state !== 'ok'}
            onClick={() => setRegistering({ editing: provider })}
          >
            {provider.providerType === null ? t('providers.registerType') : t('providers.changeRegistration')}
          </Button>
          <Button size="small" onClick={() => setPermitting(provider)}>
            {t('providers.permitItems')}
          </Button>
        </Space>
      ),
    },
  ];

  const needle = filter.trim().toLowerCase();
  return (
    <div className="admin-page">
      <Space className="admin-page-head">
        <Typography.Title level={1}>{t('providers.title')}</Typography.Title>
        <Button
          type="primary"
          disabled={options.state !== 'ok'}
          onClick={() => setRegistering({ editing: null })}
        >
          {t('providers.register')}
        </Button>
      </Space>
      <Typography.Paragraph>{t('providers.intro')}</Typography.Paragraph>
      {done && <Alert type="success" showIcon title={done} className="form-alert" closable />}
      <Input.Search
        allowClear
        placeholder={t('providers.filter')}
        aria-label={t('providers.filter')}
        onChange={(event) => setFilter(event.target.value)}
        className="form-alert"
      />
      <RemoteView remote={providers} title={t('providers.title')} rows={8}>
        {(data) => (
          <Table<ProviderSummary>
            rowKey="code"
            columns={columns}
            dataSource={data.filter(
              (p) => !needle || p.code.toLowerCase().includes(needle) || p.name.includes(filter.trim()),
            )}
            scroll={{ x: 'max-content' }}
          />
        )}
      </RemoteView>
      {options.state === 'ok' && (
        <RegisterModal
          open={registering !== null}
          editing={registering?.editing ?? null}
          options={options.data}
          onClose={() => setRegistering(null)}
          onRegistered={(provider, created) => {
            setRegistering(null);
            setDone(
              t(created ? 'providers.registered' : 'providers.updated', {
                name: provider.name,
                type: names.type.get(provider.providerType ?? '') ?? '',
              }),
            );
            providers.retry();
          }}
        />
      )}
      <ItemsModal
        provider={permitting}
        onClose={() => setPermitting(null)}
        onSaved={(result) => {
          setDone(
            t('providers.itemsSaved', {
              name: permitting?.name ?? result.code,
              count: result.items.length,
            }),
          );
          setPermitting(null);
        }}
      />
    </div>
  );
}
