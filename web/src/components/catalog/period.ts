import type { CatalogPeriod, ItemPeriodRule } from '../../api.ts';
import type { Translate } from '../../i18n/index.tsx';

/** 3 年 6 个月 / 3 years 6 months; a dash for an empty period. */
export function periodText(t: Translate, period: CatalogPeriod | null): string {
  if (!period) return '—';
  const parts = [
    period.years ? t('period.years', { n: period.years }) : null,
    period.months ? t('period.months', { n: period.months }) : null,
    period.days ? t('period.days', { n: period.days }) : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' ') : '—';
}

/** The item's 记录期限 / 有效期限 / 使用期限: its own period, or the city's rule. */
export function periodRuleText(t: Translate, rule: ItemPeriodRule | null): string {
  if (!rule) return '—';
  return rule.kind === 'PROFILE_RULE' ? t('catalog.periodProfileRule') : periodText(t, rule.period);
}
