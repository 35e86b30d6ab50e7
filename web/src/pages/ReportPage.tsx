import { DownloadOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { api, type ReportVerification } from '../api.ts';
import { ReportDocumentView } from '../components/disclosure/ReportDocumentView.tsx';
import { VerificationSummary } from '../components/disclosure/VerificationSummary.tsx';
import { formatTime } from '../components/display.ts';
import { RemoteView } from '../components/RemoteView.tsx';
import { useI18n } from '../i18n/index.tsx';
import { usePageTitle } from '../page-title.ts';
import { useRemote } from '../use-remote.ts';

/**
 * When the service point that opened this report accepted the application (its ReportPageState, R78); null
 * for a report opened any other way.
 */
function acceptedAt(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('acceptedAt' in state)) return null;
  return typeof state.acceptedAt === 'string' ? state.acceptedAt : null;
}

/** 受理时间: an on-site application is accepted on the spot, at the moment it was submitted (002 第七条; R78). */
function AcceptedNote({ at }: { at: string }) {
  const { t, locale } = useI18n();
  return (
    <Alert
      type="success"
      showIcon
      role="status"
      className="form-alert no-print accepted-note"
      title={t('servicePoint.accepted', { time: formatTime(at, locale) })}
    />
  );
}

/** Asks for the verification code printed on the report, which alone opens its content. */
function CodeForm({ wrong, onCode }: { wrong: boolean; onCode(code: string): void }) {
  const { t } = useI18n();
  return (
    <div className="no-print report-code">
      <Alert
        type={wrong ? 'warning' : 'info'}
        showIcon
        className="form-alert"
        title={t(wrong ? 'report.wrongCode' : 'report.codeHint')}
      />
      <label htmlFor="report-code" className="subject-search-label">
        {t('report.verificationCode')}
      </label>
      <Input.Search
        id="report-code"
        className="report-code-input"
        enterButton={t('report.showContent')}
        autoComplete="off"
        onSearch={(value) => value.trim() && onCode(value.trim())}
      />
    </div>
  );
}

function ReportBody({
  number,
  code,
  verification,
  onCode,
}: {
  number: string;
  code: string | null;
  verification: ReportVerification;
  onCode(code: string): void;
}) {
  const { t } = useI18n();
  const { document } = verification;
  return (
    <Space orientation="vertical" size="large" className="full-width">
      {/* The document carries its own title; without it the page is the number's verification. */}
      {!document && <Typography.Title level={1}>{t('report.numbered', { number })}</Typography.Title>}
      <div className="no-print">
        <VerificationSummary verification={verification} />
      </div>
      {document && code && (
        <Space wrap className="no-print report-actions">
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('report.print')}
          </Button>
          <Button icon={<DownloadOutlined />} href={api.reportPdfUrl({ number, code })} download>
            {t('report.downloadPdf')}
          </Button>
        </Space>
      )}
      {document ? (
        <ReportDocumentView document={document} />
      ) : (
        verification.authentic && <CodeForm wrong={code !== null} onCode={onCode} />
      )}
    </Space>
  );
}

/**
 * A public credit report by its number (where the QR code on the PDF points): whether it is authentic and what
 * the platform holds about it, and — with the verification code printed beside the number — the report itself,
 * to read, print or download as the signed PDF.
 */
export function ReportPage() {
  const { t } = useI18n();
  const number = useParams().number ?? '';
  const [params, setParams] = useSearchParams();
  const code = params.get('code');
  usePageTitle(`${t('report.title')} ${number}`);
  const load = useMemo(
    () => (signal: AbortSignal) => api.verifyReport({ number, code: code ?? undefined }, signal),
    [number, code],
  );
  const verification = useRemote(load);
  const accepted = acceptedAt(useLocation().state);
  return (
    <div className="report-page">
      <nav className="no-print report-nav">
        <Link to="/reports/verify">
          <SafetyCertificateOutlined /> {t('report.verifyAnother')}
        </Link>
      </nav>
      {accepted && <AcceptedNote at={accepted} />}
      <RemoteView remote={verification} title={t('report.title')} rows={10}>
        {(data) => (
          <ReportBody
            number={number}
            code={code}
            verification={data}
            onCode={(next) => setParams({ code: next })}
          />
        )}
      </RemoteView>
    </div>
  );
}
