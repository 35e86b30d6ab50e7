import {
  Alert,
  Button,
  Card,
  Form,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, type PublishedItemSummary, type SubjectAuthorization } from '../../api.ts';
import {
  AuthorizationTermsFields,
  type AuthorizationTermsValues,
  authorizationTerms,
} from '../../components/authorization/AuthorizationTerms.tsx';
import {
  authorizedItemsText,
  useAuthorizedItems,
  validityText,
} from '../../components/authorization/AuthorizedItems.tsx';
import { ThirdPartyChannelNote } from '../../components/authorization/ThirdPartyChannelNote.tsx';
import { codeLabel } from '../../components/display.ts';
import { RefusalAlert } from '../../components/RefusalAlert.tsx';
import { RemoteView } from '../../components/RemoteView.tsx';
import { RequiredText } from '../../components/RequiredText.tsx';
import { useAction } from '../../components/use-action.ts';
import { type Translate, useI18n } from '../../i18n/index.tsx';
import { usePlatform } from '../../platform.tsx';
import { useRemote } from '../../use-remote.ts';

const loadAuthorizations = (signal: AbortSignal) => api.ownAuthorizations(signal);

interface GrantValues extends AuthorizationTermsValues {
  granteeCode: string;
  granteeName: string;
}

/** A status's colour: in force, used up, withdrawn, or past its validity. */
const statusColor: Record<string, string> = {
  ACTIVE: 'green',
  CONSUMED: 'blue',
  REVOKED: 'red',
  EXPIRED: 'default',
};

/**
 * The status to show: the server's, except that an ACTIVE authorization past its last day — or, without a
 * validity, past the day it was given — can no longer be used and says so.
 */
function shownStatus(authorization: SubjectAuthorization, today: string | null): string {
  if (authorization.status !== 'ACTIVE' || today === null) return authorization.status;
  const lastDay = authorization.validUntil ?? authorization.validFrom;
  return today > lastDay ? 'EXPIRED' : 'ACTIVE';
}

/** 000 第十八条: the subject names the party, the agreed purpose, the items and the validity (R80). */
function GrantForm({ onGranted }: { onGranted(authorization: SubjectAuthorization): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<GrantValues>();
  const granting = useAction(async (values: GrantValues) => {
    const granted = await api.grantAuthorization({
      granteeCode: values.granteeCode.trim(),
      granteeName: values.granteeName.trim(),
      ...authorizationTerms(values),
    });
    form.resetFields();
    onGranted(granted);
  });
  return (
    <Card title={<h2 className="card-title">{t('authorization.grantTitle')}</h2>}>
      <Form<GrantValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="authorization-form"
        onFinish={(values) => void granting.run(values)}
      >
        <RequiredText name="granteeCode" label={t('authorization.granteeCode')} maxLength={40} />
        <RequiredText name="granteeName" label={t('authorization.granteeName')} maxLength={200} />
        <AuthorizationTermsFields />
        <Button type="primary" htmlType="submit" loading={granting.running}>
          {t('authorization.grant')}
        </Button>
      </Form>
      {granting.refusal && (
        <RefusalAlert title={t('authorization.grantFailed')} error={granting.refusal.error} />
      )}
    </Card>
  );
}

function columnsFor(
  t: Translate,
  items: readonly PublishedItemSummary[],
  today: string | null,
  revoke: { run(id: number): Promise<void>; running: boolean },
): TableColumnsType<SubjectAuthorization> {
  return [
    {
      key: 'grantee',
      title: t('authorization.grantee'),
      render: (_, a) => (
        <>
          <div>{a.granteeName}</div>
          <Typography.Text type="secondary">{a.granteeCode}</Typography.Text>
        </>
      ),
    },
    { key: 'purpose', title: t('authorization.purpose'), dataIndex: 'purpose', className: 'wrap-cell' },
    {
      key: 'items',
      title: t('authorization.items'),
      className: 'wrap-cell',
      render: (_, a) => authorizedItemsText(a.items, items, t('authorization.allItems')),
    },
    { key: 'validity', title: t('authorization.validity'), render: (_, a) => validityText(t, a) },
    {
      key: 'form',
      title: t('authorization.form'),
      render: (_, a) => codeLabel(t, 'authorizationForm', a.form),
    },
    {
      key: 'status',
      title: t('authorization.status'),
      render: (_, a) => {
        const status = shownStatus(a, today);
        return <Tag color={statusColor[status]}>{codeLabel(t, 'authorizationStatus', status)}</Tag>;
      },
    },
    {
      key: 'code',
      title: t('authorization.accessCode'),
      render: (_, a) =>
        a.form === 'ONLINE_CODE' && a.accessCode ? (
          <Typography.Text code copyable={{ text: a.accessCode }} className="access-code">
            {a.accessCode}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      key: 'actions',
      title: t('authorization.actions'),
      render: (_, a) =>
        a.status === 'ACTIVE' && (
          <Popconfirm
            title={t('authorization.revokeConfirm', { grantee: a.granteeName })}
            description={t('authorization.revokeEffect')}
            okText={t('authorization.revoke')}
            cancelText={t('admin.cancel')}
            okButtonProps={{ danger: true, loading: revoke.running }}
            onConfirm={() => revoke.run(a.authorizationId)}
          >
            <Button danger size="small">
              {t('authorization.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
}

/**
 * 我的授权: the verified subject authorizes a named party to query its non-public records and withdraws it
 * (000 第十八条; R80). Each online grant gives an access code the party presents where the city lets it.
 */
export function AuthorizationsTab() {
  const { t } = useI18n();
  const { overview } = usePlatform();
  const authorizations = useRemote(loadAuthorizations);
  const items = useAuthorizedItems();
  const [granted, setGranted] = useState<SubjectAuthorization | null>(null);
  const revoking = useAction(async (id: number) => {
    await api.revokeAuthorization(id);
    authorizations.retry();
  });
  const today = overview.state === 'ok' ? overview.data.today : null;
  return (
    <Space orientation="vertical" size="large" className="full-width">
      <Typography.Paragraph type="secondary">{t('authorization.intro')}</Typography.Paragraph>
      <ThirdPartyChannelNote />
      <GrantForm
        onGranted={(authorization) => {
          setGranted(authorization);
          authorizations.retry();
        }}
      />
      {granted && (
        <Alert
          type="success"
          showIcon
          role="status"
          className="form-alert"
          title={t('authorization.granted', { grantee: granted.granteeName })}
          description={granted.accessCode ? t('authorization.giveCode') : undefined}
        />
      )}
      {revoking.refusal && (
        <RefusalAlert title={t('authorization.revokeFailed')} error={revoking.refusal.error} />
      )}
      <Typography.Title level={2} className="card-title">
        {t('authorization.list')}
      </Typography.Title>
      <RemoteView remote={authorizations} title={t('authorization.list')} rows={4}>
        {(list) => (
          <Table<SubjectAuthorization>
            rowKey="authorizationId"
            columns={columnsFor(t, items, today, revoking)}
            dataSource={list}
            pagination={false}
            locale={{ emptyText: t('authorization.none') }}
            scroll={{ x: 'max-content' }}
          />
        )}
      </RemoteView>
    </Space>
  );
}
