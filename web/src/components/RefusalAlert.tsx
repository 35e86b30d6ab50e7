import { Alert } from 'antd';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { problemText } from './problem-text.ts';

/**
 * Why the server refused a change, one reason a line: a refusal with several reasons (the catalog's missing
 * elements, the materials an application lacks) is read and fixed item by item; a single message is shown in
 * the visitor's language.
 */
export function RefusalAlert({ title, error }: { title: string; error: unknown }) {
  const { t, locale } = useI18n();
  const reasons =
    error instanceof ApiError && error.fields.length > 0
      ? error.fields.map((f) => f.reason)
      : [problemText(t, error, locale)];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="form-alert"
      title={title}
      description={
        <ul className="refusal-reasons">
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      }
    />
  );
}
