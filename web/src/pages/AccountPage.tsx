import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, type SessionInfo } from '../api.ts';
import { LoadError } from '../components/LoadError.tsx';
import { problemText } from '../components/problem-text.ts';
import { useI18n } from '../i18n/index.tsx';
import { usePageTitle } from '../page-title.ts';
import { usePlatform } from '../platform.tsx';
import { useRemote } from '../use-remote.ts';

const loadAccount = (signal: AbortSignal) => api.ownAccount(signal);

interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

function ChangePasswordForm({ onChanged }: { onChanged(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<PasswordChange>();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit({ currentPassword, newPassword }: PasswordChange) {
    setSaving(true);
    try {
      await api.changePassword({ currentPassword, newPassword });
      form.resetFields();
      setOutcome({ ok: true, text: t('account.passwordChanged') });
      onChanged();
    } catch (error) {
      setOutcome({ ok: false, text: problemText(t, error) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} className="narrow-form">
      {outcome && (
        <Alert
          type={outcome.ok ? 'success' : 'error'}
          showIcon
          title={outcome.text}
          className="form-alert"
          role="status"
        />
      )}
      <Form.Item
        name="currentPassword"
        label={t('account.currentPassword')}
        rules={[{ required: true, message: t('admin.required') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
        extra={t('account.newPasswordHelp')}
        rules={[{ required: true, message: t('admin.required') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('admin.required') },
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('account.passwordsDiffer'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('account.save')}
      </Button>
    </Form>
  );
}

/** One's own account: details, password change (forced while the password is temporary), open sessions. */
export function AccountPage() {
  const { t } = useI18n();
  const { session, refreshSession } = usePlatform();
  const account = useRemote(loadAccount);
  usePageTitle(t('account.title'));

  return (
    <div className="account-page">
      <Typography.Title level={1}>{t('account.title')}</Typography.Title>
      {session.passwordMustChange && (
        <Alert type="warning" showIcon title={t('account.mustChange')} className="form-alert" />
      )}
      <Space orientation="vertical" size="large" className="full-width">
        <Card title={<h2 className="card-title">{t('account.details')}</h2>}>
          {account.state === 'loading' && <Skeleton active />}
          {account.state === 'error' && (
            <LoadError title={t('account.details')} error={account.error} onRetry={account.retry} />
          )}
          {account.state === 'ok' && (
            <Descriptions
              column={1}
              bordered
              size="small"
              items={[
                { key: 'username', label: t('account.username'), children: account.data.account.username },
                { key: 'name', label: t('account.displayName'), children: account.data.account.displayName },
                { key: 'role', label: t('account.role'), children: t(`role.${account.data.account.role}`) },
                ...(account.data.account.organization
                  ? [
                      {
                        key: 'org',
                        label: t('account.organization'),
                        children: account.data.account.organization.name,
                      },
                    ]
                  : []),
                ...(account.data.account.subjectCode
                  ? [
                      {
                        key: 'subject',
                        label: t('account.subjectCode'),
                        children: account.data.account.subjectCode,
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </Card>
        <Card title={<h2 className="card-title">{t('account.changePassword')}</h2>}>
          <ChangePasswordForm
            onChanged={() => {
              void refreshSession();
              account.retry();
            }}
          />
        </Card>
        <Card title={<h2 className="card-title">{t('account.sessions')}</h2>}>
          {account.state === 'ok' && (
            <Table<SessionInfo>
              rowKey="id"
              pagination={false}
              dataSource={account.data.sessions}
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  key: 'created',
                  title: t('account.sessionStarted'),
                  dataIndex: 'createdAt',
                  render: (at: string, row) => (
                    <>
                      {new Date(at).toLocaleString()}{' '}
                      {row.current && <Tag color="blue">{t('account.currentSession')}</Tag>}
                    </>
                  ),
                },
                {
                  key: 'seen',
                  title: t('account.sessionLastSeen'),
                  dataIndex: 'lastSeenAt',
                  render: (at: string) => new Date(at).toLocaleString(),
                },
                {
                  key: 'terminal',
                  title: t('account.sessionTerminal'),
                  dataIndex: 'userAgent',
                  ellipsis: true,
                },
              ]}
            />
          )}
        </Card>
      </Space>
    </div>
  );
}
