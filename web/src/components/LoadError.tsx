import { Alert, Button } from 'antd';
import type { ApiError } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';

interface LoadErrorProps {
  title: string;
  error: ApiError;
  onRetry(): void;
}

/** A failed request: what failed, the server's reason, and a way to try again. */
export function LoadError({ title, error, onRetry }: LoadErrorProps) {
  const { t } = useI18n();
  const reason = error.status === 0 ? t('app.networkError') : t('app.loadFailed', { reason: error.message });
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={reason}
      action={
        <Button size="small" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      }
    />
  );
}
