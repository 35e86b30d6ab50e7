import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  List,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useNavigate } from 'react-router-dom';
import {
  type AccountRole,
  type ApiClient,
  api,
  isSubjectKind,
  type OwnOrganization,
  type OwnSubject,
} from '../api.ts';
import { LoadError } from '../components/LoadError.tsx';
import { RemoteView } from '../components/RemoteView.tsx';
import { type Translate, useI18n } from '../i18n/index.tsx';
import type { MessageKey } from '../i18n/zh-CN.ts';
import { usePageTitle } from '../page-title.ts';
import { usePlatform } from '../platform.tsx';
import { useRemote } from '../use-remote.ts';

const loadAlerts = (signal: AbortSignal) => api.adminAlerts(signal);
const loadOrganization = (signal: AbortSignal) => api.ownOrganization(signal);
const loadSubject = (signal: AbortSignal) => api.ownSubject(signal);

function AlertsCard() {
  const { t, locale } = useI18n();
  const alerts = useRemote(loadAlerts);
  return (
    <Card title={<h2 className="card-title">{t('workspace.alerts')}</h2>}>
      {alerts.state === 'loading' && <Skeleton active />}
      {alerts.state === 'error' && (
        <LoadError title={t('workspace.alerts')} error={alerts.error} onRetry={alerts.retry} />
      )}
      {alerts.state === 'ok' &&
        (alerts.data.length === 0 ? (
          <Empty description={t('workspace.noAlerts')} />
        ) : (
          <List
            dataSource={alerts.data}
            renderItem={(alert) => (
              <List.Item key={alert.code}>
                <Alert
                  type="warning"
                  showIcon
                  title={locale === 'zh-CN' ? alert.zh : alert.en}
                  description={alert.code}
                />
              </List.Item>
            )}
          />
        ))}
    </Card>
  );
}

export function scopeLabel(t: Translate, scope: string): string {
  const key = `scope.${scope}` as MessageKey;
  return key === 'scope.organization.self.read' || key === 'scope.alerts.read' ? t(key) : scope;
}

function ClientTable({ clients }: { clients: ApiClient[] }) {
  const { t } = useI18n();
  if (clients.length === 0) return <Empty description={t('workspace.noApiClients')} />;
  return (
    <Table<ApiClient>
      rowKey="clientId"
      pagination={false}
      dataSource={clients}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'name', title: t('admin.clients.name'), dataIndex: 'name' },
        { key: 'clientId', title: t('admin.clients.clientId'), dataIndex: 'clientId' },
        {
          key: 'scopes',
          title: t('admin.clients.scopes'),
          dataIndex: 'scopes',
          render: (scopes: string[]) => scopes.map((s) => <Tag key={s}>{scopeLabel(t, s)}</Tag>),
        },
        {
          key: 'status',
          title: t('admin.accounts.status'),
          dataIndex: 'status',
          render: (status: ApiClient['status']) => (
            <Tag color={status === 'active' ? 'green' : 'default'}>{t(`admin.clients.${status}`)}</Tag>
          ),
        },
      ]}
    />
  );
}

function OrganizationCard() {
  const { t } = useI18n();
  const organization = useRemote(loadOrganization);
  return (
    <Card title={<h2 className="card-title">{t('workspace.organization')}</h2>}>
      {organization.state === 'loading' && <Skeleton active />}
      {organization.state === 'error' && (
        <LoadError
          title={t('workspace.organization')}
          error={organization.error}
          onRetry={organization.retry}
        />
      )}
      {organization.state === 'ok' && <OrganizationDetails organization={organization.data} />}
    </Card>
  );
}

function OrganizationDetails({ organization }: { organization: OwnOrganization }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size="large" className="full-width">
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'name', label: t('subject.name'), children: organization.name },
          { key: 'code', label: t('workspace.organizationCode'), children: organization.code },
          {
            key: 'provider',
            label: t('workspace.isProvider'),
            children: organization.isProvider ? t('workspace.yes') : t('workspace.no'),
          },
        ]}
      />
      <div>
        <Typography.Title level={3} className="card-subtitle">
          {t('workspace.apiClients')}
        </Typography.Title>
        <ClientTable clients={organization.apiClients} />
      </div>
    </Space>
  );
}

function SubjectDetails({ subject }: { subject: OwnSubject }) {
  const { t } = useI18n();
  return (
    <Descriptions
      column={1}
      bordered
      size="small"
      items={[
        { key: 'name', label: t('workspace.subjectName'), children: subject.name },
        { key: 'code', label: t('workspace.subjectCode'), children: subject.code },
        {
          key: 'kind',
          label: t('workspace.subjectKind'),
          children: isSubjectKind(subject.kind) ? t(`kind.${subject.kind}`) : subject.kind,
        },
        {
          key: 'division',
          label: t('workspace.subjectDivision'),
          children: subject.division.name ?? subject.division.code,
        },
        ...(subject.registeredOn
          ? [{ key: 'registered', label: t('workspace.registeredOn'), children: subject.registeredOn }]
          : []),
        ...(subject.legalRepresentative
          ? [{ key: 'lr', label: t('workspace.legalRepresentative'), children: subject.legalRepresentative }]
          : []),
        {
          key: 'verifiedAt',
          label: t('workspace.verifiedAt'),
          children: new Date(subject.verifiedAt).toLocaleString(),
        },
      ]}
    />
  );
}

function VerifiedSubjectCard() {
  const { t } = useI18n();
  const subject = useRemote(loadSubject);
  return (
    <Card title={<h2 className="card-title">{t('workspace.subjectInfo')}</h2>}>
      <RemoteView remote={subject} title={t('workspace.subjectInfo')}>
        {(data) => <SubjectDetails subject={data} />}
      </RemoteView>
    </Card>
  );
}

function SubjectWorkspace() {
  const { t } = useI18n();
  const { session } = usePlatform();
  const navigate = useNavigate();
  const verified = session.realName?.verified === true;
  return (
    <Space orientation="vertical" size="large" className="full-width">
      <Card title={<h2 className="card-title">{t('workspace.realName')}</h2>}>
        {verified ? (
          <Alert
            type="success"
            showIcon
            title={t('workspace.verified', { method: session.realName?.method ?? '' })}
          />
        ) : (
          <Alert
            type="info"
            showIcon
            title={t('workspace.notVerified')}
            action={
              <Button type="primary" onClick={() => navigate('/verify')}>
                {t('workspace.verifyNow')}
              </Button>
            }
          />
        )}
      </Card>
      {verified && <VerifiedSubjectCard />}
    </Space>
  );
}

const roleIntro: Record<AccountRole, MessageKey> = {
  subject: 'workspace.roleIntro.subject',
  provider: 'workspace.roleIntro.provider',
  gov: 'workspace.roleIntro.gov',
  agency: 'workspace.roleIntro.agency',
  center_admin: 'workspace.roleIntro.center_admin',
  center_staff: 'workspace.roleIntro.center_staff',
  archive: 'workspace.roleIntro.archive',
  competent: 'workspace.roleIntro.competent',
};

/** Each role's own home page after sign-in: what it can already do, with its data. */
export function WorkspacePage() {
  const { t } = useI18n();
  const { role, displayName, can } = usePlatform();
  const navigate = useNavigate();
  usePageTitle(t('workspace.title'));
  if (role === 'public') return null;
  return (
    <div className="workspace">
      <Typography.Title level={1}>{t('workspace.welcome', { name: displayName ?? '' })}</Typography.Title>
      <Typography.Paragraph>
        <Tag color="blue">{t(`role.${role}`)}</Tag> {t(roleIntro[role])}
      </Typography.Paragraph>
      {can('accounts.manage') && (
        <Space className="workspace-actions">
          <Button onClick={() => navigate('/admin/accounts')}>{t('workspace.goAccounts')}</Button>
          <Button onClick={() => navigate('/admin/api-clients')}>{t('workspace.goApiClients')}</Button>
        </Space>
      )}
      <Space orientation="vertical" size="large" className="full-width">
        {can('alerts.read') && <AlertsCard />}
        {role === 'subject' ? <SubjectWorkspace /> : can('organization.self.read') && <OrganizationCard />}
      </Space>
    </div>
  );
}
