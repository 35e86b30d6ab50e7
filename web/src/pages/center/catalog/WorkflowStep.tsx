import { Alert, Button, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { api, type CatalogTransition, type ManagedItem } from '../../../api.ts';
import { codeLabel } from '../../../components/display.ts';
import { RefusalAlert } from '../../../components/RefusalAlert.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/index.tsx';

interface StepForm {
  date?: string;
  reference?: string;
}

function transition(step: string, values: StepForm): CatalogTransition | null {
  const reference = values.reference?.trim() || undefined;
  if (step === 'PUBLIC_CONSULTATION' && values.date) return { to: step, closesOn: values.date, reference };
  if (step === 'MUNICIPAL_GOVERNMENT_APPROVED' && values.date)
    return { to: step, approvedOn: values.date, reference };
  if (step === 'PUBLISHED') return { to: step, reference };
  return null;
}

/**
 * The next step of the item's pending version in the city's workflow (R10): what blocks it today, the date
 * the step needs, and the server's refusal when it still says no.
 */
export function WorkflowStep({ item, onChanged }: { item: ManagedItem; onChanged(item: ManagedItem): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<StepForm>();
  const pending = item.pending;
  const step = pending?.nextStep ?? null;
  const send = useAction(async (values: StepForm) => {
    const request = step ? transition(step, values) : null;
    if (!request) return;
    onChanged(await api.advanceCatalogItem(item.code, request));
    form.resetFields();
  });
  if (!pending) return null;
  const latest = item.versions.find((v) => v.version === pending.version);

  const dateLabel =
    step === 'PUBLIC_CONSULTATION'
      ? t('catalog.closesOn')
      : step === 'MUNICIPAL_GOVERNMENT_APPROVED'
        ? t('catalog.approvedOn')
        : null;
  const stepLabel = step ? codeLabel(t, 'catalogStep', step) : '';
  return (
    <section aria-label={t('catalog.workflow')}>
      <Typography.Paragraph>
        {t('catalog.pendingVersion', {
          version: pending.version,
          status: latest ? codeLabel(t, 'catalogStatus', latest.status) : '—',
          next: step ? codeLabel(t, 'catalogStatus', step) : '—',
        })}
      </Typography.Paragraph>
      {pending.problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={t('catalog.blockers')}
          description={
            <ul className="refusal-reasons">
              {pending.problems.map((problem) => (
                <li key={`${problem.code}-${problem.path}`}>
                  {problem.zh}
                  <Typography.Text type="secondary">（{problem.source}）</Typography.Text>
                </li>
              ))}
            </ul>
          }
        />
      )}
      {step && (
        <Form<StepForm> form={form} layout="inline" onFinish={send.run} className="workflow-step">
          {dateLabel && (
            <Form.Item
              name="date"
              label={dateLabel}
              rules={[{ required: true, message: t('admin.required') }]}
            >
              <Input type="date" />
            </Form.Item>
          )}
          <Form.Item name="reference" label={t('catalog.reference')}>
            <Input placeholder={t('catalog.referenceHelp')} />
          </Form.Item>
          <Space>
            {step === 'PUBLISHED' ? (
              <Popconfirm
                title={t('catalog.confirmPublish', { name: item.name })}
                okText={t('admin.submit')}
                cancelText={t('admin.cancel')}
                onConfirm={() => form.submit()}
              >
                <Button type="primary" loading={send.running}>
                  {stepLabel}
                </Button>
              </Popconfirm>
            ) : (
              <Button type="primary" htmlType="submit" loading={send.running}>
                {stepLabel}
              </Button>
            )}
          </Space>
        </Form>
      )}
      {send.refusal && (
        <RefusalAlert title={t('catalog.stepRefused', { step: stepLabel })} error={send.refusal.error} />
      )}
    </section>
  );
}
