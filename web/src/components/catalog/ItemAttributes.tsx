import { Descriptions, Tooltip } from 'antd';
import type { CatalogDefinition, OrganizationRef } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { codeLabel } from '../display.ts';
import { periodRuleText, periodText } from './period.ts';

interface ItemAttributesProps {
  definition: CatalogDefinition;
  /** The city's own names, where the server gives them (守信信息 in XM, 良好信息 in WH …). */
  categoryName?: string | null;
  disclosureName?: string | null;
  providers: readonly OrganizationRef[];
  /** R15: who may retrieve government-shared records, by name or, for a draft, by code. */
  usagePermission: readonly string[] | null;
  owner?: OrganizationRef | null;
}

const organizationNames = (organizations: readonly OrganizationRef[]) =>
  organizations.map((o) => o.name).join('、');

const SUMMARY_NAMES = 3;

/** A few providers by name and how many more: a catalog list stays readable where every department provides. */
export function ProvidersSummary({ providers }: { providers: readonly OrganizationRef[] }) {
  const { t } = useI18n();
  if (providers.length === 0) return '—';
  const named = organizationNames(providers.slice(0, SUMMARY_NAMES));
  return (
    <Tooltip title={providers.length > SUMMARY_NAMES ? organizationNames(providers) : undefined}>
      <span>
        {providers.length > SUMMARY_NAMES
          ? t('catalog.andMore', { names: named, count: providers.length })
          : named}
      </span>
    </Tooltip>
  );
}

/** The elements of a catalog item the regulations name (000 第九条; 003 第八条; 004 第八条). */
export function ItemAttributes(props: ItemAttributesProps) {
  const { t } = useI18n();
  const { definition: d } = props;
  const dash = (value: string | null | undefined) => (value ? value : '—');
  const items = [
    { key: 'code', label: t('catalog.code'), children: d.code },
    { key: 'name', label: t('catalog.name'), children: d.name },
    {
      key: 'category',
      label: t('catalog.category'),
      children: props.categoryName ?? (d.category ? codeLabel(t, 'category', d.category) : '—'),
    },
    {
      key: 'disclosure',
      label: t('catalog.disclosure'),
      children: props.disclosureName ?? (d.disclosure ? codeLabel(t, 'disclosure', d.disclosure) : '—'),
    },
    { key: 'recordKind', label: t('catalog.recordKind'), children: codeLabel(t, 'recordKind', d.recordKind) },
    {
      key: 'subjectScope',
      label: t('catalog.subjectScope'),
      children: codeLabel(t, 'subjectScope', d.subjectScope),
    },
    { key: 'frequency', label: t('catalog.frequency'), children: dash(d.frequency) },
    { key: 'period', label: t('catalog.period'), children: periodRuleText(t, d.period) },
    ...(d.retentionPeriod
      ? [
          {
            key: 'retention',
            label: t('catalog.retentionPeriod'),
            children: periodText(t, d.retentionPeriod),
          },
        ]
      : []),
    { key: 'dataSource', label: t('catalog.dataSource'), children: dash(d.dataSource) },
    { key: 'providers', label: t('catalog.providers'), children: dash(organizationNames(props.providers)) },
    {
      key: 'usage',
      label: t('catalog.usagePermission'),
      children: props.usagePermission === null ? '—' : dash(props.usagePermission.join('、')),
    },
    ...(props.owner ? [{ key: 'owner', label: t('catalog.owner'), children: props.owner.name }] : []),
    ...(d.listType
      ? [{ key: 'list', label: t('catalog.listType'), children: codeLabel(t, 'listType', d.listType) }]
      : []),
    ...(d.specificBehaviour
      ? [{ key: 'specific', label: t('catalog.specificBehaviour'), children: t('workspace.yes') }]
      : []),
    {
      key: 'bases',
      label: t('catalog.legalBases'),
      children:
        d.legalBases.length === 0
          ? '—'
          : d.legalBases.map((basis) => (
              <div key={`${basis.title}${basis.article ?? ''}`}>
                {basis.title}
                {basis.article ?? ''}（{codeLabel(t, 'legalBasis', basis.type)}）
              </div>
            )),
    },
  ];
  return <Descriptions bordered size="small" column={1} className="detail-list" items={items} />;
}
