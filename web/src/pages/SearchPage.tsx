import { Empty, Skeleton, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { createSearchParams, Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, isSubjectKind, type SubjectSearchResult, type SubjectSummary } from '../api.ts';
import { LoadError } from '../components/LoadError.tsx';
import { isSearchableQuery, SubjectSearchForm } from '../components/SubjectSearchForm.tsx';
import { type Translate, useI18n } from '../i18n/index.tsx';
import { usePageTitle } from '../page-title.ts';
import { useRemote } from '../use-remote.ts';

const resultLimit = 20;

function resultColumns(t: Translate): TableColumnsType<SubjectSummary> {
  return [
    {
      key: 'name',
      title: t('subject.name'),
      dataIndex: 'name',
      render: (name: string, subject: SubjectSummary) => (
        <Link to={`/subjects/${encodeURIComponent(subject.code)}`} className="subject-link">
          {name}
        </Link>
      ),
    },
    {
      key: 'code',
      title: t('subject.code'),
      dataIndex: 'code',
      render: (code: string) => <Typography.Text copyable>{code}</Typography.Text>,
    },
    {
      key: 'kind',
      title: t('subject.kind'),
      dataIndex: 'kind',
      render: (kind: string) => <Tag>{isSubjectKind(kind) ? t(`kind.${kind}`) : kind}</Tag>,
    },
    {
      key: 'district',
      title: t('subject.district'),
      dataIndex: 'districtName',
      responsive: ['md'],
      render: (districtName: string | null) => districtName ?? t('subject.districtUnknown'),
    },
  ];
}

function SearchResults({ query, result }: { query: string; result: SubjectSearchResult }) {
  const { t } = useI18n();
  const columns = useMemo(() => resultColumns(t), [t]);
  if (result.items.length === 0) {
    return (
      <Empty
        description={
          <div role="status">
            <p>{t('searchPage.empty', { query })}</p>
            <p className="search-hint">{t('searchPage.emptyHint')}</p>
          </div>
        }
      />
    );
  }
  return (
    <>
      {/* A status, not the whole table, is what a screen reader should announce when results arrive. */}
      <p className="search-summary" role="status">
        {t('searchPage.summary', { query, total: result.totalExact ? result.total : `${result.total}+` })}
        {result.total > result.items.length &&
          ` ${t('searchPage.truncated', { shown: result.items.length })}`}
      </p>
      <Table<SubjectSummary>
        rowKey="code"
        columns={columns}
        dataSource={result.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}

/** Organisations matching the query in the address (`/search?q=…`), so results can be shared and reloaded. */
export function SearchPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  usePageTitle(query ? `${query} · ${t('searchPage.title')}` : t('searchPage.title'));

  const request = useMemo(
    () =>
      isSearchableQuery(query)
        ? (signal: AbortSignal) => api.searchSubjects({ q: query, limit: resultLimit }, signal)
        : null,
    [query],
  );
  const results = useRemote(request);

  return (
    <div className="search-page">
      <Typography.Title level={1}>{t('searchPage.title')}</Typography.Title>
      <SubjectSearchForm
        key={query}
        initialQuery={query}
        autoFocus={query === ''}
        onSearch={(q) => navigate({ pathname: '/search', search: `?${createSearchParams({ q })}` })}
      />
      <section className="search-results" aria-busy={results.state === 'loading'}>
        {results.state === 'idle' && query === '' && <p className="search-hint">{t('searchPage.prompt')}</p>}
        {results.state === 'loading' && <Skeleton active paragraph={{ rows: 4 }} />}
        {results.state === 'ok' && <SearchResults query={query} result={results.data} />}
        {results.state === 'error' && (
          <LoadError title={t('searchPage.failed')} error={results.error} onRetry={results.retry} />
        )}
      </section>
    </div>
  );
}
