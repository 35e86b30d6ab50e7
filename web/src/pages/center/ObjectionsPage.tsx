import { Button, Form, Input, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, type ObjectionCase } from '../../api.ts';
import { codeLabel, codeOptions } from '../../components/display.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { ObjectionCaseTable, useOpenCases } from '../../components/objection/ObjectionCaseTable.tsx';
import { RemoteView } from '../../components/RemoteView.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { usePageTitle } from '../../page-title.ts';
import { useRemote } from '../../use-remote.ts';

type Step = 'accept' | 'decline' | 'forward' | 'close';

interface StepValues {
  reason?: string;
  comparison?: string;
  outcome?: string;
}

const STATUSES = ['RECEIVED', 'ACCEPTED', 'FORWARDED', 'VERIFIED', 'CLOSED', 'NOT_ACCEPTED'];

/** What the desk may do with a case in its status; the server decides the rest (e.g. WH closing unforwarded). */
const STEPS_BY_STATUS: Record<string, Step[]> = {
  RECEIVED: ['accept', 'decline'],
  ACCEPTED: ['forward', 'close'],
  VERIFIED: ['close'],
};

const STEP_LABEL = {
  accept: 'objection.accept',
  decline: 'objection.decline',
  forward: 'objection.forward',
  close: 'objection.close',
} as const;

function send(caseNumber: string, step: Step, values: StepValues): Promise<unknown> {
  switch (step) {
    case 'accept':
      return api.acceptObjection(caseNumber, { decision: 'ACCEPT' });
    case 'decline':
      return api.acceptObjection(caseNumber, { decision: 'DECLINE', reason: values.reason ?? '' });
    case 'forward':
      return api.forwardObjection(caseNumber, values.comparison ?? null);
    case 'close':
      return api.closeObjection(caseNumber, { outcome: values.outcome ?? null, reasons: values.reason });
  }
}

/**
 * 异议处理: the center's objection desk (000 第二十七条; 003 第二十八条; 004 第三十二条): accept or decline, compare
 * and forward to the provider, close with the outcome; every case with its current step's due date (R6).
 */
export function ObjectionsPage() {
  const { t } = useI18n();
  usePageTitle(t('objection.centerTitle'));
  const [status, setStatus] = useState<string | undefined>();
  const load = useMemo(() => (signal: AbortSignal) => api.objections(status, signal), [status]);
  const cases = useRemote(load);
  const openCases = useOpenCases();
  const [form] = Form.useForm<StepValues>();
  const [open, setOpen] = useState<{ row: ObjectionCase; step: Step } | null>(null);
  return (
    <div className="objections-page">
      <Typography.Title level={1}>{t('objection.centerTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('objection.centerIntro')}</Typography.Paragraph>
      <Select
        allowClear
        placeholder={t('objection.allStatuses')}
        aria-label={t('objection.status')}
        value={status}
        onChange={setStatus}
        options={STATUSES.map((s) => ({ value: s, label: codeLabel(t, 'objectionStatus', s) }))}
        className="objection-status-filter"
      />
      <RemoteView remote={cases} title={t('objection.centerTitle')}>
        {(rows) => (
          <ObjectionCaseTable
            openCases={openCases}
            cases={rows}
            actions={(row) => (
              <Space>
                {(STEPS_BY_STATUS[row.status] ?? []).map((step) => (
                  <Button key={step} size="small" onClick={() => setOpen({ row, step })}>
                    {t(STEP_LABEL[step])}
                  </Button>
                ))}
              </Space>
            )}
          />
        )}
      </RemoteView>
      <FormModal<StepValues>
        open={open !== null}
        title={open ? `${t(STEP_LABEL[open.step])} ${open.row.caseNumber}` : ''}
        form={form}
        onClose={() => setOpen(null)}
        submit={async (values) => {
          if (!open) return;
          await send(open.row.caseNumber, open.step, values);
          setOpen(null);
          cases.retry();
        }}
      >
        {open?.step === 'accept' && <Typography.Paragraph>{t('objection.acceptHelp')}</Typography.Paragraph>}
        {open?.step === 'forward' && (
          <Form.Item
            name="comparison"
            label={t('objection.comparison')}
            extra={t('objection.comparisonHelp')}
          >
            <Select allowClear options={codeOptions(t, 'objectionComparison')} />
          </Form.Item>
        )}
        {open?.step === 'close' && (
          <Form.Item name="outcome" label={t('objection.outcome')} extra={t('objection.outcomeHelp')}>
            <Select allowClear options={codeOptions(t, 'objectionOutcome')} />
          </Form.Item>
        )}
        {(open?.step === 'decline' || open?.step === 'close') && (
          <Form.Item
            name="reason"
            label={t('objection.reason')}
            extra={open.step === 'close' ? t('objection.reasonsHelp') : undefined}
            rules={open.step === 'decline' ? [{ required: true, message: t('admin.required') }] : []}
          >
            <Input.TextArea maxLength={2000} rows={3} />
          </Form.Item>
        )}
      </FormModal>
    </div>
  );
}
