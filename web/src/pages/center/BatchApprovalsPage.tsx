import { Button, Card, Checkbox, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import {
  api,
  type BatchAccessBasis,
  type BatchApprovalInput,
  type BatchApprovals,
  disclosureAttributes,
} from '../../api.ts';
import { codeLabel } from '../../components/display.ts';
import { OrganizationField } from '../../components/OrganizationField.tsx';
import { RefusalAlert } from '../../components/RefusalAlert.tsx';
import { RemoteView } from '../../components/RemoteView.tsx';
import { RequiredText, useRequiredRule } from '../../components/RequiredText.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { usePageTitle } from '../../page-title.ts';
import { usePlatform } from '../../platform.tsx';
import { useRemote } from '../../use-remote.ts';
import { coverageText } from './batch-coverage.ts';

/** The page's words for what the city's batch access rests on: XM's approval, NT's sharing agreement. */
const WORDS = {
  APPROVAL: {
    title: 'batchApproval.title',
    intro: 'batchApproval.intro',
    recordTitle: 'batchApproval.recordTitle',
    approvalId: 'batchApproval.approvalId',
    party: 'batchApproval.agency',
    scope: 'batchApproval.scope',
    recorded: 'batchApproval.recorded',
  },
  AGREEMENT: {
    title: 'sharingAgreement.title',
    intro: 'sharingAgreement.intro',
    recordTitle: 'sharingAgreement.recordTitle',
    approvalId: 'sharingAgreement.approvalId',
    party: 'sharingAgreement.party',
    scope: 'sharingAgreement.scope',
    recorded: 'sharingAgreement.recorded',
  },
} as const satisfies Record<BatchAccessBasis, Record<string, MessageKey>>;

const loadTerms = (signal: AbortSignal) => api.batchApprovals(signal);
const loadCatalog = (signal: AbortSignal) => api.catalog(signal);

type ApprovalValues = Omit<BatchApprovalInput, 'items'> & { items?: string[] };

/**
 * 000 第二十一条 ¶2: 经市社会信用主管部门同意; 004 第二十三条: 信息共享机制 — number, party, scope, the attributes
 * and items covered, validity and security conditions (R98, R100).
 */
function ApprovalForm({
  today,
  terms,
  onRecorded,
}: {
  today: string;
  terms: BatchApprovals;
  onRecorded(): void;
}) {
  const { t } = useI18n();
  const words = WORDS[terms.basis];
  const [form] = Form.useForm<ApprovalValues>();
  const catalog = useRemote(loadCatalog);
  const chosen = Form.useWatch('attributes', form) ?? [];
  const recording = useAction(async (values: ApprovalValues) => {
    await api.approveBatchAccess({
      approvalId: values.approvalId.trim(),
      organizationCode: values.organizationCode.trim(),
      scope: values.scope.trim(),
      attributes: values.attributes,
      items: values.items && values.items.length > 0 ? values.items : null,
      validFrom: values.validFrom,
      validUntil: values.validUntil,
      securityConditions: values.securityConditions.trim(),
    });
    form.resetFields();
    onRecorded();
  });
  const required = useRequiredRule();
  // What every party the city shares with may see: the default a grant covers.
  const common = disclosureAttributes.filter((a) => terms.parties.every((p) => p.attributes.includes(a)));
  const offered = disclosureAttributes.filter((a) => terms.parties.some((p) => p.attributes.includes(a)));
  const [onlyKind] = terms.organizationKinds;
  return (
    <Card title={<h2 className="card-title">{t(words.recordTitle)}</h2>}>
      <Typography.Paragraph type="secondary">
        {t('batchApproval.parties', {
          parties: terms.parties.map((p) => codeLabel(t, 'batchParty', p.party)).join('、'),
        })}
      </Typography.Paragraph>
      <Form<ApprovalValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="batch-approval-form"
        initialValues={{ validFrom: today, attributes: common }}
        onFinish={(values) => void recording.run(values)}
      >
        <RequiredText name="approvalId" label={t(words.approvalId)} maxLength={60} />
        <OrganizationField
          name="organizationCode"
          label={t(words.party)}
          kind={terms.organizationKinds.length === 1 ? onlyKind : undefined}
        />
        <RequiredText name="scope" label={t(words.scope)} maxLength={500} multiline />
        <Form.Item
          name="attributes"
          label={t('batchApproval.attributes')}
          extra={t('batchApproval.attributesHelp')}
          rules={[{ required: true, type: 'array', min: 1, message: t('admin.required') }]}
        >
          <Checkbox.Group
            options={offered.map((a) => ({ value: a, label: codeLabel(t, 'disclosure', a) }))}
          />
        </Form.Item>
        <Form.Item name="items" label={t('batchApproval.items')} extra={t('batchApproval.itemsHelp')}>
          <Select
            mode="multiple"
            allowClear
            className="batch-approval-items"
            loading={catalog.state === 'loading'}
            optionFilterProp="label"
            options={(catalog.state === 'ok' ? catalog.data : [])
              .filter((item) => item.disclosure !== null && chosen.includes(item.disclosure))
              .map((item) => ({ value: item.code, label: `${item.name}（${item.code}）` }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="validFrom" label={t('batchApproval.validFrom')} rules={required}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="validUntil" label={t('batchApproval.validUntil')} rules={required}>
            <Input type="date" />
          </Form.Item>
        </Space>
        <RequiredText
          name="securityConditions"
          label={t('batchApproval.securityConditions')}
          maxLength={1000}
          multiline
        />
        <Button type="primary" htmlType="submit" loading={recording.running}>
          {t('batchApproval.record')}
        </Button>
      </Form>
      {recording.refusal && (
        <RefusalAlert title={t('batchApproval.refused')} error={recording.refusal.error} />
      )}
    </Card>
  );
}

function RecordedApprovals({ terms }: { terms: BatchApprovals }) {
  const { t } = useI18n();
  const words = WORDS[terms.basis];
  type Row = BatchApprovals['approvals'][number];
  return (
    <section aria-labelledby="batch-approvals-recorded">
      <Typography.Title level={2} id="batch-approvals-recorded" className="card-title">
        {t(words.recorded)}
      </Typography.Title>
      <Table<Row>
        rowKey="approvalId"
        dataSource={terms.approvals}
        pagination={false}
        locale={{ emptyText: t('batchApproval.none') }}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'id', title: t(words.approvalId), dataIndex: 'approvalId' },
          {
            key: 'party',
            title: t(words.party),
            render: (_, a) =>
              a.organizationName ? `${a.organizationName}（${a.organizationCode}）` : a.organizationCode,
          },
          { key: 'scope', title: t(words.scope), dataIndex: 'scope', className: 'wrap-cell' },
          {
            key: 'coverage',
            title: t('batchApproval.coverage'),
            className: 'wrap-cell',
            render: (_, a) => coverageText(t, a),
          },
          {
            key: 'validity',
            title: t('batchApproval.validity'),
            render: (_, a) => t('dates.range', { from: a.validFrom, until: a.validUntil }),
          },
          {
            key: 'state',
            title: t('batchApproval.state'),
            render: (_, a) =>
              a.inForce ? (
                <Tag color="green">{t('batchApproval.inForce')}</Tag>
              ) : (
                <Tag>{t('batchApproval.notInForce')}</Tag>
              ),
          },
          {
            key: 'security',
            title: t('batchApproval.securityConditions'),
            dataIndex: 'securityConditions',
            className: 'wrap-cell',
          },
        ]}
      />
    </section>
  );
}

/**
 * 批量查询批准 / 信息共享协议: the center or the competent department records a party's batch access — XM's
 * approval of a credit service agency (000 第二十一条 ¶2; R98), NT's sharing agreement with a credit reporting
 * agency, a financial institution or an information user unit (004 第二十三条, 第二十四条; R100). Without one in
 * force the party's batches are refused.
 */
export function BatchApprovalsPage() {
  const { t } = useI18n();
  const { overview } = usePlatform();
  const terms = useRemote(loadTerms);
  const words = WORDS[terms.state === 'ok' ? terms.data.basis : 'APPROVAL'];
  usePageTitle(t(words.title));
  return (
    <div className="batch-approval-page">
      <Typography.Title level={1}>{t(words.title)}</Typography.Title>
      <Typography.Paragraph type="secondary">{t(words.intro)}</Typography.Paragraph>
      <RemoteView remote={terms} title={t(words.title)}>
        {(data) => (
          <Space orientation="vertical" size="large" className="full-width">
            <RemoteView remote={overview} title={t(words.recordTitle)}>
              {({ today }) => <ApprovalForm today={today} terms={data} onRecorded={terms.retry} />}
            </RemoteView>
            <RecordedApprovals terms={data} />
          </Space>
        )}
      </RemoteView>
    </div>
  );
}
