import { Descriptions, Space } from 'antd';
import type { ComponentProps, ReactNode } from 'react';
import type { SubjectView } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { codeLabel } from '../display.ts';
import { RecordSections } from './RecordSections.tsx';

/**
 * What one viewer may see of a subject today: who it is (masked as the server masked it), the day the view
 * holds for, actions on it (issuing a report), then its records by category.
 */
export function SubjectDisclosure({
  view,
  actions,
  more,
}: {
  view: SubjectView;
  actions?: ReactNode;
  more?: ComponentProps<typeof RecordSections>['more'];
}) {
  const { t } = useI18n();
  const { subject } = view;
  return (
    <Space orientation="vertical" size="large" className="full-width subject-disclosure">
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'name', label: t('subject.name'), children: <strong>{subject.name}</strong> },
          { key: 'code', label: t('archive.subjectCode'), children: subject.code },
          { key: 'kind', label: t('subject.kind'), children: codeLabel(t, 'kind', subject.kind) },
          { key: 'today', label: t('credit.asOf'), children: view.today },
        ]}
      />
      {actions && <div className="subject-disclosure-actions no-print">{actions}</div>}
      <RecordSections sections={view.sections} more={more} />
    </Space>
  );
}
