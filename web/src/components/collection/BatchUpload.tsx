import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { BatchOutcome } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { problemText } from '../problem-text.ts';
import { uploadBatch } from './upload.ts';

/** What a provider may upload: CSV (UTF-8 or GBK) or XLSX, as the upload route reads them. */
const ACCEPTED_FILES =
  '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface BatchUploadProps {
  item: string;
  /** The batch whose returned rows the file fixes. */
  resubmits?: number;
  label: string;
  primary?: boolean;
  onDone(outcome: BatchOutcome): void;
}

/**
 * Picks a file and sends it for one catalog item, with a progress bar while it is sent and a note while
 * the server validates and stores it; a refused file shows the server's reason.
 */
export function BatchUpload({ item, resubmits, label, primary = true, onDone }: BatchUploadProps) {
  const { t } = useI18n();
  const [sent, setSent] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const running = useRef<AbortController | null>(null);
  // Leaving the page abandons the upload rather than updating a page that is gone.
  useEffect(() => () => running.current?.abort(), []);

  async function send(file: File) {
    const controller = new AbortController();
    running.current = controller;
    setProblem(null);
    setSent(0);
    try {
      const outcome = await uploadBatch({
        item,
        file,
        resubmits,
        onProgress: setSent,
        signal: controller.signal,
      });
      onDone(outcome);
    } catch (error) {
      if (!controller.signal.aborted)
        setProblem(t('collection.uploadFailed', { reason: problemText(t, error) }));
    } finally {
      if (!controller.signal.aborted) setSent(null);
    }
  }

  const percent = sent === null ? 0 : Math.round(sent * 100);
  return (
    <div className="batch-upload">
      <Upload
        accept={ACCEPTED_FILES}
        maxCount={1}
        showUploadList={false}
        disabled={sent !== null}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
      >
        <Button type={primary ? 'primary' : 'default'} icon={<UploadOutlined />} loading={sent !== null}>
          {label}
        </Button>
      </Upload>
      {sent !== null && (
        <div role="status">
          <Progress percent={percent} status="active" aria-label={t('collection.uploadProgress')} />
          <Typography.Text type="secondary">
            {percent < 100 ? t('collection.uploading') : t('collection.validating')}
          </Typography.Text>
        </div>
      )}
      {problem && <Alert type="error" showIcon title={problem} className="form-alert" role="alert" />}
    </div>
  );
}
