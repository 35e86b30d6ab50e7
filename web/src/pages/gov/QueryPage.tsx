import { Alert, Button, Form, Input, Select, Space, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import {
  ApiError,
  api,
  type GovernmentQuery,
  type GovernmentQueryView,
  type QueryScenarios,
} from '../../api.ts';
import { IssueReportButton } from '../../components/disclosure/IssueReportButton.tsx';
import { LedgerExportButton } from '../../components/disclosure/LedgerExportButton.tsx';
import {
  type LedgerRange,
  LedgerRangeForm,
  recentDays,
} from '../../components/disclosure/LedgerRangeForm.tsx';
import { QueryLogTable } from '../../components/disclosure/QueryLogTable.tsx';
import { SubjectDisclosure } from '../../components/disclosure/SubjectDisclosure.tsx';
import { RefusalAlert } from '../../components/RefusalAlert.tsx';
import { RemoteView } from '../../components/RemoteView.tsx';
import { useAction } from '../../components/use-action.ts';
import { type Translate, useI18n } from '../../i18n/index.tsx';
import { usePageTitle } from '../../page-title.ts';
import { usePlatform } from '../../platform.tsx';
import { useRemote } from '../../use-remote.ts';

const loadScenarios = (signal: AbortSignal) => api.govScenarios(signal);

/** The server's name for "other" in an open purpose list (src/core/queries/government-query.ts). */
const OTHER = 'OTHER';
/** The fields of the declaration the server may name in a refusal. */
const DECLARATION_FIELDS = ['code', 'scenario', 'scenarioBasis', 'purpose', 'caseReference'];

type DeclarationForm = Required<GovernmentQuery>;

function scenarioOptions(t: Translate, list: QueryScenarios) {
  return list.scenarios.map(({ value }) => ({ value, label: value === OTHER ? t('govQuery.other') : value }));
}

/**
 * The declaration 000 第十九条 and 第二十条 require before any record is shown: a scenario from the city's list
 * (XM: closed; WH, NT: or "other" in words), the provision for 其他情形, the purpose and the case reference.
 * The server judges it: a refusal names the field, which the form marks.
 */
function DeclarationFields({ list }: { list: QueryScenarios }) {
  const { t } = useI18n();
  const scenario = Form.useWatch<string | undefined>('scenario');
  const needsBasis = list.scenarios.some((s) => s.value === scenario && s.needsBasis);
  return (
    <>
      <Form.Item
        name="code"
        label={t('govQuery.code')}
        rules={[{ required: true, whitespace: true, message: t('admin.required') }]}
      >
        <Input autoComplete="off" maxLength={40} />
      </Form.Item>
      <Form.Item
        name="scenario"
        label={t(list.closed ? 'govQuery.scenario' : 'govQuery.purposeChoice')}
        extra={t('govQuery.citation', { source: list.citation })}
      >
        <Select options={scenarioOptions(t, list)} placeholder={t('govQuery.choose')} allowClear />
      </Form.Item>
      {needsBasis && (
        <Form.Item name="scenarioBasis" label={t(list.closed ? 'govQuery.basis' : 'govQuery.basisOpen')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
        </Form.Item>
      )}
      <Form.Item name="purpose" label={t('govQuery.purpose')}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
      </Form.Item>
      <Form.Item name="caseReference" label={t('govQuery.caseReference')}>
        <Input autoComplete="off" maxLength={100} />
      </Form.Item>
    </>
  );
}

function QueryTab({ list }: { list: QueryScenarios }) {
  const { t } = useI18n();
  const [form] = Form.useForm<DeclarationForm>();
  const [answered, setAnswered] = useState<{
    view: GovernmentQueryView;
    declaration: GovernmentQuery;
  } | null>(null);
  const querying = useAction(async (values: DeclarationForm) => {
    setAnswered(null);
    const declaration: GovernmentQuery = {
      code: values.code.trim(),
      scenario: values.scenario ?? null,
      scenarioBasis: values.scenarioBasis ?? null,
      purpose: values.purpose ?? null,
      caseReference: values.caseReference ?? null,
    };
    try {
      setAnswered({ view: await api.govQuery(declaration), declaration });
    } catch (error) {
      if (error instanceof ApiError) {
        form.setFields(
          error.fields
            .filter((f) => DECLARATION_FIELDS.includes(f.field))
            .map((f) => ({ name: f.field as keyof DeclarationForm, errors: [f.reason] })),
        );
      }
      throw error;
    }
  });
  return (
    <Space orientation="vertical" size="large" className="full-width">
      <Form<DeclarationForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="gov-query-form"
        onFinish={(values) => void querying.run(values)}
      >
        <DeclarationFields list={list} />
        <Button type="primary" htmlType="submit" loading={querying.running}>
          {t('govQuery.submit')}
        </Button>
      </Form>
      {querying.refusal && <RefusalAlert title={t('govQuery.refused')} error={querying.refusal.error} />}
      {answered && (
        <section aria-label={t('govQuery.result')}>
          <Alert
            type="info"
            showIcon
            role="status"
            className="form-alert"
            title={t('govQuery.logged', { entry: answered.view.queryLogEntry })}
          />
          <SubjectDisclosure
            view={answered.view}
            actions={
              <IssueReportButton
                label={t('govQuery.issueReport')}
                issue={() => api.govReport(answered.declaration)}
              />
            }
          />
        </section>
      )}
    </Space>
  );
}

/**
 * The agency's own query ledger (000 第二十条; 002 第十二条) over the days asked for, both inclusive, and its
 * export (R91).
 */
function LedgerTab({ today }: { today: string }) {
  const { t } = useI18n();
  const { session } = usePlatform();
  const [range, setRange] = useState(() => recentDays(today));
  const load = useMemo(() => (signal: AbortSignal) => api.govQueryLog(range, signal), [range]);
  const ledger = useRemote(load);
  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <LedgerRangeForm<LedgerRange> initialValues={range} onShow={setRange} />
      <RemoteView remote={ledger} title={t('govQuery.ledger')} rows={5}>
        {(entries) => (
          <>
            <LedgerExportButton
              entries={entries}
              fileName={t('queryLogPage.fileName', {
                organization: session.organization?.code ?? '',
                ...range,
              })}
            />
            <QueryLogTable entries={entries} reader="agency" emptyText={t('govQuery.ledgerEmpty')} />
          </>
        )}
      </RemoteView>
    </Space>
  );
}

/**
 * Government queries (政务查询, 000 第十九条; 002 第八条, 第九条): a declared query of one subject, its records as
 * the agency may see them, a report of them, and the agency's ledger of every query it made.
 */
export function QueryPage() {
  const { t } = useI18n();
  const { overview } = usePlatform();
  usePageTitle(t('govQuery.title'));
  const scenarios = useRemote(loadScenarios);
  return (
    <div className="gov-query-page">
      <Typography.Title level={1}>{t('govQuery.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('govQuery.intro')}</Typography.Paragraph>
      <Tabs
        items={[
          {
            key: 'query',
            label: t('govQuery.tabQuery'),
            children: (
              <RemoteView remote={scenarios} title={t('govQuery.scenarioList')}>
                {(list) => <QueryTab list={list} />}
              </RemoteView>
            ),
          },
          {
            key: 'ledger',
            label: t('govQuery.ledger'),
            // Mounted afresh each time, so the queries just made are in it.
            destroyOnHidden: true,
            children: (
              <RemoteView remote={overview} title={t('govQuery.ledger')}>
                {({ today }) => <LedgerTab today={today} />}
              </RemoteView>
            ),
          },
        ]}
      />
    </div>
  );
}
