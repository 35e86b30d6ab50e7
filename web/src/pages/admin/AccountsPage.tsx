import { Alert, Button, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  type Account,
  type AccountRole,
  accountRoles,
  api,
  type NewAccount,
  type Organization,
  type PublishedItemSummary,
} from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { problemText } from '../../components/problem-text.ts';
import { RemoteView } from '../../components/RemoteView.tsx';
import { ShownOnce } from '../../components/ShownOnce.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { usePageTitle } from '../../page-title.ts';
import { usePlatform } from '../../platform.tsx';
import { useRemote } from '../../use-remote.ts';

const loadAccounts = (signal: AbortSignal) => api.accounts(signal);
const loadOrganizations = (signal: AbortSignal) => api.organizations(signal);
const loadCatalog = (signal: AbortSignal) => api.catalog(signal);

function CreateAccountModal({
  open,
  organizations,
  items,
  onClose,
  onCreated,
}: {
  open: boolean;
  organizations: Organization[];
  /** The published catalog items a government query account may be scoped to (R89). */
  items: PublishedItemSummary[];
  onClose(): void;
  onCreated(created: { account: Account; temporaryPassword: string }): void;
}) {
  const { t } = useI18n();
  const { session } = usePlatform();
  const [form] = Form.useForm<NewAccount>();
  const role = Form.useWatch('role', form);

  return (
    <FormModal
      open={open}
      title={t('admin.accounts.create')}
      form={form}
      onClose={onClose}
      submit={async ({ itemScope, ...values }) =>
        // No item picked: the account is not scoped.
        onCreated(
          await api.createAccount({ ...values, itemScope: itemScope?.length ? itemScope : undefined }),
        )
      }
    >
      <Form.Item
        name="username"
        label={t('account.username')}
        rules={[{ required: true, message: t('admin.required') }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('account.displayName')}
        rules={[{ required: true, message: t('admin.required') }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="role"
        label={t('account.role')}
        rules={[{ required: true, message: t('admin.required') }]}
      >
        <Select<AccountRole> options={accountRoles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      </Form.Item>
      {role === 'subject' ? (
        <>
          <Form.Item
            name="subjectCode"
            label={t('account.subjectCode')}
            rules={[{ required: true, message: t('admin.required') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="operatorIdNumber"
            label={t('admin.accounts.operatorIdNumber')}
            extra={t('admin.accounts.operatorHelp')}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </>
      ) : (
        <Form.Item
          name="organizationCode"
          label={t('account.organization')}
          rules={[{ required: true, message: t('admin.required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={organizations.map((o) => ({ value: o.code, label: `${o.name}（${o.code}）` }))}
          />
        </Form.Item>
      )}
      {/* 002 第九条 ¶2: the center opens query accounts scoped to an agency's approved query needs (R89). */}
      {role === 'gov' && (
        <Form.Item
          name="itemScope"
          label={t('admin.accounts.itemScope')}
          extra={t('admin.accounts.itemScopeHelp')}
        >
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={items.map((item) => ({ value: item.code, label: `${item.name}（${item.code}）` }))}
          />
        </Form.Item>
      )}
      {session.signIn.sso && role !== 'subject' && (
        <Form.Item name="ssoSubject" label={t('admin.accounts.ssoSubject')}>
          <Input autoComplete="off" />
        </Form.Item>
      )}
    </FormModal>
  );
}

/** The center's account administration: list, create, disable or enable, reset a password. */
export function AccountsPage() {
  const { t } = useI18n();
  const { session } = usePlatform();
  usePageTitle(t('admin.accounts.title'));
  const accounts = useRemote(loadAccounts);
  const organizations = useRemote(loadOrganizations);
  const catalog = useRemote(loadCatalog);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<{ title: string; secret: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function act(work: () => Promise<void>) {
    setProblem(null);
    try {
      await work();
      accounts.retry();
    } catch (error) {
      setProblem(t('admin.failed', { reason: problemText(t, error) }));
    }
  }

  const itemName = (code: string) =>
    (catalog.state === 'ok' ? catalog.data.find((item) => item.code === code)?.name : undefined) ?? code;

  const columns = [
    { key: 'username', title: t('account.username'), dataIndex: 'username' },
    { key: 'displayName', title: t('account.displayName'), dataIndex: 'displayName' },
    {
      key: 'role',
      title: t('account.role'),
      dataIndex: 'role',
      render: (role: AccountRole) => t(`role.${role}`),
    },
    {
      key: 'organization',
      title: t('account.organization'),
      render: (_: unknown, account: Account) => account.organization?.name ?? account.subjectCode ?? '',
    },
    {
      key: 'scope',
      title: t('admin.accounts.scope'),
      render: (_: unknown, account: Account) =>
        account.role !== 'gov'
          ? null
          : (account.itemScope?.map((code) => <Tag key={code}>{itemName(code)}</Tag>) ?? (
              <Typography.Text type="secondary">{t('admin.accounts.unscoped')}</Typography.Text>
            )),
    },
    {
      key: 'status',
      title: t('admin.accounts.status'),
      render: (_: unknown, account: Account) => (
        <>
          <Tag color={account.status === 'active' ? 'green' : 'default'}>
            {t(`admin.accounts.${account.status}`)}
          </Tag>
          {account.passwordMustChange && <Tag color="orange">{t('admin.accounts.mustChange')}</Tag>}
        </>
      ),
    },
    {
      key: 'actions',
      title: t('admin.accounts.actions'),
      render: (_: unknown, account: Account) => (
        <Space>
          {account.status === 'active' ? (
            account.username !== session.username && (
              <Popconfirm
                title={t('admin.accounts.confirmDisable', { username: account.username })}
                okText={t('admin.submit')}
                cancelText={t('admin.cancel')}
                onConfirm={() => act(async () => void (await api.setAccountStatus(account.id, 'disable')))}
              >
                <Button size="small" danger>
                  {t('admin.accounts.disable')}
                </Button>
              </Popconfirm>
            )
          ) : (
            <Button
              size="small"
              onClick={() => act(async () => void (await api.setAccountStatus(account.id, 'enable')))}
            >
              {t('admin.accounts.enable')}
            </Button>
          )}
          <Popconfirm
            title={t('admin.accounts.confirmReset', { username: account.username })}
            okText={t('admin.submit')}
            cancelText={t('admin.cancel')}
            onConfirm={() =>
              act(async () => {
                const reset = await api.resetPassword(account.id);
                setShown({
                  title: t('admin.accounts.reset', { username: account.username }),
                  secret: reset.temporaryPassword,
                });
              })
            }
          >
            <Button size="small">{t('admin.accounts.resetPassword')}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <div className="admin-page">
      <Space className="admin-page-head">
        <Typography.Title level={1}>{t('admin.accounts.title')}</Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)} disabled={organizations.state !== 'ok'}>
          {t('admin.accounts.create')}
        </Button>
      </Space>
      {problem && <Alert type="error" showIcon title={problem} className="form-alert" role="alert" />}
      <RemoteView remote={accounts} title={t('admin.accounts.title')} rows={6}>
        {(data) => (
          <Table<Account> rowKey="id" columns={columns} dataSource={data} scroll={{ x: 'max-content' }} />
        )}
      </RemoteView>
      <CreateAccountModal
        open={creating}
        organizations={organizations.state === 'ok' ? organizations.data : []}
        items={catalog.state === 'ok' ? catalog.data : []}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          setShown({
            title: t('admin.accounts.created', { username: created.account.username }),
            secret: created.temporaryPassword,
          });
          accounts.retry();
        }}
      />
      <ShownOnce
        title={shown?.title ?? ''}
        label={t('admin.accounts.temporaryPassword')}
        secret={shown?.secret ?? null}
        onClose={() => setShown(null)}
      />
    </div>
  );
}
