import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { api, type BatchAccess, type BatchAccessBasis, type BatchQuery } from '../../api.ts';
import { codeLabel, formatTime } from '../../components/display.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { serverMessage } from '../../components/problem-text.ts';
import { RefusalAlert } from '../../components/RefusalAlert.tsx';
import { RemoteView } from '../../components/RemoteView.tsx';
import { RequiredText } from '../../components/RequiredText.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { usePageTitle } from '../../page-title.ts';
import { usePlatform } from '../../platform.tsx';
import { useRemote } from '../../use-remote.ts';
import { coverageText } from '../center/batch-coverage.ts';
import { listedCodes } from './listed-codes.ts';
import { useSessionBatches } from './use-session-batches.ts';

/** The page's words for what the party's batches rest on: XM's approval, NT's sharing agreement. */
const WORDS = {
  APPROVAL: { title: 'batchQuery.title', intro: 'batchQuery.intro', access: 'batchQuery.accessTitle' },
  AGREEMENT: {
    title: 'sharingAgreement.batchTitle',
    intro: 'sharingAgreement.batchIntro',
    access: 'sharingAgreement.accessTitle',
  },
} as const satisfies Record<BatchAccessBasis, Record<string, MessageKey>>;

const loadAccess = (signal: AbortSignal) => api.batchAccess(signal);

/** The party's approval or agreement in force and what it covers, or why a batch would be refused today. */
function AccessSummary({ access }: { access: BatchAccess }) {
  const { t, locale } = useI18n();
  const { approval, refusal } = access;
  if (refusal || !approval) {
    return (
      <Alert
        type="warning"
        showIcon
        className="batch-access"
        title={t('batchQuery.accessNone')}
        description={refusal ? serverMessage(refusal.message, locale) : null}
      />
    );
  }
  return (
    <Alert
      type="success"
      showIcon
      className="batch-access"
      title={t(WORDS[access.basis].access)}
      description={t('batchQuery.accessInForce', {
        id: approval.approvalId,
        from: approval.validFrom,
        until: approval.validUntil,
        coverage: coverageText(t, approval),
      })}
    />
  );
}

/** A list of codes as a file: plain text one a line, or a CSV whose first column holds them. */
const LIST_FILES = '.csv,.txt,text/csv,text/plain';

interface BatchValues {
  purpose: string;
  codes: string;
}

/** The purpose and the subjects; a file is read here, in the browser, into the list to check before sending. */
function SubmitForm({
  onSubmitted,
  onAttempted,
}: {
  onSubmitted(batch: BatchQuery): void;
  /** After every attempt, accepted or refused: the party's access may have changed meanwhile. */
  onAttempted(): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<BatchValues>();
  const codes = listedCodes(Form.useWatch('codes', form) ?? '');
  const submitting = useAction(async (values: BatchValues) => {
    const batch = await api.submitBatchQuery({
      purpose: values.purpose.trim(),
      codes: listedCodes(values.codes),
    });
    form.resetFields();
    onSubmitted(batch);
  });
  const reading = useAction(async (file: File) => {
    form.setFieldValue('codes', listedCodes(await file.text(), { header: 'skip' }).join('\n'));
    await form.validateFields(['codes']);
  });
  return (
    <Card title={<h2 className="card-title">{t('batchQuery.submitTitle')}</h2>}>
      <Form<BatchValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="batch-query-form"
        onFinish={(values) => void submitting.run(values).then(onAttempted)}
      >
        <RequiredText name="purpose" label={t('batchQuery.purpose')} maxLength={500} multiline />
        <Form.Item
          name="codes"
          label={t('batchQuery.codes')}
          extra={t('batchQuery.codesCount', { count: codes.length })}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                listedCodes(value ?? '').length > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('admin.required'))),
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 16 }} className="batch-codes" spellCheck={false} />
        </Form.Item>
        <Space wrap>
          <Upload
            accept={LIST_FILES}
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              void reading.run(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={reading.running}>
              {t('batchQuery.readFile')}
            </Button>
          </Upload>
          <Button type="primary" htmlType="submit" loading={submitting.running}>
            {t('batchQuery.submit')}
          </Button>
        </Space>
      </Form>
      {submitting.refusal && (
        <RefusalAlert title={t('batchQuery.refused')} error={submitting.refusal.error} />
      )}
    </Card>
  );
}

function BatchProgress({ batch }: { batch: BatchQuery }) {
  const { t } = useI18n();
  const percent = batch.total === 0 ? 100 : Math.floor((batch.done / batch.total) * 100);
  return (
    <div className="batch-progress">
      <Progress
        percent={percent}
        status={batch.status === 'DONE' ? 'success' : 'active'}
        aria-label={t('batchQuery.progressOf', { batch: batch.batchId })}
      />
      <Typography.Text type="secondary">
        {t('batchQuery.doneOfTotal', { done: batch.done, total: batch.total })}
      </Typography.Text>
    </div>
  );
}

/**
 * 批量查询 (000 第二十一条 ¶2; R98, R99) / 信息批量交换 (004 第二十三条, 第二十四条; R100): a party holding the
 * competent department's approval or a sharing agreement sends a list of subjects with its purpose; each is
 * answered in the background as an individual, logged query within what the grant covers, and the results
 * come as one CSV file.
 */
export function BatchQueryPage() {
  const { t, locale } = useI18n();
  const { session } = usePlatform();
  const access = useRemote(loadAccess);
  const words = WORDS[access.state === 'ok' ? access.data.basis : 'APPROVAL'];
  usePageTitle(t(words.title));
  const { batches, add, problem, retry } = useSessionBatches(session.username ?? '');
  return (
    <div className="batch-query-page">
      <Typography.Title level={1}>{t(words.title)}</Typography.Title>
      <Typography.Paragraph type="secondary">{t(words.intro)}</Typography.Paragraph>
      <Space orientation="vertical" size="large" className="full-width">
        <RemoteView remote={access} title={t(words.access)} rows={1}>
          {(data) => <AccessSummary access={data} />}
        </RemoteView>
        <SubmitForm onSubmitted={add} onAttempted={access.retry} />
        <section aria-labelledby="batch-query-list">
          <Typography.Title level={2} id="batch-query-list" className="card-title">
            {t('batchQuery.list')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('batchQuery.listScope')}</Typography.Paragraph>
          {problem && <LoadError title={t('batchQuery.list')} error={problem} onRetry={retry} />}
          <Table<BatchQuery>
            rowKey="batchId"
            dataSource={batches}
            pagination={false}
            locale={{ emptyText: t('batchQuery.none') }}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'id', title: t('batchQuery.batchId'), dataIndex: 'batchId' },
              {
                key: 'purpose',
                title: t('batchQuery.purpose'),
                dataIndex: 'purpose',
                className: 'wrap-cell',
              },
              {
                key: 'created',
                title: t('batchQuery.createdAt'),
                render: (_, batch) => formatTime(batch.createdAt, locale),
              },
              {
                key: 'status',
                title: t('batchQuery.status'),
                render: (_, batch) => (
                  <Tag color={batch.status === 'DONE' ? 'green' : 'processing'}>
                    {codeLabel(t, 'batchQueryStatus', batch.status)}
                  </Tag>
                ),
              },
              {
                key: 'progress',
                title: t('batchQuery.progress'),
                render: (_, batch) => <BatchProgress batch={batch} />,
              },
              {
                key: 'results',
                title: t('batchQuery.results'),
                render: (_, batch) =>
                  batch.status === 'DONE' ? (
                    <Button icon={<DownloadOutlined />} href={batch.resultsUrl} download>
                      {t('batchQuery.download')}
                    </Button>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </section>
      </Space>
    </div>
  );
}
