import { Typography } from 'antd';
import { useMemo } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../api.ts';
import { IssueReportButton } from '../components/disclosure/IssueReportButton.tsx';
import { SubjectDisclosure } from '../components/disclosure/SubjectDisclosure.tsx';
import { RemoteView } from '../components/RemoteView.tsx';
import { useI18n } from '../i18n/index.tsx';
import { usePageTitle } from '../page-title.ts';
import { useRemote } from '../use-remote.ts';

/**
 * A subject's page on the public portal (信用主体公示页): the records disclosed to society today, without
 * signing in, and a public credit report of them for anyone who needs it on paper.
 */
export function SubjectPage() {
  const { t } = useI18n();
  const code = useParams().code ?? '';
  const load = useMemo(() => (signal: AbortSignal) => api.publicSubject(code, signal), [code]);
  const view = useRemote(load);
  usePageTitle(view.state === 'ok' ? view.data.subject.name : t('subjectPage.title'));
  return (
    <div className="subject-page">
      <Typography.Title level={1}>
        {view.state === 'ok' ? view.data.subject.name : t('subjectPage.title')}
      </Typography.Title>
      <RemoteView remote={view} title={t('subjectPage.title')} rows={8}>
        {(data) => (
          <>
            <Typography.Paragraph type="secondary">
              {t('subjectPage.intro', { date: data.today })}
            </Typography.Paragraph>
            <SubjectDisclosure
              view={data}
              actions={
                <IssueReportButton
                  label={t('credit.issueReport')}
                  issue={() => api.issuePublicReport(code)}
                />
              }
            />
          </>
        )}
      </RemoteView>
    </div>
  );
}
