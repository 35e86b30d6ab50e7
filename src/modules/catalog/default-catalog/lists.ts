import type { CategoryCode, ListType } from '../../../core/policy/types.ts';
import { dishonestFields, documentFields, field, recordKeepingFields, subjectFields } from './fields.ts';
import type { DefaultItemSpec, DefaultItems } from './spec.ts';

/*
 * List entries determined by the providers of each field (000 第十条(二)(2); 004 第十七条), one item per
 * list the city keeps (PeriodParameters.lists): XM's joint-punishment, key-attention and joint-incentive
 * lists, NT's red and black lists; WH keeps none. The credit warning is not among them: the credit center
 * issues it itself from the key-attention entries (000 第十条(二)(2)), no provider submits it.
 */

const LISTS: ReadonlyArray<{ list: ListType; code: string; name: string; category: CategoryCode }> = [
  { list: 'joint_punishment', code: 'SXLHCJMD', name: '失信联合惩戒对象名单信息', category: 'dishonest' },
  { list: 'key_attention', code: 'ZDGZMD', name: '重点关注名单信息', category: 'dishonest' },
  { list: 'joint_incentive', code: 'SXLHJLMD', name: '守信联合激励对象名单信息', category: 'good' },
  { list: 'black', code: 'HEIMD', name: '黑名单信息', category: 'dishonest' },
  { list: 'red', code: 'HONGMD', name: '红名单信息', category: 'good' },
];

export const listEntries: DefaultItems = (params) =>
  LISTS.filter(({ list }) => params.periods.lists[list].value.kind !== 'NOT_IN_PROFILE').map(
    ({ list, code, name, category }): DefaultItemSpec => ({
      code,
      name,
      recordKind: 'list_entry',
      subjectScope: 'all',
      category,
      disclosure: 'public',
      frequency:
        params.lists.reportingDeadline.value === 'END_OF_FOLLOWING_MONTH'
          ? '认定后下月内'
          : '认定后7个工作日内',
      dataSource: '信息提供单位的名单认定文件',
      listType: list,
      legalBases: [
        {
          type: 'CPC_STATE_COUNCIL_POLICY',
          title:
            '《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）',
        },
      ],
      fields: [
        ...subjectFields('all'),
        ...documentFields({ number: '认定文书号', date: '列入日期', authority: '认定部门' }),
        field('list_reason', '列入原因', 'text', { required: true, maxLength: 2000 }),
        field('list_basis', '认定依据', 'text', { required: true, maxLength: 2000 }),
        // Warnings count key-attention entries by field (000 第十条(二)(2); A-13, R101).
        field('field_tag', '所属行业领域', 'text', { required: list === 'key_attention', maxLength: 100 }),
        ...(category === 'dishonest'
          ? dishonestFields(params, {
              minorViolation: false,
              severityRequired: params.periods.lists[list].value.kind === 'BY_SEVERITY',
            })
          : []),
        ...recordKeepingFields(),
      ],
      usage: [],
      providers: { kinds: ['government_department', 'vertical_agency', 'court'] },
      owner: 'natural_person',
    }),
  );
