import type { ReportDocument, ReportRecord } from '../../src/modules/reports/document.ts';

/** A long value that has to wrap, with Latin runs in it that must stay whole. */
export const LONG_VALUE =
  '当事人于2023年6月至2023年9月期间，在未取得《食品经营许可证》的情况下，在思明区湖滨南路经营预包装食品及散装食品，' +
  '违反了《中华人民共和国食品安全法》第三十五条第一款的规定，依据第一百二十二条第一款作出如下处罚：没收违法所得人民币' +
  '12,345.67元，并处罚款人民币50,000元。案件编号 XMSJ-2023-FOOD-000987，详见 https://scjg.xm.gov.cn/cases/000987。';

function registration(index: number): ReportRecord {
  const serial = String(index + 1).padStart(4, '0');
  return {
    reference: `35020319900101123X/${1000 + index}`,
    itemName: index % 2 === 0 ? '个体工商户登记信息' : '社会保险参保信息',
    providerName: index % 2 === 0 ? '厦门市市场监督管理局' : '厦门市人力资源和社会保障局',
    recordStart: `2023-0${(index % 9) + 1}-15`,
    disclosureLastDay: null,
    fields: [
      { label: '登记编号', value: `XM-REG-${serial}` },
      { label: '经营场所', value: `厦门市思明区湖滨南路${100 + index}号之${(index % 5) + 1}` },
      { label: '登记状态', value: index % 3 === 0 ? '存续' : '在营' },
    ],
    markers: [],
  };
}

/**
 * A self-query report of one natural person: enough basic records to need a second page, one
 * administrative penalty under objection with a long decision text, and a category with no records.
 */
export function sampleReport(): ReportDocument {
  return {
    number: 'XM-20240304-000123',
    queryTime: '2024-03-04 10:15:30',
    issuer: '厦门市公共信用信息中心',
    viewer: 'self',
    subject: { code: '35020319900101123X', name: '张三', linkedCodes: ['E12345678'] },
    purpose: null,
    statements: [
      '本报告仅供信息主体本人了解自身公共信用信息使用。',
      '报告内容以查询时间为准，之后的变化不在本报告中。',
    ],
    sections: [
      {
        category: 'basic',
        title: '基本信息',
        records: Array.from({ length: 14 }, (_, index) => registration(index)),
      },
      {
        category: 'dishonest',
        title: '失信信息',
        records: [
          {
            reference: '35020319900101123X/2001',
            itemName: '行政处罚信息',
            providerName: '厦门市思明区市场监督管理局',
            recordStart: '2023-10-08',
            disclosureLastDay: '2026-10-07',
            fields: [
              { label: '行政处罚决定书文号', value: '厦思市监处罚〔2023〕第0987号' },
              { label: '处罚类别', value: '罚款、没收违法所得' },
              { label: '违法事实及处罚内容', value: LONG_VALUE },
              { label: '处罚机关', value: '厦门市思明区市场监督管理局' },
            ],
            markers: ['异议处理中'],
          },
        ],
      },
      { category: 'good', title: '守信激励信息', records: [] },
    ],
    verificationUrl: 'https://credit.example.gov.cn/reports/verify?number=XM-20240304-000123',
  };
}
