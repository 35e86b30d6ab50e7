import { Card, Col, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { createSearchParams, useNavigate } from 'react-router-dom';
import type { PublicOverview } from '../api.ts';
import { LoadError } from '../components/LoadError.tsx';
import { SubjectSearchForm } from '../components/SubjectSearchForm.tsx';
import { useI18n } from '../i18n/index.tsx';
import { usePageTitle } from '../page-title.ts';
import { usePlatform } from '../platform.tsx';

function CityFigures({ overview }: { overview: PublicOverview }) {
  const { t } = useI18n();
  const { counts, profile } = overview;
  const figures = [
    { label: t('home.subjects'), value: counts.subjects },
    { label: t('home.organizations'), value: counts.organizations },
    { label: t('home.providers'), value: counts.providers },
  ];
  return (
    <>
      <Row gutter={[16, 16]}>
        {figures.map(({ label, value }) => (
          <Col xs={24} sm={8} key={label}>
            <Card role="group" aria-label={label}>
              <Statistic title={label} value={value} />
            </Card>
          </Col>
        ))}
      </Row>
      <p className="home-profile">
        <span>
          {t('home.profile', { version: profile.versionId })}
          {profile.effectiveFrom && t('home.profileFrom', { from: profile.effectiveFrom })}
          {profile.effectiveTo && t('home.profileUntil', { to: profile.effectiveTo })}
        </span>{' '}
        <Tag color={profile.inForce ? 'green' : 'orange'}>
          {t(profile.inForce ? 'home.profileInForce' : 'home.profileExpired')}
        </Tag>
        <span className="home-as-of">{t('home.asOf', { date: overview.today })}</span>
      </p>
    </>
  );
}

/** The public portal's front page: the search box first, then the city's figures. */
export function HomePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { overview } = usePlatform();
  usePageTitle(t('home.title'));

  return (
    <div className="home">
      <section className="home-hero">
        <Typography.Title level={1} className="home-title">
          {t('home.title')}
        </Typography.Title>
        <Typography.Paragraph className="home-subtitle">{t('home.subtitle')}</Typography.Paragraph>
        <SubjectSearchForm
          autoFocus
          onSearch={(q) => navigate({ pathname: '/search', search: `?${createSearchParams({ q })}` })}
        />
      </section>
      <section className="home-figures" aria-labelledby="home-figures-title">
        <Typography.Title level={2} id="home-figures-title">
          {overview.state === 'ok'
            ? t('home.figuresOfCity', { city: overview.data.city.name })
            : t('home.figures')}
        </Typography.Title>
        {overview.state === 'ok' && <CityFigures overview={overview.data} />}
        {overview.state === 'loading' && <Skeleton active paragraph={{ rows: 2 }} />}
        {overview.state === 'error' && (
          <LoadError title={t('home.figures')} error={overview.error} onRetry={overview.retry} />
        )}
      </section>
    </div>
  );
}
