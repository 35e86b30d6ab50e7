import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  api,
  type CatalogDefinition,
  type CatalogDraft,
  type CatalogField,
  type CatalogPeriod,
  type CategoryCode,
  catalogFieldTypes,
  categoryCodes,
  type DisclosureAttribute,
  disclosureAttributes,
  type LegalBasis,
  type ManagedItem,
  type Organization,
} from '../../../api.ts';
import { codeLabel, codeOptions } from '../../../components/display.ts';
import { RefusalAlert } from '../../../components/RefusalAlert.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/index.tsx';

type PeriodChoice = 'NONE' | 'PROFILE_RULE' | 'ITEM_PERIOD';

/** The form's view of a draft: "not stated yet" (null on the server) as explicit choices. */
interface DraftForm {
  name: string;
  recordKind: string;
  subjectScope: CatalogDraft['subjectScope'];
  category?: CategoryCode;
  disclosure?: DisclosureAttribute;
  frequency?: string;
  usageStated: boolean;
  usagePermission: string[];
  periodChoice: PeriodChoice;
  period: CatalogPeriod;
  periodBasisType?: string;
  retention: CatalogPeriod;
  dataSource?: string;
  listType?: string;
  specificBehaviour: boolean;
  legalBases: LegalBasis[];
  fields: CatalogField[];
}

function toForm(d: CatalogDefinition): DraftForm {
  return {
    name: d.name,
    recordKind: d.recordKind,
    subjectScope: d.subjectScope,
    category: d.category ?? undefined,
    disclosure: d.disclosure ?? undefined,
    frequency: d.frequency ?? undefined,
    usageStated: d.usagePermission !== null,
    usagePermission: d.usagePermission ?? [],
    periodChoice: d.period?.kind ?? 'NONE',
    period: d.period?.kind === 'ITEM_PERIOD' ? d.period.period : {},
    periodBasisType: d.period?.kind === 'ITEM_PERIOD' ? d.period.basisType : undefined,
    retention: d.retentionPeriod ?? {},
    dataSource: d.dataSource ?? undefined,
    listType: d.listType,
    specificBehaviour: d.specificBehaviour,
    legalBases: d.legalBases,
    fields: d.fields,
  };
}

const text = (value: string | null | undefined): string | null => value?.trim() || null;

/** A period with its empty parts left out; null when nothing is filled in. */
function period(value: CatalogPeriod | undefined): CatalogPeriod | null {
  const parts = Object.entries(value ?? {}).filter(([, n]) => typeof n === 'number');
  return parts.length === 0 ? null : Object.fromEntries(parts);
}

/** Drops what the form leaves empty: the server takes an absent optional part, never a null one. */
function field(f: CatalogField): CatalogField {
  const values = f.type === 'enum' && f.values && f.values.length > 0 ? f.values : undefined;
  const aliases = f.aliases && f.aliases.length > 0 ? f.aliases : undefined;
  return {
    code: f.code.trim(),
    title: f.title.trim(),
    type: f.type,
    required: Boolean(f.required),
    dataClass: f.dataClass,
    ...(aliases ? { aliases } : {}),
    ...(values ? { values } : {}),
    ...(typeof f.maxLength === 'number' ? { maxLength: f.maxLength } : {}),
    ...(f.role ? { role: f.role } : {}),
    ...(text(f.description) ? { description: f.description?.trim() } : {}),
  };
}

function fromForm(v: DraftForm): CatalogDraft {
  const itemPeriod = period(v.period);
  return {
    name: v.name.trim(),
    recordKind: v.recordKind,
    subjectScope: v.subjectScope,
    category: v.category ?? null,
    disclosure: v.disclosure ?? null,
    frequency: text(v.frequency),
    usagePermission: v.usageStated ? v.usagePermission : null,
    period:
      v.periodChoice === 'PROFILE_RULE'
        ? { kind: 'PROFILE_RULE' }
        : v.periodChoice === 'ITEM_PERIOD' && itemPeriod
          ? {
              kind: 'ITEM_PERIOD',
              period: itemPeriod,
              ...(v.periodBasisType ? { basisType: v.periodBasisType } : {}),
            }
          : null,
    retentionPeriod: period(v.retention),
    dataSource: text(v.dataSource),
    ...(v.listType ? { listType: v.listType } : {}),
    specificBehaviour: v.specificBehaviour,
    legalBases: v.legalBases.map((b) => ({
      type: b.type,
      title: b.title.trim(),
      ...(text(b.article) ? { article: b.article?.trim() } : {}),
    })),
    fields: v.fields.map(field),
  };
}

function PeriodInputs({ name }: { name: string | [string, string] }) {
  const { t } = useI18n();
  const path = Array.isArray(name) ? name : [name];
  return (
    <Space wrap>
      {(['years', 'months', 'days'] as const).map((unit) => (
        <Form.Item key={unit} name={[...path, unit]} noStyle>
          <InputNumber
            min={0}
            precision={0}
            suffix={t(`period.unit.${unit}`)}
            aria-label={t(`period.unit.${unit}`)}
          />
        </Form.Item>
      ))}
    </Space>
  );
}

function FieldRows() {
  const { t } = useI18n();
  const required = [{ required: true, message: t('admin.required') }];
  return (
    <Form.List name="fields">
      {(rows, { add, remove }) => (
        <>
          {rows.map((row, index) => (
            <fieldset key={row.key} className="catalog-field-row">
              <legend>{t('catalog.fieldNumber', { n: index + 1 })}</legend>
              <Row gutter={8}>
                <Col xs={24} md={6}>
                  <Form.Item name={[row.name, 'code']} label={t('submit.fieldCode')} rules={required}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={[row.name, 'title']} label={t('submit.fieldTitle')} rules={required}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[row.name, 'type']} label={t('submit.fieldType')} rules={required}>
                    <Select
                      options={catalogFieldTypes.map((type) => ({
                        value: type,
                        label: codeLabel(t, 'fieldType', type),
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={3}>
                  <Form.Item
                    name={[row.name, 'required']}
                    label={t('submit.fieldRequired')}
                    valuePropName="checked"
                  >
                    <Checkbox />
                  </Form.Item>
                </Col>
                <Col xs={24} md={3}>
                  <Form.Item name={[row.name, 'maxLength']} label={t('catalog.maxLength')}>
                    <InputNumber min={1} precision={0} className="full-width" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name={[row.name, 'dataClass']} label={t('catalog.dataClass')} rules={required}>
                    <Select options={codeOptions(t, 'dataClass')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name={[row.name, 'role']} label={t('catalog.role')}>
                    <Select
                      allowClear
                      showSearch={{ optionFilterProp: 'label' }}
                      options={codeOptions(t, 'factRole')}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    noStyle
                    shouldUpdate={(previous: DraftForm, next: DraftForm) =>
                      previous.fields[index]?.type !== next.fields[index]?.type
                    }
                  >
                    {({ getFieldValue }) =>
                      getFieldValue(['fields', row.name, 'type']) === 'enum' ? (
                        <Form.Item name={[row.name, 'values']} label={t('catalog.values')} rules={required}>
                          <Select mode="tags" open={false} />
                        </Form.Item>
                      ) : (
                        <Form.Item name={[row.name, 'aliases']} label={t('catalog.aliases')}>
                          <Select mode="tags" open={false} />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                </Col>
                <Col xs={24} md={20}>
                  <Form.Item name={[row.name, 'description']} label={t('submit.fieldNote')}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={4} className="catalog-field-remove">
                  <Button danger icon={<MinusCircleOutlined />} onClick={() => remove(row.name)}>
                    {t('catalog.removeField')}
                  </Button>
                </Col>
              </Row>
            </fieldset>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ code: '', title: '', type: 'text', required: false, dataClass: 'ORDINARY' })}
          >
            {t('catalog.addField')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

function LegalBasisRows() {
  const { t } = useI18n();
  return (
    <Form.List name="legalBases">
      {(rows, { add, remove }) => (
        <>
          {rows.map((row) => (
            <Space key={row.key} wrap align="baseline">
              <Form.Item name={[row.name, 'type']} rules={[{ required: true, message: t('admin.required') }]}>
                <Select
                  className="catalog-basis-type"
                  aria-label={t('catalog.basisType')}
                  options={codeOptions(t, 'legalBasis')}
                />
              </Form.Item>
              <Form.Item
                name={[row.name, 'title']}
                rules={[{ required: true, message: t('admin.required') }]}
              >
                <Input aria-label={t('catalog.basisTitle')} placeholder={t('catalog.basisTitle')} />
              </Form.Item>
              <Form.Item name={[row.name, 'article']}>
                <Input aria-label={t('catalog.basisArticle')} placeholder={t('catalog.basisArticle')} />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<MinusCircleOutlined />}
                aria-label={t('catalog.removeBasis')}
                onClick={() => remove(row.name)}
              />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: 'LAW', title: '' })}>
            {t('catalog.addBasis')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

interface DraftEditorProps {
  item: ManagedItem;
  definition: CatalogDefinition;
  organizations: readonly Organization[];
  onSaved(item: ManagedItem): void;
}

/** Edits what the item's draft says; the server checks it as a draft (R8, R14) and answers with the item. */
export function DraftEditor({ item, definition, organizations, onSaved }: DraftEditorProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<DraftForm>();
  const [saved, setSaved] = useState(false);
  const usageStated = Form.useWatch('usageStated', form);
  const periodChoice = Form.useWatch('periodChoice', form);
  const save = useAction(async (values: DraftForm) => {
    setSaved(false);
    onSaved(await api.editCatalogDraft(item.code, fromForm(values)));
    setSaved(true);
  });

  const required = [{ required: true, message: t('admin.required') }];
  return (
    <Form<DraftForm>
      form={form}
      layout="vertical"
      initialValues={toForm(definition)}
      onFinish={save.run}
      onValuesChange={() => setSaved(false)}
      className="draft-editor"
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('catalog.name')} rules={required}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="recordKind" label={t('catalog.recordKind')} rules={required}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={codeOptions(t, 'recordKind')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="subjectScope" label={t('catalog.subjectScope')} rules={required}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={codeOptions(t, 'subjectScope')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="category" label={t('catalog.category')}>
            <Select
              allowClear
              options={categoryCodes.map((c) => ({ value: c, label: codeLabel(t, 'category', c) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="disclosure" label={t('catalog.disclosure')}>
            <Select
              allowClear
              options={disclosureAttributes.map((d) => ({ value: d, label: codeLabel(t, 'disclosure', d) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="frequency" label={t('catalog.frequency')} extra={t('catalog.frequencyHelp')}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="dataSource" label={t('catalog.dataSource')}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="listType" label={t('catalog.listType')}>
            <Select allowClear options={codeOptions(t, 'listType')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="specificBehaviour" label={t('catalog.specificBehaviour')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>

      <Form.Item name="usageStated" valuePropName="checked" extra={t('catalog.usageHelp')}>
        <Checkbox>{t('catalog.usageStated')}</Checkbox>
      </Form.Item>
      {usageStated && (
        <Form.Item name="usagePermission" label={t('catalog.usagePermission')}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={organizations.map((o) => ({ value: o.code, label: `${o.name}（${o.code}）` }))}
          />
        </Form.Item>
      )}

      <Form.Item name="periodChoice" label={t('catalog.period')}>
        <Radio.Group
          options={(['NONE', 'PROFILE_RULE', 'ITEM_PERIOD'] as const).map((choice) => ({
            value: choice,
            label: t(`catalog.periodChoice.${choice}`),
          }))}
        />
      </Form.Item>
      {periodChoice === 'ITEM_PERIOD' && (
        <Space wrap className="catalog-period">
          <PeriodInputs name="period" />
          <Form.Item name="periodBasisType" noStyle>
            <Select
              allowClear
              placeholder={t('catalog.periodBasisType')}
              aria-label={t('catalog.periodBasisType')}
              className="catalog-basis-type"
              options={codeOptions(t, 'legalBasis')}
            />
          </Form.Item>
        </Space>
      )}
      <Form.Item label={t('catalog.retentionPeriod')} extra={t('catalog.retentionHelp')}>
        <PeriodInputs name="retention" />
      </Form.Item>

      <Typography.Title level={4}>{t('catalog.legalBases')}</Typography.Title>
      <LegalBasisRows />

      <Typography.Title level={4}>{t('catalog.fields')}</Typography.Title>
      <FieldRows />

      {save.refusal && <RefusalAlert title={t('catalog.saveRefused')} error={save.refusal.error} />}
      {saved && (
        <Typography.Paragraph type="success" role="status">
          {t('catalog.saved')}
        </Typography.Paragraph>
      )}
      <Form.Item className="draft-editor-actions">
        <Button type="primary" htmlType="submit" loading={save.running}>
          {t('catalog.saveDraft')}
        </Button>
      </Form.Item>
    </Form>
  );
}
