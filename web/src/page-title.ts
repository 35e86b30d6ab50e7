import { useEffect } from 'react';
import { useI18n } from './i18n/index.tsx';

/** Names the browser tab after the page, so screen readers and history entries say where the visitor is. */
export function usePageTitle(pageTitle: string): void {
  const { t } = useI18n();
  const appName = t('app.name');
  useEffect(() => {
    document.title = `${pageTitle} · ${appName}`;
  }, [pageTitle, appName]);
}
