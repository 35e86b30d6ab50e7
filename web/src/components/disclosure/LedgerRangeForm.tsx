import { Button, Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';

/** The days of a query ledger to read, both inclusive (ISO dates). */
export interface LedgerRange {
  from: string;
  to: string;
}

/** The ISO day `days` after (or before) an ISO day. */
export function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The last thirty days up to the platform's today: what a ledger page shows first. */
export function recentDays(today: string): LedgerRange {
  return { from: shiftDay(today, -30), to: today };
}

/**
 * Which days of a query ledger (000 第二十条; 002 第十二条) to read; `children` are further fields the ledger is
 * asked by (the organization, for the center), placed before the days.
 */
export function LedgerRangeForm<Values extends LedgerRange>({
  initialValues,
  onShow,
  children,
}: {
  initialValues: Partial<Values>;
  onShow(values: Values): void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Form<Values> layout="inline" initialValues={initialValues} onFinish={onShow} className="ledger-range">
      {children}
      <Form.Item
        name="from"
        label={t('govQuery.from')}
        rules={[{ required: true, message: t('admin.required') }]}
      >
        <Input type="date" />
      </Form.Item>
      <Form.Item
        name="to"
        label={t('govQuery.to')}
        rules={[{ required: true, message: t('admin.required') }]}
      >
        <Input type="date" />
      </Form.Item>
      <Button htmlType="submit">{t('govQuery.show')}</Button>
    </Form>
  );
}
