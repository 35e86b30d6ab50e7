import {
  Alert,
  Button,
  Checkbox,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { type ApiClient, api, type ListedOrganization } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { problemText } from '../../components/problem-text.ts';
import { RemoteView } from '../../components/RemoteView.tsx';
import { ShownOnce } from '../../components/ShownOnce.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { usePageTitle } from '../../page-title.ts';
import { useRemote } from '../../use-remote.ts';
import { scopeLabel } from '../WorkspacePage.tsx';

const loadClients = (signal: AbortSignal) => api.apiClients(signal);
const loadOrganizations = (signal: AbortSignal) => api.organizations(signal);

interface NewClient {
  organizationCode: string;
  name: string;
  scopes: string[];
}

function CreateClientModal({
  open,
  organizations,
  onClose,
  onCreated,
}: {
  open: boolean;
  organizations: ListedOrganization[];
  onClose(): void;
  onCreated(created: { client: ApiClient; clientSecret: string }): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<NewClient>();
  const organizationCode = Form.useWatch('organizationCode', form);
  const scopes = organizations.find((o) => o.code === organizationCode)?.apiClientScopes ?? [];

  return (
    <FormModal
      open={open}
      title={t('admin.clients.create')}
      form={form}
      onClose={onClose}
      submit={async (values) => onCreated(await api.createApiClient(values))}
    >
      <Form.Item
        name="organizationCode"
        label={t('account.organization')}
        rules={[{ required: true, message: t('admin.required') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={organizations.map((o) => ({ value: o.code, label: `${o.name}（${o.code}）` }))}
          onChange={() => form.setFieldValue('scopes', ['organization.self.read'])}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('admin.clients.name')}
        rules={[{ required: true, message: t('admin.required') }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="scopes"
        label={t('admin.clients.scopes')}
        rules={[{ required: true, message: t('admin.required') }]}
      >
        <Checkbox.Group options={scopes.map((s) => ({ value: s, label: scopeLabel(t, s) }))} />
      </Form.Item>
    </FormModal>
  );
}

/** The center's API-client administration: list, create (secret shown once), revoke. */
export function ApiClientsPage() {
  const { t } = useI18n();
  usePageTitle(t('admin.clients.title'));
  const clients = useRemote(loadClients);
  const organizations = useRemote(loadOrganizations);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<{ title: string; secret: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const columns = useMemo(
    () => [
      { key: 'name', title: t('admin.clients.name'), dataIndex: 'name' },
      {
        key: 'organization',
        title: t('account.organization'),
        render: (_: unknown, client: ApiClient) => client.organization.name,
      },
      {
        key: 'clientId',
        title: t('admin.clients.clientId'),
        dataIndex: 'clientId',
        render: (id: string) => <Typography.Text copyable>{id}</Typography.Text>,
      },
      {
        key: 'scopes',
        title: t('admin.clients.scopes'),
        dataIndex: 'scopes',
        render: (scopes: string[]) => scopes.map((s) => <Tag key={s}>{scopeLabel(t, s)}</Tag>),
      },
      {
        key: 'lastToken',
        title: t('admin.clients.lastToken'),
        dataIndex: 'lastTokenAt',
        render: (at: string | null) => (at ? new Date(at).toLocaleString() : t('admin.clients.never')),
      },
      {
        key: 'status',
        title: t('admin.accounts.status'),
        render: (_: unknown, client: ApiClient) =>
          client.status === 'active' ? (
            <Space>
              <Tag color="green">{t('admin.clients.active')}</Tag>
              <Popconfirm
                title={t('admin.clients.confirmRevoke', { name: client.name })}
                okText={t('admin.submit')}
                cancelText={t('admin.cancel')}
                onConfirm={async () => {
                  setProblem(null);
                  try {
                    await api.revokeApiClient(client.clientId);
                    clients.retry();
                  } catch (error) {
                    setProblem(t('admin.failed', { reason: problemText(t, error) }));
                  }
                }}
              >
                <Button size="small" danger>
                  {t('admin.clients.revoke')}
                </Button>
              </Popconfirm>
            </Space>
          ) : (
            <Tag>{t('admin.clients.revoked')}</Tag>
          ),
      },
    ],
    [t, clients.retry],
  );

  return (
    <div className="admin-page">
      <Space className="admin-page-head">
        <Typography.Title level={1}>{t('admin.clients.title')}</Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)} disabled={organizations.state !== 'ok'}>
          {t('admin.clients.create')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('admin.clients.intro')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} className="form-alert" role="alert" />}
      <RemoteView remote={clients} title={t('admin.clients.title')} rows={4}>
        {(data) => (
          <Table<ApiClient>
            rowKey="clientId"
            columns={columns}
            dataSource={data}
            scroll={{ x: 'max-content' }}
          />
        )}
      </RemoteView>
      <CreateClientModal
        open={creating}
        organizations={organizations.state === 'ok' ? organizations.data : []}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          setShown({
            title: t('admin.clients.created', { name: created.client.name }),
            secret: created.clientSecret,
          });
          clients.retry();
        }}
      />
      <ShownOnce
        title={shown?.title ?? ''}
        label={t('admin.clients.secret')}
        secret={shown?.secret ?? null}
        onClose={() => setShown(null)}
      />
    </div>
  );
}
