import { Descriptions, type DescriptionsProps, Table, type TableColumnsType, Tag } from 'antd';
import { type Key, type ReactNode, useState } from 'react';
import type { ObjectionCase } from '../../api.ts';
import { type Translate, useI18n } from '../../i18n/index.tsx';
import { codeLabel } from '../display.ts';

/** The step a case waits on: its first open step with a due date (R6). */
function openStep(row: ObjectionCase) {
  return row.steps.find((step) => step.completedAt === null && step.step !== 'SLA_TARGET');
}

/**
 * What the case is about and what each side said: the records, the applicant's statement and evidence, the
 * center's comparison and the provider's answer. The desk cannot compare nor the provider verify without them.
 */
function CaseDetails({
  row,
  t,
  recordLabel,
}: {
  row: ObjectionCase;
  t: Translate;
  recordLabel: (id: number) => string;
}) {
  const items: DescriptionsProps['items'] = [
    { key: 'records', label: t('objection.records'), children: row.recordIds.map(recordLabel).join('；') },
    { key: 'statement', label: t('objection.statement'), children: row.statement },
    ...(row.evidence ? [{ key: 'evidence', label: t('objection.evidence'), children: row.evidence }] : []),
    ...(row.comparison
      ? [
          {
            key: 'comparison',
            label: t('objection.comparison'),
            children: codeLabel(t, 'objectionComparison', row.comparison),
          },
        ]
      : []),
    ...(row.providerVerdict
      ? [
          {
            key: 'verdict',
            label: t('objection.verdict'),
            children: [
              codeLabel(t, 'objectionVerdict', row.providerVerdict),
              row.providerOpinion && codeLabel(t, 'objectionOpinion', row.providerOpinion),
              row.providerReasons,
            ]
              .filter((part) => part)
              .join('：'),
          },
        ]
      : []),
  ];
  return <Descriptions size="small" column={1} bordered items={items} className="detail-list" />;
}

/**
 * Which cases the reader has opened, kept by the page: the table is rebuilt when the list reloads after a step,
 * and the case just acted on must stay open.
 */
export function useOpenCases() {
  const [keys, setKeys] = useState<readonly Key[]>([]);
  return { expandedRowKeys: keys, onExpandedRowsChange: setKeys };
}

/**
 * Objection cases with their status, the step they wait on and its due date, late steps marked (R6); the
 * outcome once closed; what the page lets the reader do with each; and, opened, what the case is about.
 */
export function ObjectionCaseTable({
  cases,
  actions,
  showSubject = true,
  recordLabel,
  openCases,
}: {
  cases: ObjectionCase[];
  actions?: (row: ObjectionCase) => ReactNode;
  showSubject?: boolean;
  /** How the reader knows a record; by its number where nothing better is at hand. */
  recordLabel?: (id: number) => string;
  openCases: ReturnType<typeof useOpenCases>;
}) {
  const { t } = useI18n();
  const labelOf = recordLabel ?? ((id: number) => t('objection.recordNumber', { id }));
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
            // The steps stay in reach when the table scrolls sideways, as it does with a case opened.
            fixed: 'right' as const,
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
      expandable={{
        ...openCases,
        expandedRowRender: (row) => <CaseDetails row={row} t={t} recordLabel={labelOf} />,
      }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('objection.none') }}
    />
  );
}
