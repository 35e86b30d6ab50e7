import type { Translate } from '../i18n/index.tsx';
import { type MessageKey, zhCN } from '../i18n/zh-CN.ts';

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

/**
 * The name of a code the server sends (a record state, a flag, a category), or the code itself when this
 * build has no name for it: a code the server adds later still shows instead of a blank.
 */
export function codeLabel(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/** A text the server gives in both languages, in the visitor's. */
export function inLocale(text: { zh: string; en: string }, locale: string): string {
  return locale === 'zh-CN' ? text.zh : text.en;
}

/** A server timestamp in the visitor's language and time zone. */
export function formatTime(iso: string, locale: string): string {
  return new Date(iso).toLocaleString(locale);
}

/** A stored value as text: a dash for nothing, JSON for anything structured. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Every code this build names under a prefix, as select options: the names are the web app's one list of
 * such codes (record kinds, data classes, legal basis types …), and the server refuses any it does not know.
 */
export function codeOptions(t: Translate, prefix: string): Array<{ value: string; label: string }> {
  return Object.keys(zhCN)
    .filter((key) => key.startsWith(`${prefix}.`))
    .map((key) => {
      const code = key.slice(prefix.length + 1);
      return { value: code, label: codeLabel(t, prefix, code) };
    });
}
