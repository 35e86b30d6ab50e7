import { describe, expect, it } from 'vitest';
import { dataClassNamedBy, mapHeaders, RETURNS_FILE_COLUMNS } from './headers.ts';
import { PENALTY_ITEM } from './penalty-item.test-support.ts';

function fieldCodes(headers: readonly string[]): Array<string | null> {
  return mapHeaders(headers, PENALTY_ITEM).columns.map((column) => column.field?.code ?? null);
}

describe('mapHeaders', () => {
  it('matches a column by field code, Chinese title or alias', () => {
    expect(fieldCodes(['CF_WSH', '行政相对人名称', '社会信用代码', 'xdr_shxym'])).toEqual([
      'CF_WSH',
      'CF_XDR_MC',
      'CF_XDR_SHXYM',
      null,
    ]);
  });

  it('compares headers after NFKC, trimming, removing inner spaces, case and the BOM or * marker', () => {
    expect(
      fieldCodes([
        '\uFEFF*行政处罚决定书文号',
        '罚款金额(万元)',
        ' 处罚 决定 日期 ',
        'cf_xdr_mc*',
        'ＣＦ＿ＦＫ',
      ]),
    ).toEqual(['CF_WSH', 'CF_FK', 'CF_JDRQ', 'CF_XDR_MC', null]);
    // The last one names CF_FK again in full-width letters: a duplicate, not a new field.
    expect(mapHeaders(['罚款金额(万元)', 'ＣＦ＿ＦＫ'], PENALTY_ITEM).duplicates).toEqual(['ＣＦ＿ＦＫ']);
  });

  it('lists required fields no column names, and unknown headers', () => {
    const mapping = mapHeaders(['行政相对人名称', '备注', '', '处罚决定日期'], PENALTY_ITEM);
    expect(mapping.missingRequired.map((field) => field.code)).toEqual(['CF_WSH']);
    expect(mapping.unknown).toEqual(['备注']);
    expect(mapping.columns.map((column) => column.index)).toEqual([0, 1, 2, 3]);
  });

  it('ignores exactly the two columns a returns file adds', () => {
    const mapping = mapHeaders(
      ['行政处罚决定书文号', RETURNS_FILE_COLUMNS.rowNumber, RETURNS_FILE_COLUMNS.reasons, '退回原因说明'],
      PENALTY_ITEM,
    );
    expect(mapping.unknown).toEqual(['退回原因说明']);
    expect(mapping.duplicates).toEqual([]);
  });

  it('R21 gives a column that names forbidden personal data its class, as Chinese or English names', () => {
    const mapping = mapHeaders(
      ['宗教信仰', '既往病史', 'medical_history', 'bloodType', 'Fingerprint'],
      PENALTY_ITEM,
    );
    expect(mapping.columns.map((column) => column.dataClass)).toEqual([
      'RELIGION',
      'MEDICAL_HISTORY',
      'MEDICAL_HISTORY',
      'BLOOD_TYPE',
      'FINGERPRINT',
    ]);
    expect(mapping.unknown).toEqual([]);
    expect(mapping.columns.every((column) => column.field === null)).toBe(true);
  });

  it('R22 R23 catches consent-gated columns by English word prefix (tax_amount_2023, deposit_balance)', () => {
    const mapping = mapHeaders(['tax_amount_2023', 'deposit_balance', '个人房产', '存款余额'], PENALTY_ITEM);
    expect(mapping.columns.map((column) => column.dataClass)).toEqual([
      'TAX_AMOUNT',
      'DEPOSITS',
      'REAL_ESTATE',
      'DEPOSITS',
    ]);
  });

  it('reports the class of an item field tagged with one, and keeps it on a repeated column', () => {
    const mapping = mapHeaders(['年收入', 'annual_income'], PENALTY_ITEM);
    expect(mapping.columns).toEqual([
      { index: 0, header: '年收入', field: PENALTY_ITEM.fields[7], dataClass: 'INCOME' },
      { index: 1, header: 'annual_income', field: null, dataClass: 'INCOME' },
    ]);
    expect(mapping.duplicates).toEqual(['annual_income']);
  });
});

describe('dataClassNamedBy', () => {
  it.each([
    ['genetic_test', 'GENES'],
    ['DNA样本', 'GENES'],
    ['monthlySalary', 'INCOME'],
    ['Real Estate', 'REAL_ESTATE'],
    ['纳税额', 'TAX_AMOUNT'],
    ['商业保险保单', 'COMMERCIAL_INSURANCE'],
    ['持有有价证券', 'SECURITIES'],
    ['疾病名称', 'DISEASE'],
  ])('%s names %s', (header, dataClass) => {
    expect(dataClassNamedBy(header)).toBe(dataClass);
  });

  it.each(['general_procedure', 'incomplete', 'stockholm', 'deposition', '处罚决定日期', '法定代表人'])(
    'matches whole English words only, so %s names no class',
    (header) => {
      expect(dataClassNamedBy(header)).toBeNull();
    },
  );
});
