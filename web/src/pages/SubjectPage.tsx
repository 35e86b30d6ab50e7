import { Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, type DisclosedRecord, type SubjectView } from '../api.ts';
import { IssueReportButton } from '../components/disclosure/IssueReportButton.tsx';
import { SubjectDisclosure } from '../components/disclosure/SubjectDisclosure.tsx';
import { RefusalAlert } from '../components/RefusalAlert.tsx';
import { RemoteView } from '../components/RemoteView.tsx';
import { useAction } from '../components/use-action.ts';
import { useI18n } from '../i18n/index.tsx';
import { usePageTitle } from '../page-title.ts';
import { useRemote } from '../use-remote.ts';

/** The first page of each category with the records 显示更多 fetched after it. */
function withMore(view: SubjectView, more: Readonly<Record<string, DisclosedRecord[]>>): SubjectView {
  return {
    ...view,
    sections: view.sections.map((section) => ({
      ...section,
      records: [...section.records, ...(more[section.category] ?? [])],
    })),
  };
}

/**
 * A subject's page on the public portal (信用主体公示页): the records disclosed to society today, without
 * signing in, a page of each category at a time, and a public credit report of them all for anyone who needs
 * it on paper.
 */
export function SubjectPage() {
  const { t } = useI18n();
  const code = useParams().code ?? '';
  const load = useMemo(() => (signal: AbortSignal) => api.publicSubject(code, signal), [code]);
  const view = useRemote(load);
  // Keyed by the subject, so another subject's page never shows these.
  const [more, setMore] = useState<{ code: string; records: Record<string, DisclosedRecord[]> }>({
    code,
    records: {},
  });
  const fetched = more.code === code ? more.records : {};
  const [loading, setLoading] = useState<string | null>(null);
  const loadMore = useAction(async (category: string, offset: number) => {
    setLoading(category);
    try {
      const page = await api.publicSubject(code, undefined, { category, offset });
      const next = page.sections.find((section) => section.category === category)?.records ?? [];
      setMore({ code, records: { ...fetched, [category]: [...(fetched[category] ?? []), ...next] } });
    } finally {
      setLoading(null);
    }
  });
  usePageTitle(view.state === 'ok' ? view.data.subject.name : t('subjectPage.title'));
  return (
    <div className="subject-page">
      <Typography.Title level={1}>
        {view.state === 'ok' ? view.data.subject.name : t('subjectPage.title')}
      </Typography.Title>
      <RemoteView remote={view} title={t('subjectPage.title')} rows={8}>
        {(data) => {
          const shown = withMore(data, fetched);
          return (
            <>
              <Typography.Paragraph type="secondary">
                {t('subjectPage.intro', { date: data.today })}
              </Typography.Paragraph>
              <SubjectDisclosure
                view={shown}
                more={{
                  loading,
                  load: (category) =>
                    void loadMore.run(
                      category,
                      shown.sections.find((section) => section.category === category)?.records.length ?? 0,
                    ),
                }}
                actions={
                  <IssueReportButton
                    label={t('credit.issueReport')}
                    issue={() => api.issuePublicReport(code)}
                  />
                }
              />
              {loadMore.refusal && (
                <RefusalAlert title={t('subjectPage.moreFailed')} error={loadMore.refusal.error} />
              )}
            </>
          );
        }}
      </RemoteView>
    </div>
  );
}
