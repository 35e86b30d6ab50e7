import { GlobalOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Tag, Tooltip } from 'antd';
import { Link, Outlet, useLocation } from 'react-router-dom';
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

/** The shell of every page: header with platform name, the role's navigation and the language switch. */
export function AppLayout() {
  const { t } = useI18n();
  const { role, displayName } = usePlatform();
  const { pathname } = useLocation();
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
        <nav aria-label={t('nav.label')} className="app-nav">
          <Menu mode="horizontal" selectedKeys={[pathname]} items={menuItems} className="app-menu" />
        </nav>
        <div className="app-header-tools">
          <Tag className="app-role">
            {t('header.role', { role: displayName ? `${roleLabel} · ${displayName}` : roleLabel })}
          </Tag>
          <LanguageSwitch />
        </div>
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </Layout.Content>
      <Layout.Footer className="app-footer">{t('app.footer')}</Layout.Footer>
    </Layout>
  );
}
