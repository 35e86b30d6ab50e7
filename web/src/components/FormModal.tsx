import { Alert, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { problemText } from './problem-text.ts';

interface FormModalProps<Values> {
  open: boolean;
  title: string;
  form: FormInstance<Values>;
  onClose(): void;
  /** Sends the values; a failure is shown in the dialog with the server's reason and the form stays filled. */
  submit(values: Values): Promise<void>;
  children: ReactNode;
}

/** A dialog around a form that is sent once: saving state, the server's reason on failure, reset on success. */
export function FormModal<Values>({ open, title, form, onClose, submit, children }: FormModalProps<Values>) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function send(values: Values) {
    setSaving(true);
    setProblem(null);
    try {
      await submit(values);
      form.resetFields();
    } catch (error) {
      setProblem(problemText(t, error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('admin.submit')}
      cancelText={t('admin.cancel')}
      confirmLoading={saving}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} className="form-alert" role="alert" />}
      <Form form={form} layout="vertical" onFinish={send} requiredMark={false}>
        {children}
      </Form>
    </Modal>
  );
}
