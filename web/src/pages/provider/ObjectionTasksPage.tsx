import { Button, Form, Input, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { api, type ObjectionCase } from '../../api.ts';
import { codeOptions } from '../../components/display.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { ObjectionCaseTable, useOpenCases } from '../../components/objection/ObjectionCaseTable.tsx';
import { RemoteView } from '../../components/RemoteView.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { usePageTitle } from '../../page-title.ts';
import { useRemote } from '../../use-remote.ts';

interface AnswerValues {
  verdict: 'UPHELD' | 'REJECTED';
  opinion?: string;
  reasons?: string;
}

const loadTasks = (signal: AbortSignal) => api.providerObjections(signal);

/**
 * 异议核查: the objections forwarded to the provider, each with its due date; the provider returns an opinion to
 * correct, delete or supplement, or its reasons for not acting (000 第二十七条 ¶2; 003 第二十九条 ¶2;
 * 004 第三十二条 ¶2; R124, R128, R132).
 */
export function ObjectionTasksPage() {
  const { t } = useI18n();
  usePageTitle(t('objection.providerTitle'));
  const tasks = useRemote(loadTasks);
  const openCases = useOpenCases();
  const [form] = Form.useForm<AnswerValues>();
  const verdict = Form.useWatch('verdict', form);
  const [answering, setAnswering] = useState<ObjectionCase | null>(null);
  return (
    <div className="objection-tasks-page">
      <Typography.Title level={1}>{t('objection.providerTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('objection.providerIntro')}</Typography.Paragraph>
      <RemoteView remote={tasks} title={t('objection.providerTitle')}>
        {(rows) => (
          <ObjectionCaseTable
            openCases={openCases}
            cases={rows}
            actions={(row) =>
              row.status === 'FORWARDED' && (
                <Button size="small" type="primary" onClick={() => setAnswering(row)}>
                  {t('objection.answer')}
                </Button>
              )
            }
          />
        )}
      </RemoteView>
      <FormModal<AnswerValues>
        open={answering !== null}
        title={answering ? `${t('objection.answer')} ${answering.caseNumber}` : ''}
        form={form}
        onClose={() => setAnswering(null)}
        submit={async (values) => {
          if (!answering) return;
          await api.answerObjection(answering.caseNumber, values);
          setAnswering(null);
          tasks.retry();
        }}
      >
        <Form.Item
          name="verdict"
          label={t('objection.verdict')}
          rules={[{ required: true, message: t('admin.required') }]}
        >
          <Radio.Group options={codeOptions(t, 'objectionVerdict')} />
        </Form.Item>
        {verdict === 'UPHELD' && (
          <Form.Item
            name="opinion"
            label={t('objection.opinion')}
            rules={[{ required: true, message: t('admin.required') }]}
          >
            <Select options={codeOptions(t, 'objectionOpinion')} />
          </Form.Item>
        )}
        <Form.Item
          name="reasons"
          label={t('objection.reason')}
          rules={verdict === 'REJECTED' ? [{ required: true, message: t('admin.required') }] : []}
        >
          <Input.TextArea maxLength={2000} rows={3} />
        </Form.Item>
      </FormModal>
    </div>
  );
}
