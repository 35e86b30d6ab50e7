import { Button, Card, Form, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, type BatchApproval } from '../../api.ts';
import { OrganizationField } from '../../components/OrganizationField.tsx';
import { RefusalAlert } from '../../components/RefusalAlert.tsx';
import { RemoteView } from '../../components/RemoteView.tsx';
import { RequiredText, useRequiredRule } from '../../components/RequiredText.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/index.tsx';
import { usePageTitle } from '../../page-title.ts';
import { usePlatform } from '../../platform.tsx';

/** 000 第二十一条 ¶2: 经市社会信用主管部门同意 — number, agency, scope, validity and security conditions (R98). */
function ApprovalForm({ today, onRecorded }: { today: string; onRecorded(approval: BatchApproval): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<BatchApproval>();
  const recording = useAction(async (values: BatchApproval) => {
    const approval = await api.approveBatchAccess({
      approvalId: values.approvalId.trim(),
      organizationCode: values.organizationCode.trim(),
      scope: values.scope.trim(),
      validFrom: values.validFrom,
      validUntil: values.validUntil,
      securityConditions: values.securityConditions.trim(),
    });
    form.resetFields();
    onRecorded(approval);
  });
  const required = useRequiredRule();
  return (
    <Card title={<h2 className="card-title">{t('batchApproval.recordTitle')}</h2>}>
      <Form<BatchApproval>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="batch-approval-form"
        initialValues={{ validFrom: today }}
        onFinish={(values) => void recording.run(values)}
      >
        <RequiredText name="approvalId" label={t('batchApproval.approvalId')} maxLength={60} />
        <OrganizationField
          name="organizationCode"
          label={t('batchApproval.agency')}
          kind="credit_service_agency"
        />
        <RequiredText name="scope" label={t('batchApproval.scope')} maxLength={500} multiline />
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

/**
 * 批量查询批准: the center or the competent department records an agency's approval for batch queries
 * (000 第二十一条 ¶2; R98); without one in force the agency's batches are refused.
 */
export function BatchApprovalsPage() {
  const { t } = useI18n();
  const { overview } = usePlatform();
  usePageTitle(t('batchApproval.title'));
  // The server lists no approvals: the page shows those recorded while it is open.
  const [recorded, setRecorded] = useState<BatchApproval[]>([]);
  return (
    <div className="batch-approval-page">
      <Typography.Title level={1}>{t('batchApproval.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('batchApproval.intro')}</Typography.Paragraph>
      <Space orientation="vertical" size="large" className="full-width">
        <RemoteView remote={overview} title={t('batchApproval.recordTitle')}>
          {({ today }) => (
            <ApprovalForm
              today={today}
              onRecorded={(approval) => setRecorded((list) => [approval, ...list])}
            />
          )}
        </RemoteView>
        {recorded.length > 0 && (
          <section aria-labelledby="batch-approvals-recorded">
            <Typography.Title level={2} id="batch-approvals-recorded" className="card-title">
              {t('batchApproval.recorded')}
            </Typography.Title>
            <Table<BatchApproval>
              rowKey="approvalId"
              dataSource={recorded}
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={[
                { key: 'id', title: t('batchApproval.approvalId'), dataIndex: 'approvalId' },
                { key: 'agency', title: t('batchApproval.agency'), dataIndex: 'organizationCode' },
                { key: 'scope', title: t('batchApproval.scope'), dataIndex: 'scope', className: 'wrap-cell' },
                {
                  key: 'validity',
                  title: t('batchApproval.validity'),
                  render: (_, a) => t('dates.range', { from: a.validFrom, until: a.validUntil }),
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
        )}
      </Space>
    </div>
  );
}
