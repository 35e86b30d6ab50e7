import { ApiError } from '../api.ts';
import type { Translate } from '../i18n/index.tsx';
import { inLocale } from './display.ts';

/** How the server joins the two languages of a refusal it words itself (src/http/errors.ts HttpProblem). */
const LANGUAGE_SEPARATOR = ' / ';

/**
 * A message the server words in both languages, "中文 / English", in the visitor's: the refusals that name
 * service points, windows or validity dates are read in full, not beside their translation. A message in one
 * language only is shown as it is.
 */
export function serverMessage(message: string, locale: string): string {
  const at = message.indexOf(LANGUAGE_SEPARATOR);
  if (at < 0) return message;
  return inLocale({ zh: message.slice(0, at), en: message.slice(at + LANGUAGE_SEPARATOR.length) }, locale);
}

/**
 * What went wrong, for a person: the refused fields with their reasons, or the server's message — in the
 * visitor's language when `locale` is given and the server worded it in both.
 */
export function problemText(t: Translate, error: unknown, locale?: string): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('app.networkError');
    if (error.fields.length > 0) return error.fields.map((f) => `${f.field}: ${f.reason}`).join('; ');
    return locale ? serverMessage(error.message, locale) : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
