import { Alert, Modal, Typography } from 'antd';
import { useI18n } from '../i18n/index.tsx';

/** A secret the server answers once (temporary password, client secret): shown with a copy button until dismissed. */
export function ShownOnce({
  title,
  label,
  secret,
  onClose,
}: {
  title: string;
  label: string;
  secret: string | null;
  onClose(): void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={secret !== null}
      title={title}
      onOk={onClose}
      onCancel={onClose}
      okText={t('admin.close')}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
    >
      <Alert type="warning" showIcon title={label} className="form-alert" />
      <Typography.Paragraph copyable={{ text: secret ?? '' }} className="shown-once" code>
        {secret}
      </Typography.Paragraph>
    </Modal>
  );
}
