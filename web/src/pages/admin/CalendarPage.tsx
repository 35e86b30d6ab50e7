import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Table, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { api, type LoadedNotice } from '../../api.ts';
import { problemText } from '../../components/problem-text.ts';
import { RemoteView } from '../../components/RemoteView.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { usePageTitle } from '../../page-title.ts';
import { useRemote } from '../../use-remote.ts';

const loadCalendar = (signal: AbortSignal) => api.calendar(signal);
const loadAlerts = (signal: AbortSignal) => api.adminAlerts(signal);

/** The center's working-day calendar: which years it covers, and loading each year's State Council notice. */
export function CalendarPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('admin.calendar.title'));
  const calendar = useRemote(loadCalendar);
  // The server decides when a missing year matters (from 1 December, on the instance's own today).
  const alerts = useRemote(loadAlerts);
  const [outcome, setOutcome] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [loading, setLoading] = useState(false);

  async function load(file: File) {
    setOutcome(null);
    let notice: unknown;
    try {
      notice = JSON.parse(await file.text());
    } catch (error) {
      setOutcome({ type: 'error', text: t('admin.calendar.notJson', { reason: (error as Error).message }) });
      return;
    }
    setLoading(true);
    try {
      const loaded = await api.loadHolidayNotice(notice);
      const values = {
        year: String(loaded.year),
        holidays: String(loaded.holidays),
        workdays: String(loaded.workdays),
      };
      setOutcome({
        type: 'success',
        text: t(loaded.replaced ? 'admin.calendar.replaced' : 'admin.calendar.loaded', values),
      });
      calendar.retry();
      alerts.retry();
    } catch (error) {
      setOutcome({ type: 'error', text: problemText(t, error) });
    } finally {
      setLoading(false);
    }
  }

  const columns = useMemo(
    () => [
      { key: 'year', title: t('admin.calendar.year'), dataIndex: 'year' },
      { key: 'source', title: t('admin.calendar.source'), dataIndex: 'source' },
      {
        key: 'days',
        title: t('admin.calendar.days'),
        render: (_: unknown, notice: LoadedNotice) => `${notice.holidays} / ${notice.workdays}`,
      },
      {
        key: 'loadedBy',
        title: t('admin.calendar.loadedBy'),
        render: (_: unknown, notice: LoadedNotice) =>
          `${notice.loadedBy} · ${new Date(notice.loadedAt).toLocaleString()}`,
      },
    ],
    [t],
  );

  const coverageAlert =
    alerts.state === 'ok' ? alerts.data.find((alert) => alert.code === 'CALENDAR_NOT_COVERED') : undefined;

  return (
    <div className="admin-page">
      <Typography.Title level={1}>{t('admin.calendar.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('admin.calendar.intro')}</Typography.Paragraph>
      <RemoteView remote={calendar} title={t('admin.calendar.title')}>
        {({ coveredYears: covered, notices }) => (
          <>
            <Typography.Paragraph strong>
              {t('admin.calendar.covered', {
                from: String(covered[0] ?? ''),
                to: String(covered.at(-1) ?? ''),
              })}
            </Typography.Paragraph>
            {coverageAlert && (
              <Alert
                type="warning"
                showIcon
                className="form-alert"
                title={locale === 'zh-CN' ? coverageAlert.zh : coverageAlert.en}
              />
            )}
            <Upload
              accept="application/json,.json"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(file) => {
                void load(file);
                return false;
              }}
            >
              <Button type="primary" icon={<UploadOutlined />} loading={loading}>
                {t('admin.calendar.upload')}
              </Button>
            </Upload>
            <Typography.Paragraph type="secondary" className="calendar-format">
              {t('admin.calendar.format')}
            </Typography.Paragraph>
            {outcome && (
              <Alert type={outcome.type} showIcon title={outcome.text} className="form-alert" role="status" />
            )}
            <Typography.Title level={2}>{t('admin.calendar.notices')}</Typography.Title>
            <Table<LoadedNotice>
              rowKey="year"
              columns={columns}
              dataSource={notices}
              locale={{ emptyText: t('admin.calendar.none') }}
              pagination={false}
              scroll={{ x: 'max-content' }}
            />
          </>
        )}
      </RemoteView>
    </div>
  );
}
