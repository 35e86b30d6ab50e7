import { Button, Checkbox, Form, Radio, Skeleton, Space, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, type ApplicantKind, api, applicantKinds, type ServicePointApplication } from '../api.ts';
import {
  AuthorizationTermsFields,
  type AuthorizationTermsValues,
  authorizationTerms,
} from '../components/authorization/AuthorizationTerms.tsx';
import { type ReportPageState, reportPagePath } from '../components/disclosure/IssueReportButton.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { RefusalAlert } from '../components/RefusalAlert.tsx';
import { RemoteView } from '../components/RemoteView.tsx';
import { RequiredText } from '../components/RequiredText.tsx';
import { useAction } from '../components/use-action.ts';
import { useI18n } from '../i18n/index.tsx';
import { usePageTitle } from '../page-title.ts';
import { usePlatform } from '../platform.tsx';
import { useRemote } from '../use-remote.ts';

/** 000 第十八条, 第二十一条; 002 第四条: the officer checked the identity document and says how (R76, R83). */
function SelfReportTab() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const issuing = useAction(async (values: { code: string; verification: string }) => {
    const report = await api.servicePointSelfReport({
      code: values.code.trim(),
      verification: values.verification.trim(),
    });
    navigate(reportPagePath(report));
  });
  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Typography.Paragraph type="secondary">{t('servicePoint.selfIntro')}</Typography.Paragraph>
      <Form
        layout="vertical"
        requiredMark={false}
        className="service-point-form"
        initialValues={{ verification: t('servicePoint.verificationDefault') }}
        onFinish={(values) => void issuing.run(values)}
      >
        <RequiredText name="code" label={t('govQuery.code')} maxLength={40} />
        <RequiredText name="verification" label={t('servicePoint.verification')} maxLength={200} />
        <Button type="primary" htmlType="submit" loading={issuing.running}>
          {t('servicePoint.issueSelf')}
        </Button>
      </Form>
      {issuing.refusal && <RefusalAlert title={t('credit.issueFailed')} error={issuing.refusal.error} />}
    </Space>
  );
}

type Presented = 'code' | 'written';

interface ApplicationValues extends AuthorizationTermsValues {
  subjectCode: string;
  applicantCode: string;
  applicantName: string;
  applicantKind: ApplicantKind;
  materials?: string[];
  presented: Presented;
  accessCode?: string;
  signedOn?: string;
}

function applicationOf(values: ApplicationValues): ServicePointApplication {
  const application = {
    subjectCode: values.subjectCode.trim(),
    applicant: {
      code: values.applicantCode.trim(),
      name: values.applicantName.trim(),
      kind: values.applicantKind,
    },
    materials: values.materials ?? [],
  };
  if (values.presented === 'code') return { ...application, accessCode: values.accessCode?.trim() ?? '' };
  return {
    ...application,
    written: { ...authorizationTerms(values), signedOn: values.signedOn ?? '' },
  };
}

/** The city's checklist for this kind of applicant (002 第七条; A-29), each item ticked once checked. */
function MaterialsChecklist({ kind }: { kind: ApplicantKind }) {
  const { t } = useI18n();
  const load = useMemo(() => (signal: AbortSignal) => api.applicationMaterials(kind, signal), [kind]);
  const materials = useRemote(load);
  if (materials.state === 'error')
    return (
      <LoadError title={t('servicePoint.materials')} error={materials.error} onRetry={materials.retry} />
    );
  if (materials.state !== 'ok') return <Skeleton active paragraph={{ rows: 2 }} />;
  return (
    <Form.Item name="materials" label={t('servicePoint.materials')} extra={t('servicePoint.materialsHelp')}>
      <Checkbox.Group
        className="materials-checklist"
        options={materials.data.map((material) => ({ value: material, label: material }))}
      />
    </Form.Item>
  );
}

/** The authorization presented: the code of an online grant, or the written document's terms (R80). */
function PresentedAuthorization() {
  const { t } = useI18n();
  const presented = Form.useWatch<Presented | undefined>('presented');
  return (
    <>
      <Form.Item name="presented" label={t('servicePoint.presented')}>
        <Radio.Group
          options={[
            { value: 'code', label: t('servicePoint.presentedCode') },
            { value: 'written', label: t('servicePoint.presentedWritten') },
          ]}
        />
      </Form.Item>
      {presented === 'written' ? (
        <AuthorizationTermsFields signedOn />
      ) : (
        <RequiredText name="accessCode" label={t('authorization.accessCode')} maxLength={40} />
      )}
    </>
  );
}

/**
 * 授权查询受理: a third party applies on site (002 第六条(二), 第七条; R77–R80). The server checks the materials
 * first: a complete application is accepted on the spot and the report opens with its 受理时间; an incomplete
 * one is not accepted, and the refusal lists what is missing.
 */
function ThirdPartyTab({ today }: { today: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<ApplicationValues>();
  const kind = Form.useWatch('applicantKind', form) ?? 'organization';
  const accepting = useAction(async (values: ApplicationValues) => {
    const report = await api.servicePointThirdPartyReport(applicationOf(values));
    const accepted: ReportPageState = { acceptedAt: report.acceptedAt };
    navigate(reportPagePath(report), { state: accepted });
  });
  const error = accepting.refusal?.error;
  const notAccepted = error instanceof ApiError && error.code === 'MATERIALS_INCOMPLETE';
  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Typography.Paragraph type="secondary">{t('servicePoint.thirdPartyIntro')}</Typography.Paragraph>
      <Form<ApplicationValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="service-point-form"
        initialValues={{ applicantKind: 'organization', presented: 'code', signedOn: today }}
        onValuesChange={(changed: Partial<ApplicationValues>) => {
          // Another kind of applicant brings another checklist: nothing ticked carries over.
          if (changed.applicantKind) form.setFieldValue('materials', []);
        }}
        onFinish={(values) => void accepting.run(values)}
      >
        <RequiredText name="subjectCode" label={t('servicePoint.subjectCode')} maxLength={40} />
        <fieldset className="service-point-fieldset">
          <legend>{t('servicePoint.applicant')}</legend>
          <Form.Item name="applicantKind" label={t('servicePoint.applicantKind')}>
            <Radio.Group
              options={applicantKinds.map((value) => ({ value, label: t(`applicantKind.${value}`) }))}
            />
          </Form.Item>
          <RequiredText name="applicantCode" label={t('servicePoint.applicantCode')} maxLength={40} />
          <RequiredText name="applicantName" label={t('servicePoint.applicantName')} maxLength={200} />
        </fieldset>
        <MaterialsChecklist kind={kind} />
        <PresentedAuthorization />
        <Button type="primary" htmlType="submit" loading={accepting.running}>
          {t('servicePoint.accept')}
        </Button>
      </Form>
      {error !== undefined && (
        <RefusalAlert
          title={t(notAccepted ? 'servicePoint.notAccepted' : 'servicePoint.refused')}
          error={error}
        />
      )}
    </Space>
  );
}

/**
 * The service point of the center, or a provider's counter (000 第十八条, 第二十一条; 002 第四条, 第七条): an
 * officer issues a subject's own report after checking its identity document, and accepts third parties'
 * applications under the subject's authorization. Every report issued here is logged as an on-site query.
 */
export function ServicePointPage() {
  const { t } = useI18n();
  const { overview } = usePlatform();
  usePageTitle(t('servicePoint.title'));
  return (
    <div className="service-point-page">
      <Typography.Title level={1}>{t('servicePoint.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('servicePoint.intro')}</Typography.Paragraph>
      <Tabs
        items={[
          { key: 'self', label: t('servicePoint.tabSelf'), children: <SelfReportTab /> },
          {
            key: 'third-party',
            label: t('servicePoint.tabThirdParty'),
            children: (
              <RemoteView remote={overview} title={t('servicePoint.tabThirdParty')}>
                {({ today }) => <ThirdPartyTab today={today} />}
              </RemoteView>
            ),
          },
        ]}
      />
    </div>
  );
}
