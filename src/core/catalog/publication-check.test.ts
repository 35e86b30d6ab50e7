import { describe, expect, it } from 'vitest';
import type { ProfileId } from '../policy/profile-id.ts';
import { loadProfile } from '../policy/resolver.ts';
import { parseLocalDate } from '../time/local-date.ts';
import { textField } from './field.test-support.ts';
import type { CatalogItemDefinition, FieldDefinition } from './item.ts';
import { type CatalogProblem, definitionProblems, publicationProblems } from './publication-check.ts';

const TODAY = parseLocalDate('2024-06-03');
const profileOf = (id: ProfileId) => loadProfile(id, { nantongIssuedOn: parseLocalDate('2020-01-01') });

/** 一般程序行政处罚, complete under every city's catalog: the elements of all three are stated. */
function penaltyItem(overrides: Partial<CatalogItemDefinition> = {}): CatalogItemDefinition {
  return {
    code: 'YBCXCF',
    name: '一般程序行政处罚',
    recordKind: 'penalty',
    subjectScope: 'all',
    category: 'dishonest',
    disclosure: 'public',
    frequency: '每日',
    usagePermission: [],
    // WH takes the period from its data list (003 第八条, 第十九条); XM and NT do not mind one stated.
    period: { kind: 'ITEM_PERIOD', period: { years: 3 } },
    retentionPeriod: { years: 5 },
    dataSource: '行政处罚决定书',
    specificBehaviour: false,
    legalBases: [],
    levelDivisionCode: null,
    fields: [
      textField('CF_XDR_MC', '行政相对人名称', { required: true, role: 'subjectName' }),
      textField('CF_XDR_SHXYM', '统一社会信用代码', { role: 'subjectUscc', dataClass: 'IDENTITY' }),
      textField('CF_WSH', '行政处罚决定书文号', { required: true, role: 'documentNumber' }),
      textField('CF_JDRQ', '处罚决定日期', { required: true, role: 'decidedOn', type: 'date' }),
    ],
    ...overrides,
  };
}

const PROVIDERS = ['XM-SCJG'];
const check = (id: ProfileId, definition: CatalogItemDefinition, providers: readonly string[] = PROVIDERS) =>
  publicationProblems({ definition, providers }, profileOf(id), TODAY);
const zh = (problems: CatalogProblem[]) => problems.map((problem) => problem.zh);

describe('the catalog items a city may publish', () => {
  it.each(['xiamen', 'weihai', 'nantong'] as const)('a complete item publishes in %s', (id) => {
    expect(check(id, penaltyItem())).toEqual([]);
  });

  it('R7 XM refuses to publish 一般程序行政处罚 without a collection frequency, naming 归集频率', () => {
    const problems = check('xiamen', penaltyItem({ frequency: null }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'MISSING_ELEMENT',
      element: 'COLLECTION_FREQUENCY',
      path: 'frequency',
      zh: '缺少目录要素：归集频率',
      source: '000 第九条',
    });
  });

  it('R7 NT refuses to publish an item without 保存期限', () => {
    const problems = check('nantong', penaltyItem({ retentionPeriod: null }));
    expect(zh(problems)).toEqual(['缺少目录要素：保存期限']);
    expect(problems[0]?.source).toBe('004 第八条');
  });

  it('R7 each city names its own missing elements: XM 信息提供单位, WH 提供单位; NT has no such element', () => {
    expect(zh(check('xiamen', penaltyItem(), []))).toEqual(['缺少目录要素：信息提供单位']);
    expect(zh(check('weihai', penaltyItem(), []))).toEqual(['缺少目录要素：提供单位']);
    expect(check('nantong', penaltyItem(), [])).toEqual([]);
  });

  it('R7 WH needs the 统一社会信用代码 field and a stated 有效期限; XM computes the period itself', () => {
    const noUscc = penaltyItem({ fields: penaltyItem().fields.filter((f) => f.role !== 'subjectUscc') });
    expect(zh(check('weihai', noUscc))).toEqual(['缺少目录要素：统一社会信用代码']);
    const ruleOnly = penaltyItem({ period: { kind: 'PROFILE_RULE' } });
    expect(check('xiamen', ruleOnly)).toEqual([]);
    expect(zh(check('weihai', ruleOnly))).toEqual([
      '缺少目录要素：有效期限（本市按目录事项规定的期限计算，须填写具体期限）',
    ]);
  });

  it('R7 XM and NT: a government-shared item must name who may use it (使用权限 / 使用范围)', () => {
    const shared = penaltyItem({ disclosure: 'government', usagePermission: [] });
    expect(check('xiamen', shared)[0]).toMatchObject({
      element: 'USAGE_PERMISSION',
      path: 'usagePermission',
    });
    expect(check('nantong', shared)[0]).toMatchObject({ element: 'USAGE_SCOPE' });
    expect(check('xiamen', { ...shared, usagePermission: ['XM-RSJ'] })).toEqual([]);
  });

  it('R8 NT accepts 信用承诺信息 as OTHER; XM refuses it with "category not defined in XM profile"', () => {
    const commitment = penaltyItem({ name: '信用承诺信息', recordKind: 'commitment', category: 'other' });
    expect(definitionProblems(commitment, profileOf('nantong'), TODAY)).toEqual([]);
    expect(check('nantong', commitment)).toEqual([]);
    const refused = definitionProblems(commitment, profileOf('xiamen'), TODAY);
    expect(refused).toEqual([
      expect.objectContaining({ code: 'CATEGORY_NOT_IN_PROFILE', en: 'category not defined in XM profile' }),
    ]);
    expect(refused[0]?.zh).toContain('基本信息、守信信息、失信信息');
  });

  it('R8 an item without a category is not published, also in NT whose elements do not name one', () => {
    expect(zh(check('nantong', penaltyItem({ category: null })))).toEqual([
      '缺少信息分类（基本信息、正面信息、负面信息、其他信息之一）',
    ]);
    expect(zh(check('xiamen', penaltyItem({ category: null })))).toEqual(['缺少目录要素：信息分类']);
  });

  it('R9 an item without a disclosure attribute is not published, in the words of each city', () => {
    const none = penaltyItem({ disclosure: null });
    expect(zh(check('weihai', none))).toEqual(['缺少目录要素：披露方式']);
    expect(check('nantong', none)).toEqual([
      expect.objectContaining({
        code: 'NO_DISCLOSURE_ATTRIBUTE',
        zh: '缺少公开属性（社会公开、授权查询或政府共享）',
        en: 'item has no disclosure attribute',
      }),
    ]);
  });

  it('R13 XM blocks 拖欠物业费 resting only on a municipal bureau normative document', () => {
    const fee = penaltyItem({
      name: '拖欠物业费',
      specificBehaviour: true,
      legalBases: [{ type: 'NORMATIVE_DOCUMENT', title: '市住房局关于物业服务的通知' }],
    });
    expect(check('xiamen', fee)).toEqual([
      expect.objectContaining({
        code: 'SPECIFIC_BEHAVIOUR_BASIS',
        zh: '特定行为信息须以法律、行政法规、地方性法规、党中央、国务院政策文件为依据',
      }),
    ]);
    expect(check('xiamen', fee)[0]?.en).toContain('specific-behaviour item needs law/');
    const withLaw = {
      ...fee,
      legalBases: [...fee.legalBases, { type: 'LAW' as const, title: '《民法典》' }],
    };
    expect(check('xiamen', withLaw)).toEqual([]);
    // NT only asks that the behaviour be 经依法认定 (004 第十二条(十)): no basis-type rule.
    expect(check('nantong', fee)).toEqual([]);
  });

  it('R14 XM refuses a BLOOD_TYPE field on a natural-person item, even in a draft', () => {
    const blood = penaltyItem({
      subjectScope: 'natural_persons',
      fields: [...penaltyItem().fields, textField('blood_type', '血型', { dataClass: 'BLOOD_TYPE' })],
    });
    expect(definitionProblems(blood, profileOf('xiamen'), TODAY)).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN_DATA_CLASS', path: 'fields[4]', source: '000 第十六条 ¶1' }),
    ]);
    // An organizations-only item carries no natural person's data.
    expect(
      definitionProblems({ ...blood, subjectScope: 'organizations' }, profileOf('xiamen'), TODAY),
    ).toEqual([]);
  });

  it('R14 NT forbids fingerprints through its catch-all (A-8)', () => {
    const fingerprint = penaltyItem({
      fields: [...penaltyItem().fields, textField('fp', '指纹', { dataClass: 'FINGERPRINT' })],
    });
    expect(definitionProblems(fingerprint, profileOf('nantong'), TODAY)[0]).toMatchObject({
      code: 'FORBIDDEN_DATA_CLASS',
      zh: '涉及自然人的信息事项不得采集指纹信息（字段“指纹”）',
    });
  });

  it('R14 XM saves an INCOME field only with the notice and written-consent fields', () => {
    const income = textField('income', '收入', { dataClass: 'INCOME' });
    const withoutConsent = penaltyItem({ fields: [...penaltyItem().fields, income] });
    const problems = definitionProblems(withoutConsent, profileOf('xiamen'), TODAY);
    expect(problems).toEqual([expect.objectContaining({ code: 'CONSENT_FIELDS_MISSING' })]);
    expect(problems[0]?.zh).toBe(
      '涉及自然人收入信息的信息事项须设置字段：不利后果告知文书号、不利后果告知日期、书面同意文书号、书面同意日期',
    );
    const consent: FieldDefinition[] = [
      textField('adverse_consequence_notice_ref', '不利后果告知文书号', { role: 'consentNoticeReference' }),
      textField('adverse_consequence_notice_date', '告知日期', { role: 'consentNoticeDate', type: 'date' }),
      textField('written_consent_ref', '书面同意文书号', { role: 'writtenConsentReference' }),
      textField('written_consent_date', '同意日期', { role: 'writtenConsentDate', type: 'date' }),
    ];
    const withConsent = penaltyItem({ fields: [...penaltyItem().fields, income, ...consent] });
    expect(definitionProblems(withConsent, profileOf('xiamen'), TODAY)).toEqual([]);
  });

  it('R14 WH accepts an agreement or a lawful-basis field instead of consent; NT gates nothing (A-12)', () => {
    const deposits = textField('deposit_balance', '存款余额', { dataClass: 'DEPOSITS' });
    const bare = penaltyItem({ fields: [...penaltyItem().fields, deposits] });
    expect(zh(definitionProblems(bare, profileOf('weihai'), TODAY))).toEqual([
      '涉及自然人存款信息的信息事项须设置字段：法律、行政法规依据或约定（协议）编号',
    ]);
    const agreed = {
      ...bare,
      fields: [...bare.fields, textField('agreement', '授权协议编号', { role: 'agreementReference' })],
    };
    expect(definitionProblems(agreed, profileOf('weihai'), TODAY)).toEqual([]);
    expect(definitionProblems(bare, profileOf('nantong'), TODAY)).toEqual([]);
  });

  it('R11 only NT keeps county and district catalogs', () => {
    const district = penaltyItem({ levelDivisionCode: '320602' });
    expect(definitionProblems(district, profileOf('nantong'), TODAY)).toEqual([]);
    expect(definitionProblems(district, profileOf('xiamen'), TODAY)[0]).toMatchObject({
      code: 'LEVEL_CATALOG_NOT_IN_PROFILE',
    });
  });

  it('a list entry item is published only for a list the city keeps', () => {
    const red = penaltyItem({ recordKind: 'list_entry', listType: 'red', category: 'good' });
    expect(check('nantong', red)).toEqual([]);
    expect(check('xiamen', red)).toEqual([
      expect.objectContaining({ code: 'LIST_NOT_IN_PROFILE', zh: '本市不设红名单' }),
    ]);
    expect(check('nantong', { ...red, listType: undefined })[0]).toMatchObject({
      code: 'LIST_NOT_IN_PROFILE',
    });
  });

  it('a field that a collection rule reads must have the type the rule expects, and each header names one field', () => {
    const broken = penaltyItem({
      fields: [
        ...penaltyItem().fields,
        textField('decided', '决定日期', { role: 'noticeDate' }),
        textField('cf_wsh', '文号'),
        { ...textField('grade', '等级'), type: 'enum' },
      ],
    });
    expect(definitionProblems(broken, profileOf('xiamen'), TODAY).map((p) => [p.path, p.en])).toEqual([
      ['fields[4]', 'decided has role noticeDate, which needs a date field'],
      ['fields[5]', 'header "cf_wsh" already names field 2'],
      ['fields[6]', 'enum field grade needs values'],
    ]);
  });
});
