import { Table, Tag } from 'antd';
import type { CatalogField } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { codeLabel } from '../display.ts';

function FieldNotes({ field }: { field: CatalogField }) {
  const { t } = useI18n();
  const notes = [
    field.values && field.values.length > 0 && t('submit.allowed', { values: field.values.join('、') }),
    field.maxLength && t('submit.maxLength', { length: field.maxLength }),
    field.description,
  ].filter((note): note is string => Boolean(note));
  return notes.map((note) => <div key={note}>{note}</div>);
}

/** An item's data format: each column's code and title (either may head a file's column), type, required. */
export function FieldsTable({ fields }: { fields: readonly CatalogField[] }) {
  const { t } = useI18n();
  const columns = [
    { key: 'code', title: t('submit.fieldCode'), dataIndex: 'code' },
    { key: 'title', title: t('submit.fieldTitle'), dataIndex: 'title' },
    {
      key: 'type',
      title: t('submit.fieldType'),
      render: (_: unknown, field: CatalogField) => codeLabel(t, 'fieldType', field.type),
    },
    {
      key: 'required',
      title: t('submit.fieldRequired'),
      render: (_: unknown, field: CatalogField) =>
        field.required ? <Tag color="red">{t('submit.fieldRequired')}</Tag> : null,
    },
    {
      key: 'notes',
      title: t('submit.fieldNote'),
      render: (_: unknown, field: CatalogField) => <FieldNotes field={field} />,
    },
  ];
  return (
    <Table<CatalogField>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={[...fields]}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}
