import { Button, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/index.tsx';
import { usePlatform } from '../platform.tsx';

/**
 * A page for signed-in callers: the public is sent to the sign-in page (and back afterwards), a role
 * without `permission` sees why it cannot use the page. The server refuses the same callers anyway.
 */
export function RequireAccess({ permission, children }: { permission?: string; children: ReactNode }) {
  const { t } = useI18n();
  const { role, sessionLoading, can } = usePlatform();
  const location = useLocation();
  const navigate = useNavigate();
  if (sessionLoading) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (role === 'public') {
    return <Navigate to={`/login?${new URLSearchParams({ next: location.pathname })}`} replace />;
  }
  if (permission && !can(permission)) {
    return (
      <Result
        status="403"
        title={<h1 className="not-found-title">{t('forbidden.title')}</h1>}
        subTitle={t('forbidden.subtitle')}
        extra={
          <Button type="primary" onClick={() => navigate('/workspace')}>
            {t('verify.toWorkspace')}
          </Button>
        }
      />
    );
  }
  return children;
}
