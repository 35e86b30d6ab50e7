import { Alert, Button, Card, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../api.ts';
import { problemText } from '../components/problem-text.ts';
import { type Translate, useI18n } from '../i18n/index.tsx';
import { usePageTitle } from '../page-title.ts';
import { usePlatform } from '../platform.tsx';

function failureText(t: Translate, reason: string | null): string {
  switch (reason) {
    case 'MISMATCHED_IDENTITY':
      return t('verify.reason.MISMATCHED_IDENTITY');
    case 'no_flow':
      return t('verify.reason.no_flow');
    case 'expired':
      return t('verify.reason.expired');
    case 'provider_error':
      return t('verify.reason.provider_error');
    default:
      return t('verify.reason.other');
  }
}

/** The OpenID Connect provider (i厦门): one button, the provider does the rest and sends the browser back. */
function OidcVerification() {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  async function start() {
    setStarting(true);
    try {
      const step = await api.startRealName({});
      if (step.kind === 'redirect') window.location.assign(step.url);
    } catch (error) {
      setProblem(problemText(t, error));
      setStarting(false);
    }
  }
  return (
    <>
      <Typography.Paragraph>{t('verify.oidcIntro')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} className="form-alert" role="alert" />}
      <Button type="primary" onClick={start} loading={starting}>
        {t('verify.oidcStart')}
      </Button>
    </>
  );
}

/** The embedded demo's verifier: name and ID number, then the one-time code from the server log. */
function LocalVerification({ onVerified }: { onVerified(): Promise<void> }) {
  const { t } = useI18n();
  const [codeUntil, setCodeUntil] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(problemText(t, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Typography.Paragraph>{t('verify.localIntro')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} className="form-alert" role="alert" />}
      <Form
        layout="vertical"
        requiredMark={false}
        className="narrow-form"
        onFinish={(claim: { name: string; idNumber: string }) =>
          run(async () => {
            const step = await api.startRealName(claim);
            if (step.kind === 'code_sent') setCodeUntil(new Date(step.expiresAt).toLocaleTimeString());
          })
        }
      >
        <Form.Item
          name="name"
          label={t('verify.name')}
          rules={[{ required: true, message: t('admin.required') }]}
        >
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('verify.idNumber')}
          rules={[{ required: true, message: t('admin.required') }]}
        >
          <Input autoComplete="off" maxLength={18} />
        </Form.Item>
        <Button htmlType="submit" loading={busy && !codeUntil}>
          {t('verify.sendCode')}
        </Button>
      </Form>
      {codeUntil && (
        <Form
          layout="vertical"
          requiredMark={false}
          className="narrow-form verify-code-form"
          onFinish={({ code }: { code: string }) =>
            run(async () => {
              await api.confirmRealName(code);
              await onVerified();
            })
          }
        >
          <Alert
            type="info"
            showIcon
            title={t('verify.codeSent', { time: codeUntil })}
            className="form-alert"
            role="status"
          />
          <Form.Item
            name="code"
            label={t('verify.code')}
            rules={[{ required: true, message: t('admin.required') }]}
          >
            <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('verify.confirm')}
          </Button>
        </Form>
      )}
    </>
  );
}

/** Real-name verification of a subject (002 第六条(一)), and where the provider's redirect lands. */
export function VerifyPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { session, refreshSession } = usePlatform();
  usePageTitle(t('verify.title'));
  const result = params.get('result');
  const verified = result === 'verified' || session.realName?.verified === true;

  if (verified) {
    return (
      <Result
        status="success"
        title={<h1 className="not-found-title">{t('verify.success')}</h1>}
        extra={
          <Button type="primary" onClick={() => navigate('/workspace')}>
            {t('verify.toWorkspace')}
          </Button>
        }
      />
    );
  }
  if (result === 'failed') {
    return (
      <Result
        status="error"
        title={<h1 className="not-found-title">{t('verify.failed')}</h1>}
        subTitle={failureText(t, params.get('reason'))}
        extra={
          <Button type="primary" onClick={() => setParams({})}>
            {t('verify.again')}
          </Button>
        }
      />
    );
  }
  return (
    <div className="verify-page">
      <Typography.Title level={1}>{t('verify.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('verify.intro')}</Typography.Paragraph>
      <Card>
        {session.signIn.realName === 'oidc' ? (
          <OidcVerification />
        ) : (
          <LocalVerification
            onVerified={async () => {
              await refreshSession();
              setParams({ result: 'verified' });
            }}
          />
        )}
      </Card>
    </div>
  );
}
