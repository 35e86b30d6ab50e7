import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, type ReportVerification } from '../api.ts';
import { reportPagePath } from '../components/disclosure/IssueReportButton.tsx';
import { VerificationSummary } from '../components/disclosure/VerificationSummary.tsx';
import { RefusalAlert } from '../components/RefusalAlert.tsx';
import { useAction } from '../components/use-action.ts';
import { useI18n } from '../i18n/index.tsx';
import { usePageTitle } from '../page-title.ts';

interface Checked {
  verification: ReportVerification;
  /** The verification code entered with the number, which opens the report's page with its content. */
  code: string | null;
  /** The file checked, when one was uploaded. */
  fileName: string | null;
}

/**
 * Anyone holding a public credit report checks it here (000 第二十二条 防伪; R95): by the number printed on it —
 * with the verification code beside it to read the content — or by the PDF file, which is authentic only when
 * it is byte for byte the file issued.
 */
export function ReportVerifyPage() {
  const { t } = useI18n();
  usePageTitle(t('reportVerify.title'));
  const [checked, setChecked] = useState<Checked | null>(null);
  const byNumber = useAction(async ({ number, code }: { number: string; code?: string }) => {
    const trimmed = code?.trim() || null;
    setChecked(null);
    const verification = await api.verifyReport({ number: number.trim(), code: trimmed ?? undefined });
    setChecked({ verification, code: trimmed, fileName: null });
  });
  const byFile = useAction(async (file: File) => {
    setChecked(null);
    setChecked({ verification: await api.verifyReportFile(file), code: null, fileName: file.name });
  });
  const refusal = byNumber.refusal ?? byFile.refusal;
  const document = checked?.verification.document;

  return (
    <div className="report-verify-page">
      <Typography.Title level={1}>{t('reportVerify.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('reportVerify.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title={<h2 className="card-title">{t('reportVerify.byNumber')}</h2>} className="full-height">
            <Form layout="vertical" requiredMark={false} onFinish={(values) => void byNumber.run(values)}>
              <Form.Item
                name="number"
                label={t('report.number')}
                rules={[{ required: true, whitespace: true, message: t('admin.required') }]}
              >
                <Input autoComplete="off" placeholder="RPT-20260615-000001" />
              </Form.Item>
              <Form.Item name="code" label={t('reportVerify.code')}>
                <Input autoComplete="off" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={byNumber.running}>
                {t('reportVerify.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={<h2 className="card-title">{t('reportVerify.byFile')}</h2>} className="full-height">
            <Typography.Paragraph type="secondary">{t('reportVerify.fileHint')}</Typography.Paragraph>
            <Upload
              accept="application/pdf,.pdf"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(file) => {
                void byFile.run(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={byFile.running}>
                {t('reportVerify.upload')}
              </Button>
            </Upload>
          </Card>
        </Col>
      </Row>
      <section aria-live="polite" className="report-verify-result">
        {refusal && <RefusalAlert title={t('reportVerify.failed')} error={refusal.error} />}
        {checked && (
          <>
            {checked.fileName && (
              <Typography.Paragraph>
                {t('reportVerify.fileName', { name: checked.fileName })}
              </Typography.Paragraph>
            )}
            <VerificationSummary verification={checked.verification} />
            {document && checked.code && (
              <Link
                className="report-open-link"
                to={reportPagePath({ number: document.number, verificationCode: checked.code })}
              >
                {t('reportVerify.openReport')}
              </Link>
            )}
          </>
        )}
      </section>
    </div>
  );
}
