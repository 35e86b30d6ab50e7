import { Alert, Button, Descriptions, Form, Input, Select, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { api, type ExplainableViewer, explainableViewers, type RecordExplanation } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useRemote } from '../../use-remote.ts';
import { codeLabel, inLocale } from '../display.ts';
import { RemoteView } from '../RemoteView.tsx';

/** Viewers whose answer depends on their organization: an agency's sharing permissions, a provider's own records. */
const organizationViewers: readonly ExplainableViewer[] = ['GOV', 'PROVIDER'];

interface Asked {
  kind: ExplainableViewer;
  organization?: string;
}

function Explanation({ explanation }: { explanation: RecordExplanation }) {
  const { t, locale } = useI18n();
  const viewer = codeLabel(t, 'viewerKind', explanation.viewer);
  const details = [
    {
      key: 'state',
      label: t('explain.stateToday'),
      children: `${codeLabel(t, 'recordState', explanation.stateToday)}（${explanation.today}）`,
    },
    {
      key: 'disclosure',
      label: t('archive.disclosure'),
      children: codeLabel(t, 'disclosure', explanation.disclosure),
    },
    ...(explanation.markers.length > 0
      ? [
          {
            key: 'markers',
            label: t('explain.markers'),
            children: explanation.markers.map((m) => (
              <Tag key={m} color="orange">
                {m}
              </Tag>
            )),
          },
        ]
      : []),
    ...(explanation.rule ? [{ key: 'rule', label: t('explain.rule'), children: explanation.rule }] : []),
    ...(explanation.citation
      ? [{ key: 'citation', label: t('explain.citation'), children: explanation.citation }]
      : []),
  ];
  return (
    <>
      <Alert
        type={explanation.shown ? 'success' : 'warning'}
        showIcon
        role="status"
        className="form-alert"
        title={t(explanation.shown ? 'explain.shown' : 'explain.hidden', { viewer })}
        description={explanation.reason ? inLocale(explanation.reason, locale) : undefined}
      />
      <Descriptions size="small" bordered column={1} className="detail-list" items={details} />
    </>
  );
}

/**
 * Why a viewer sees this record today, or which rule of Tables F-1/F-2 hides it and on which article (spec
 * §2.F): the center's answer to "why can't they see it?" without reading code. Each question is audited.
 */
export function VisibilityExplain({ subject, recordId }: { subject: string; recordId: number }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<ExplainableViewer>('PUBLIC');
  const [asked, setAsked] = useState<Asked | null>(null);
  const load = useMemo(
    () =>
      asked ? (signal: AbortSignal) => api.explainRecord({ subject, id: recordId }, asked, signal) : null,
    [asked, subject, recordId],
  );
  const explanation = useRemote(load);
  return (
    <>
      <Form
        layout="inline"
        className="explain-form"
        initialValues={{ kind }}
        onFinish={(values: Asked) =>
          setAsked({ kind: values.kind, organization: values.organization?.trim() || undefined })
        }
      >
        <Form.Item name="kind" label={t('explain.viewer')}>
          <Select
            className="explain-viewer"
            onChange={setKind}
            options={explainableViewers.map((v) => ({ value: v, label: codeLabel(t, 'viewerKind', v) }))}
          />
        </Form.Item>
        {organizationViewers.includes(kind) && (
          <Form.Item name="organization" label={t('explain.organization')}>
            <Input autoComplete="off" maxLength={40} />
          </Form.Item>
        )}
        <Button htmlType="submit">{t('explain.ask')}</Button>
      </Form>
      <RemoteView remote={explanation} title={t('explain.title')}>
        {(data) => <Explanation explanation={data} />}
      </RemoteView>
    </>
  );
}
