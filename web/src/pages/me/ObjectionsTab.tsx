import { Alert, Button, Card, Form, Input, List, Select, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { api, type DisclosedRecord, type ObjectionFiling } from '../../api.ts';
import { codeOptions, formatTime } from '../../components/display.ts';
import { ObjectionCaseTable, useOpenCases } from '../../components/objection/ObjectionCaseTable.tsx';
import { RefusalAlert } from '../../components/RefusalAlert.tsx';
import { RemoteView } from '../../components/RemoteView.tsx';
import { RequiredText } from '../../components/RequiredText.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useRemote } from '../../use-remote.ts';

const loadOwnRecords = (signal: AbortSignal) => api.ownRecords(signal);
const loadOwnObjections = (signal: AbortSignal) => api.ownObjections(signal);
const loadNotifications = (signal: AbortSignal) => api.ownNotifications(signal);
const loadFilingTerms = (signal: AbortSignal) => api.objectionFilingTerms(signal);

/** A record's id from its reference `subject/record`. */
const recordIdOf = (reference: string) => Number(reference.slice(reference.lastIndexOf('/') + 1));

/** A field naming the record's own document (决定书文号, 案号, 证书编号): what tells two records of one item apart. */
const DOCUMENT_LABEL = /(文号|案号|编号)$/;

/** A record as the subject knows it: the item, its document's number, who provided it and since when. */
function describeRecord(record: DisclosedRecord): string {
  const document = record.fields.find((field) => DOCUMENT_LABEL.test(field.label))?.value;
  return [record.itemName, document, record.providerName, record.recordStart]
    .filter((part) => part)
    .join(' · ');
}

function TitledSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Typography.Title level={2} id={id} className="card-title">
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

/**
 * 我要异议: the subject objects to records of its own (000 第二十六条; 003 第二十八条; 004 第三十一条; R121), follows
 * its cases with their due dates, and reads the outcome and reasons it was notified of (R122).
 */
export function ObjectionsTab() {
  const { t, locale } = useI18n();
  const records = useRemote(loadOwnRecords);
  const cases = useRemote(loadOwnObjections);
  const notices = useRemote(loadNotifications);
  const terms = useRemote(loadFilingTerms);
  // Only the grounds this city admits: another would be declined at acceptance (R121).
  const admitted = terms.state === 'ok' ? new Set(terms.data.grounds) : null;
  const evidenceRequired = terms.state === 'ok' && terms.data.evidenceRequired;
  const ownRecords =
    records.state === 'ok' ? records.data.sections.flatMap((section) => section.records) : [];
  const labels = new Map(ownRecords.map((record) => [recordIdOf(record.reference), describeRecord(record)]));
  const openCases = useOpenCases();
  const [form] = Form.useForm<ObjectionFiling>();
  const [filed, setFiled] = useState<string | null>(null);
  const filing = useAction(async (values: ObjectionFiling) => {
    // A refusal of this filing must not stand beside the success of the last one.
    setFiled(null);
    const created = await api.fileObjection(values);
    form.resetFields();
    setFiled(created.caseNumber);
    cases.retry();
  });
  return (
    <Space orientation="vertical" size="large" className="full-width">
      <Typography.Paragraph type="secondary">{t('objection.intro')}</Typography.Paragraph>
      <Card title={<h2 className="card-title">{t('objection.fileTitle')}</h2>}>
        <Form<ObjectionFiling>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => void filing.run(values)}
        >
          <Form.Item
            name="recordIds"
            label={t('objection.records')}
            rules={[{ required: true, type: 'array', min: 1, message: t('admin.required') }]}
          >
            <Select
              mode="multiple"
              loading={records.state === 'loading'}
              optionFilterProp="label"
              options={[...labels].map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item
            name="ground"
            label={t('objection.ground')}
            rules={[{ required: true, message: t('admin.required') }]}
          >
            <Select
              loading={terms.state === 'loading'}
              options={codeOptions(t, 'objectionGround').filter((option) => admitted?.has(option.value))}
            />
          </Form.Item>
          <RequiredText name="statement" label={t('objection.statement')} maxLength={4000} multiline />
          <Form.Item
            name="evidence"
            label={t('objection.evidence')}
            extra={
              evidenceRequired
                ? t('objection.evidenceRequiredHelp', { source: terms.data.evidenceSource })
                : t('objection.evidenceHelp')
            }
            rules={[{ required: evidenceRequired, whitespace: true, message: t('admin.required') }]}
          >
            <Input.TextArea maxLength={4000} rows={2} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={filing.running}>
            {t('objection.file')}
          </Button>
        </Form>
        {filed && (
          <Alert
            type="success"
            showIcon
            role="status"
            className="form-alert"
            title={t('objection.filed', { caseNumber: filed })}
          />
        )}
        {filing.refusal && <RefusalAlert title={t('objection.refused')} error={filing.refusal.error} />}
      </Card>
      <TitledSection id="objections-mine" title={t('objection.mine')}>
        <RemoteView remote={cases} title={t('objection.mine')}>
          {(rows) => (
            <ObjectionCaseTable
              openCases={openCases}
              cases={rows}
              showSubject={false}
              // A record no longer shown to the subject (deleted, say) keeps its number.
              recordLabel={(id) => labels.get(id) ?? t('objection.recordNumber', { id })}
            />
          )}
        </RemoteView>
      </TitledSection>
      <TitledSection id="objections-notices" title={t('objection.notifications')}>
        <RemoteView remote={notices} title={t('objection.notifications')}>
          {(rows) => (
            <List
              dataSource={rows}
              locale={{ emptyText: t('objection.noNotifications') }}
              renderItem={(notice) => (
                <List.Item>
                  <List.Item.Meta
                    title={`${notice.title}（${formatTime(notice.createdAt, locale)}）`}
                    description={notice.body}
                  />
                </List.Item>
              )}
            />
          )}
        </RemoteView>
      </TitledSection>
    </Space>
  );
}
