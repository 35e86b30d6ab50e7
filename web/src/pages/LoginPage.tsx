import { Alert, Button, Card, Divider, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../api.ts';
import { problemText } from '../components/problem-text.ts';
import { type Translate, useI18n } from '../i18n/index.tsx';
import { usePageTitle } from '../page-title.ts';
import { usePlatform } from '../platform.tsx';

function signInProblem(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'SIGN_IN_FAILED') return t('login.failed');
    if (error.code === 'SIGN_IN_LOCKED') return t('login.locked');
    if (error.code === 'RATE_LIMITED') return t('login.rateLimited');
  }
  return problemText(t, error);
}

/** Only a path of this app, never another site: `next` comes from the address bar. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/workspace';
}

export function LoginPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { session, adoptSession } = usePlatform();
  const [problem, setProblem] = useState<string | null>(
    params.get('error')?.startsWith('sso') ? t('login.ssoFailed') : null,
  );
  const [submitting, setSubmitting] = useState(false);
  usePageTitle(t('login.title'));

  async function submit(values: { username: string; password: string }) {
    setSubmitting(true);
    setProblem(null);
    try {
      adoptSession(await api.login(values));
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (error) {
      setProblem(signInProblem(t, error));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div className="login-page">
      <Card className="login-card">
        <Typography.Title level={1}>{t('login.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.intro')}</Typography.Paragraph>
        {problem && <Alert type="error" showIcon title={problem} className="form-alert" role="alert" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.required', { field: t('login.username') }) }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('login.submit')}
          </Button>
        </Form>
        {session.signIn.sso && (
          <>
            <Divider plain>{t('login.or')}</Divider>
            <Button block href="/api/v1/auth/sso/start">
              {t('login.sso')}
            </Button>
          </>
        )}
        <Typography.Paragraph type="secondary" className="login-hint">
          {t('login.subjectHint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
