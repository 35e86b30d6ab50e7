import { Button, Form, Result, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ApiError, api } from '../api.ts';
import { ThirdPartyChannelNote } from '../components/authorization/ThirdPartyChannelNote.tsx';
import { reportPagePath } from '../components/disclosure/IssueReportButton.tsx';
import { serverMessage } from '../components/problem-text.ts';
import { RefusalAlert } from '../components/RefusalAlert.tsx';
import { RequiredText } from '../components/RequiredText.tsx';
import { useAction } from '../components/use-action.ts';
import { useI18n } from '../i18n/index.tsx';
import { usePageTitle } from '../page-title.ts';

interface Presented {
  subjectCode: string;
  accessCode: string;
}

/**
 * The city does not take third-party queries online: its own words, which name where to go instead (R77 the
 * service points, R79 the designated window), are the answer, not an error to retry.
 */
function NotOnline({ error }: { error: ApiError }) {
  const { t, locale } = useI18n();
  return (
    <Result
      status="warning"
      role="alert"
      className="third-party-not-online"
      title={t('thirdParty.notOnline')}
      subTitle={<strong className="third-party-where">{serverMessage(error.message, locale)}</strong>}
    />
  );
}

/**
 * 授权查询: a party the subject authorized presents the subject's code and the access code it was given, and
 * receives the report online where the city allows it (004 第二十二条; R81).
 */
export function ThirdPartyPage() {
  const { t } = useI18n();
  usePageTitle(t('thirdParty.title'));
  const navigate = useNavigate();
  const querying = useAction(async (values: Presented) => {
    const report = await api.thirdPartyReport({
      subjectCode: values.subjectCode.trim(),
      accessCode: values.accessCode.trim(),
    });
    navigate(reportPagePath(report));
  });
  const error = querying.refusal?.error;
  return (
    <div className="third-party-page">
      <Typography.Title level={1}>{t('thirdParty.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('thirdParty.intro')}</Typography.Paragraph>
      <Space orientation="vertical" size="large" className="full-width">
        <ThirdPartyChannelNote />
        <Form<Presented>
          layout="vertical"
          requiredMark={false}
          className="third-party-form"
          onFinish={(values) => void querying.run(values)}
        >
          <RequiredText name="subjectCode" label={t('thirdParty.subjectCode')} maxLength={40} />
          <RequiredText name="accessCode" label={t('authorization.accessCode')} maxLength={40} />
          <Button type="primary" htmlType="submit" loading={querying.running}>
            {t('thirdParty.submit')}
          </Button>
        </Form>
        {error instanceof ApiError && error.code === 'THIRD_PARTY_ONLINE_NOT_ALLOWED' ? (
          <NotOnline error={error} />
        ) : (
          error !== undefined && <RefusalAlert title={t('thirdParty.refused')} error={error} />
        )}
      </Space>
    </div>
  );
}
