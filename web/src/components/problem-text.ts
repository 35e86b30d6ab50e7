import { ApiError } from '../api.ts';
import type { Translate } from '../i18n/index.tsx';

/** What went wrong, for a person: the refused fields with their reasons, or the server's message. */
export function problemText(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('app.networkError');
    if (error.fields.length > 0) return error.fields.map((f) => `${f.field}: ${f.reason}`).join('; ');
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
