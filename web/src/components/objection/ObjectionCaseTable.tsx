import { Table, type TableColumnsType, Tag } from 'antd';
import type { ReactNode } from 'react';
import type { ObjectionCase } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { codeLabel } from '../display.ts';

/** The step a case waits on: its first open step with a due date (R6). */
function openStep(row: ObjectionCase) {
  return row.steps.find((step) => step.completedAt === null && step.step !== 'SLA_TARGET');
}

/**
 * Objection cases with their status, the step they wait on and its due date, late steps marked (R6); the
 * outcome once closed; and what the page lets the reader do with each.
 */
export function ObjectionCaseTable({
  cases,
  actions,
  showSubject = true,
}: {
  cases: ObjectionCase[];
  actions?: (row: ObjectionCase) => ReactNode;
  showSubject?: boolean;
}) {
  const { t } = useI18n();
  const columns: TableColumnsType<ObjectionCase> = [
    { key: 'number', title: t('objection.caseNumber'), dataIndex: 'caseNumber' },
    ...(showSubject ? [{ key: 'subject', title: t('objection.subject'), dataIndex: 'subjectCode' }] : []),
    {
      key: 'ground',
      title: t('objection.ground'),
      render: (_, c) => codeLabel(t, 'objectionGround', c.ground),
    },
    { key: 'received', title: t('objection.receivedOn'), dataIndex: 'receivedOn' },
    {
      key: 'status',
      title: t('objection.status'),
      render: (_, c) => codeLabel(t, 'objectionStatus', c.status),
    },
    {
      key: 'due',
      title: t('objection.nextDue'),
      render: (_, c) => {
        const step = openStep(c);
        if (!step || c.status === 'CLOSED') return null;
        return (
          <>
            {codeLabel(t, 'objectionStep', step.step)} {step.dueOn}{' '}
            {step.overdue && <Tag color="red">{t('objection.overdue')}</Tag>}
          </>
        );
      },
    },
    {
      key: 'outcome',
      title: t('objection.outcome'),
      className: 'wrap-cell',
      render: (_, c) =>
        c.outcome
          ? `${codeLabel(t, 'objectionOutcome', c.outcome)}${c.outcomeReasons ? `：${c.outcomeReasons}` : ''}`
          : (c.notAcceptedReason ?? ''),
    },
    ...(actions
      ? [
          {
            key: 'actions',
            title: t('objection.actions'),
            render: (_: unknown, c: ObjectionCase) => actions(c),
          },
        ]
      : []),
  ];
  return (
    <Table<ObjectionCase>
      rowKey="caseNumber"
      dataSource={cases}
      columns={columns}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('objection.none') }}
    />
  );
}
