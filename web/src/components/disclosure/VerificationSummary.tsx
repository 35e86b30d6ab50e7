import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Descriptions } from 'antd';
import type { ReportVerification } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { inLocale } from '../display.ts';

/** 真实有效 or 不真实 with the server's reason, then what the platform holds about the report (R95). */
export function VerificationSummary({ verification }: { verification: ReportVerification }) {
  const { t, locale } = useI18n();
  const { authentic, metadata } = verification;
  return (
    <div className="verification-summary">
      <Alert
        type={authentic ? 'success' : 'error'}
        showIcon
        icon={authentic ? <CheckCircleFilled /> : <CloseCircleFilled />}
        role="status"
        className="verification-status"
        title={t(authentic ? 'verification.authentic' : 'verification.notAuthentic')}
        description={inLocale(verification.message, locale)}
      />
      {metadata && (
        <Descriptions
          bordered
          size="small"
          column={1}
          className="detail-list verification-metadata"
          items={[
            { key: 'number', label: t('report.number'), children: metadata.number },
            { key: 'queryTime', label: t('report.queryTime'), children: metadata.queryTime },
            { key: 'issuer', label: t('report.issuer'), children: metadata.issuer },
            { key: 'subject', label: t('archive.subjectCode'), children: metadata.subjectCode },
            {
              key: 'hash',
              label: t('verification.contentHash'),
              children: <code className="break-all">{metadata.contentHash}</code>,
            },
            {
              key: 'signature',
              label: t('verification.signature'),
              children: `${metadata.signatureAlgorithm} · ${metadata.signingKeyId}`,
            },
          ]}
        />
      )}
    </div>
  );
}
