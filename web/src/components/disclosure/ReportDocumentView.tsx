import { Descriptions, Typography } from 'antd';
import type { ReportDocument } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { RecordSections } from './RecordSections.tsx';

/**
 * A public credit report laid out as the document it is (000 第二十二条; 002 第十条): 报告编码, 查询时间 and
 * 出具机构 first, the subject and the declared purpose, the conditions of use, then the records, objectively and
 * without any evaluation. It prints on its own: the page's print stylesheet hides everything around it.
 */
export function ReportDocumentView({ document }: { document: ReportDocument }) {
  const { t } = useI18n();
  const head = [
    { key: 'number', label: t('report.number'), children: <strong>{document.number}</strong> },
    { key: 'queryTime', label: t('report.queryTime'), children: document.queryTime },
    { key: 'issuer', label: t('report.issuer'), children: document.issuer },
    { key: 'edition', label: t('report.edition'), children: t(`reportEdition.${document.viewer}`) },
    { key: 'subject', label: t('report.subject'), children: document.subject.name },
    { key: 'code', label: t('archive.subjectCode'), children: document.subject.code },
    ...(document.subject.linkedCodes.length > 0
      ? [{ key: 'linked', label: t('report.linkedCodes'), children: document.subject.linkedCodes.join('、') }]
      : []),
    ...(document.purpose !== null
      ? [{ key: 'purpose', label: t('report.purpose'), children: document.purpose }]
      : []),
  ];
  return (
    <article className="report-document" aria-labelledby="report-document-title">
      <Typography.Title level={1} id="report-document-title" className="report-document-title">
        {t('report.title')}
      </Typography.Title>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={head} className="report-head" />
      <Typography.Paragraph className="report-objectivity">{t('report.objectivity')}</Typography.Paragraph>
      {document.statements.length > 0 && (
        <section aria-label={t('report.statements')} className="report-statements">
          <Typography.Title level={2}>{t('report.statements')}</Typography.Title>
          <ol>
            {document.statements.map((statement) => (
              <li key={statement}>{statement}</li>
            ))}
          </ol>
        </section>
      )}
      <RecordSections sections={document.sections} />
      <Typography.Paragraph type="secondary" className="report-verification-url">
        {t('report.verifyAt', { url: document.verificationUrl })}
      </Typography.Paragraph>
    </article>
  );
}
