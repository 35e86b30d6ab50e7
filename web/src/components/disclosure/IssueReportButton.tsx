import { FileProtectOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { createSearchParams, useNavigate } from 'react-router-dom';
import type { IssuedReport } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { RefusalAlert } from '../RefusalAlert.tsx';
import { useAction } from '../use-action.ts';

/** What a page that opens a report tells the report page: when the service point accepted the application. */
export interface ReportPageState {
  acceptedAt: string;
}

/** The report page of an issued report, with the code that shows its content. */
export function reportPagePath(report: { number: string; verificationCode: string }): string {
  return `/reports/${encodeURIComponent(report.number)}?${createSearchParams({ code: report.verificationCode })}`;
}

/** Issues a public credit report and opens it; a refusal stays beside the button. */
export function IssueReportButton({ label, issue }: { label: string; issue(): Promise<IssuedReport> }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const issuing = useAction(async () => {
    navigate(reportPagePath(await issue()));
  });
  return (
    <>
      <Button
        type="primary"
        icon={<FileProtectOutlined />}
        loading={issuing.running}
        onClick={() => void issuing.run()}
      >
        {label}
      </Button>
      {issuing.refusal && <RefusalAlert title={t('credit.issueFailed')} error={issuing.refusal.error} />}
    </>
  );
}
