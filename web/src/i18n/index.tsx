import { ConfigProvider } from 'antd';
import antdEnUS from 'antd/locale/en_US';
import antdZhCN from 'antd/locale/zh_CN';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { enUS } from './en-US.ts';
import { type MessageKey, type Messages, zhCN } from './zh-CN.ts';

export const locales = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof locales)[number];
/** Each language named in itself, as a language switch shows it. */
export const localeNames: Record<Locale, string> = { 'zh-CN': '中文', 'en-US': 'English' };

const dictionaries: Record<Locale, Messages> = { 'zh-CN': zhCN, 'en-US': enUS };
const antdLocales = { 'zh-CN': antdZhCN, 'en-US': antdEnUS } satisfies Record<Locale, unknown>;
const defaultLocale: Locale = 'zh-CN';
const storageKey = 'gongxin.locale';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

function isLocale(value: unknown): value is Locale {
  return locales.some((locale) => locale === value);
}

// Storage can be unavailable (privacy modes, blocked cookies); the interface then simply starts in Chinese.
function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLocale(stored) ? stored : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Not persisting the choice is acceptable: it still holds for this visit.
  }
}

function interpolate(template: string, values: Record<string, string | number> | undefined): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder,
  );
}

/** Chooses the interface language (zh-CN unless the visitor picked English before) and gives AntD the same. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const messages = dictionaries[locale];
    return { locale, setLocale, t: (key, values) => interpolate(messages[key], values) };
  }, [locale, setLocale]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={antdLocales[locale]}>{children}</ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be called inside <I18nProvider>');
  return i18n;
}
