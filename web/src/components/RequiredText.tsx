import { Form, Input } from 'antd';
import { useI18n } from '../i18n/index.tsx';

/** The rule of a field that must be filled: spaces alone do not count. */
export function useRequiredRule() {
  const { t } = useI18n();
  return [{ required: true, whitespace: true, message: t('admin.required') }];
}

/**
 * A required text field of a form: one line for a code or a name, several (`multiline`) for a purpose or a
 * scope; at most `maxLength` characters, as the server's schema allows.
 */
export function RequiredText({
  name,
  label,
  maxLength,
  multiline = false,
}: {
  name: string;
  label: string;
  maxLength: number;
  multiline?: boolean;
}) {
  return (
    <Form.Item name={name} label={label} rules={useRequiredRule()}>
      {multiline ? (
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={maxLength} />
      ) : (
        <Input autoComplete="off" maxLength={maxLength} />
      )}
    </Form.Item>
  );
}
