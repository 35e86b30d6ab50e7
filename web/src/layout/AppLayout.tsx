import { GlobalOutlined, LoginOutlined, LogoutOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Layout, Menu, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api } from '../api.ts';
import { problemText } from '../components/problem-text.ts';
import { type Locale, localeNames, useI18n } from '../i18n/index.tsx';
import { navByRole } from '../nav.ts';
import { usePlatform } from '../platform.tsx';

function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const other: Locale = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Tooltip title={t('header.language')}>
      <Button
        type="text"
        className="app-header-action"
        icon={<GlobalOutlined />}
        onClick={() => setLocale(other)}
      >
        <span lang={other}>{localeNames[other]}</span>
      </Button>
    </Tooltip>
  );
}

function PlatformName() {
  const { t } = useI18n();
  const { overview } = usePlatform();
  return (
    <Link to="/" className="app-brand">
      <SafetyCertificateOutlined aria-hidden className="app-brand-mark" />
      <span className="app-brand-name">{t('app.name')}</span>
      {overview.state === 'ok' && (
        <span className="app-brand-portal" lang="zh-CN">
          {' · '}
          {overview.data.city.portalName}
        </span>
      )}
    </Link>
  );
}

/** Sign in for the public; sign out (ending the server's session) for everyone else. */
function SessionButton({ onProblem }: { onProblem(text: string | null): void }) {
  const { t } = useI18n();
  const { role, refreshSession } = usePlatform();
  const navigate = useNavigate();
  if (role === 'public') {
    return (
      <Button
        type="text"
        className="app-header-action"
        icon={<LoginOutlined />}
        onClick={() => navigate('/login')}
      >
        {t('header.signIn')}
      </Button>
    );
  }
  return (
    <Button
      type="text"
      className="app-header-action"
      icon={<LogoutOutlined />}
      onClick={async () => {
        try {
          await api.logout();
          onProblem(null);
          // Leave the page first: a page for signed-in callers would otherwise send the public to sign in.
          navigate('/', { replace: true });
          await refreshSession();
        } catch (error) {
          onProblem(t('header.signOutFailed', { reason: problemText(t, error) }));
        }
      }}
    >
      {t('header.signOut')}
    </Button>
  );
}

/** The shell of every page: header with platform name, the role's navigation and the language switch. */
export function AppLayout() {
  const { t } = useI18n();
  const { role, displayName, session } = usePlatform();
  const { pathname } = useLocation();
  const [problem, setProblem] = useState<string | null>(null);
  const roleLabel = t(`role.${role}`);
  const menuItems = navByRole[role].map(({ path, label, icon: Icon }) => ({
    key: path,
    icon: <Icon />,
    label: <Link to={path}>{t(label)}</Link>,
  }));

  return (
    <Layout className="app">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Layout.Header className="app-header">
        <PlatformName />
        <nav aria-label={t('nav.label')} className={menuItems.length > 3 ? 'app-nav app-nav-row' : 'app-nav'}>
          <Menu mode="horizontal" selectedKeys={[pathname]} items={menuItems} className="app-menu" />
        </nav>
        <div className="app-header-tools">
          <Tag className="app-role">
            {t('header.role', { role: displayName ? `${roleLabel} · ${displayName}` : roleLabel })}
          </Tag>
          <LanguageSwitch />
          <SessionButton onProblem={setProblem} />
        </div>
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} className="app-main">
        {problem && <Alert type="error" showIcon title={problem} className="form-alert" role="alert" />}
        {/* A temporary password allows nothing but changing it (the server refuses everything else). */}
        {session.passwordMustChange && pathname !== '/account' ? (
          <Navigate to="/account" replace />
        ) : (
          <Outlet />
        )}
      </Layout.Content>
      <Layout.Footer className="app-footer">
        {t('app.footer')}
        {' · '}
        <Link to="/reports/verify">{t('app.verifyReport')}</Link>
      </Layout.Footer>
    </Layout>
  );
}
