import { Select } from 'antd';
import { useMemo } from 'react';
import { api, type PublishedItemSummary } from '../../api.ts';
import { type Translate, useI18n } from '../../i18n/index.tsx';
import { useRemote } from '../../use-remote.ts';

const loadCatalog = (signal: AbortSignal) => api.catalog(signal);

/** The published items whose records are disclosed by authorization (授权查询, 000 第十一条): what a grant may name. */
export function useAuthorizedItems(): PublishedItemSummary[] {
  const catalog = useRemote(loadCatalog);
  return useMemo(
    () => (catalog.state === 'ok' ? catalog.data.filter((item) => item.disclosure === 'authorized') : []),
    [catalog],
  );
}

/** The items of an authorization by name, or 全部授权查询事项 when it names none (R80). */
export function authorizedItemsText(
  items: readonly string[] | null,
  known: readonly PublishedItemSummary[],
  all: string,
): string {
  if (!items || items.length === 0) return all;
  return items.map((code) => known.find((item) => item.code === code)?.name ?? code).join('、');
}

/**
 * Picks 授权查询 items for an authorization; none picked means all of them (R80). A form control: Form.Item
 * passes `value` and `onChange`.
 */
export function AuthorizedItemsSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string[];
  onChange?(value: string[]): void;
}) {
  const { t } = useI18n();
  const items = useAuthorizedItems();
  return (
    <Select
      id={id}
      mode="multiple"
      allowClear
      value={value}
      onChange={onChange}
      placeholder={t('authorization.allItems')}
      options={items.map((item) => ({ value: item.code, label: `${item.name}（${item.code}）` }))}
    />
  );
}

/** An authorization's validity: its last day, or one report on the day it was given. */
export function validityText(
  t: Translate,
  authorization: { validFrom: string; validUntil: string | null },
): string {
  return authorization.validUntil
    ? t('dates.range', { from: authorization.validFrom, until: authorization.validUntil })
    : t('authorization.singleReport', { day: authorization.validFrom });
}
