import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDate } from '../time/local-date.ts';
import { mapHeaders } from './headers.ts';
import { PENALTY_ITEM } from './penalty-item.test-support.ts';
import { type CellValue, parseRow, rowFromObject } from './row.ts';

const HEADERS = [
  '行政处罚决定书文号',
  '行政相对人名称',
  '统一社会信用代码',
  '处罚决定日期',
  '罚款金额（万元）',
];
const MAPPING = mapHeaders(HEADERS, PENALTY_ITEM);

function parse(cells: readonly CellValue[], headers: readonly string[] = HEADERS) {
  return parseRow(cells, headers === HEADERS ? MAPPING : mapHeaders(headers, PENALTY_ITEM), PENALTY_ITEM);
}

function decidedOn(cell: CellValue) {
  const row = parse(['厦工罚〔2024〕12号', '厦门某某有限公司', null, cell, null]);
  return { content: row.content.CF_JDRQ, reasons: row.returns.map((r) => r.reason) };
}

describe('parseRow', () => {
  it('normalizes every field of the item and reads the facts its roles name', () => {
    const row = parse([
      ' 厦工罚〔2024〕12号 ',
      '厦门某某有限公司',
      '９１３５０２００ma2y0ab17x',
      '2024年3月15日',
      '1,000.50',
    ]);
    expect(row.content).toEqual({
      CF_WSH: '厦工罚〔2024〕12号',
      CF_XDR_MC: '厦门某某有限公司',
      CF_XDR_SHXYM: '91350200MA2Y0AB17X',
      annual_income: null,
      CF_JDRQ: '2024-03-15',
      CF_FK: 1000.5,
      procedure: null,
      violation_minor: null,
    });
    expect(row.facts).toEqual({
      documentNumber: '厦工罚〔2024〕12号',
      subjectName: '厦门某某有限公司',
      subjectUscc: '91350200MA2Y0AB17X',
      decidedOn: localDate(2024, 3, 15),
    });
    expect(row.returns).toEqual([]);
    expect(row.dataClasses).toEqual({ forbidden: [], consentGated: [] });
  });

  it.each([
    ['2024-03-15'],
    ['2024/3/15'],
    ['2024.3.15'],
    ['2024年3月15日'],
    ['2024 年 3 月 15 日'],
    ['20240315'],
    ['２０２４－０３－１５'],
    ['2024-03-15 00:00:00'],
    [45366],
    [45366.75],
    [20240315],
  ] as const)('reads the date %s as 2024-03-15', (cell) => {
    expect(decidedOn(cell)).toEqual({ content: '2024-03-15', reasons: [] });
  });

  it('reads Excel serial days in the 1900 date system around its fake 1900-02-29 (serial 60)', () => {
    expect(decidedOn(1).content).toBe('1900-01-01');
    expect(decidedOn(59).content).toBe('1900-02-28');
    expect(decidedOn(61).content).toBe('1900-03-01');
    expect(decidedOn(60)).toEqual({ content: null, reasons: ['INVALID_DATE'] });
  });

  it.each([
    ['2025-02-29'],
    ['2024-13-01'],
    ['2024-3/15'],
    ['15/03/2024'],
    ['2024-03-14T16:00:00.000Z'],
    ['明天'],
    [true],
    [0],
    [-5],
    [20250229],
  ] as const)('returns the impossible or unknown date %s as INVALID_DATE, never moving it', (cell) => {
    expect(decidedOn(cell)).toEqual({ content: null, reasons: ['INVALID_DATE'] });
  });

  it('says which field holds a bad date and how to write one', () => {
    expect(parse(['文号', '名称', null, '2025-02-29', null]).returns).toEqual([
      {
        field: 'CF_JDRQ',
        reason: 'INVALID_DATE',
        message: '处罚决定日期（CF_JDRQ）不是有效日期：应写作 2024-03-15、2024/3/15 或 2024年3月15日',
      },
    ]);
  });

  it('reads numbers with thousands separators and full-width digits, and refuses other text', () => {
    const amount = (cell: CellValue) => parse(['文号', '名称', null, '2024-03-15', cell]);
    expect(amount('１，２３４．５').content.CF_FK).toBe(1234.5);
    expect(amount(' -3 ').content.CF_FK).toBe(-3);
    expect(amount(12.25).content.CF_FK).toBe(12.25);
    for (const bad of ['1,00', '一千', '12万', 'NaN']) {
      expect(amount(bad).returns.map((r) => [r.field, r.reason])).toEqual([['CF_FK', 'INVALID_NUMBER']]);
    }
  });

  it('reads booleans (是/否, true/false, 1/0, Y/N) and enums by their canonical value', () => {
    const headers = [
      '文号',
      '名称',
      '处罚决定日期',
      '行政处罚决定书文号',
      '行政相对人名称',
      '轻微违法',
      '程序类型',
    ];
    const read = (minor: CellValue, procedure: CellValue) =>
      parse([null, null, '2024-03-15', '文号', '名称', minor, procedure], headers);
    for (const [cell, value] of [
      ['是', true],
      ['否', false],
      ['TRUE', true],
      ['false', false],
      [1, true],
      ['0', false],
      ['y', true],
      ['Ｎ', false],
      [true, true],
    ] as const) {
      expect(read(cell, null).facts.minorViolation).toBe(value);
    }
    expect(read('可能', null).returns.map((r) => r.reason)).toEqual(['INVALID_BOOLEAN']);
    expect(read(null, ' 简易 程序 ').content.procedure).toBe('简易程序');
    expect(read(null, '简易').returns).toEqual([
      {
        field: 'procedure',
        reason: 'INVALID_VALUE',
        message: '程序类型（procedure）应为以下之一：一般程序、简易程序',
      },
    ]);
  });

  it('returns a required field left empty, and one whose column is absent from the file', () => {
    const row = parse(
      ['  ', '名称', null, '12.5'],
      ['行政处罚决定书文号', '行政相对人名称', '统一社会信用代码', '罚款金额（万元）'],
    );
    expect(row.returns).toEqual([
      {
        field: 'CF_WSH',
        reason: 'REQUIRED_FIELD_MISSING',
        message: '行政处罚决定书文号（CF_WSH）为必填项，不能为空',
      },
      {
        field: 'CF_JDRQ',
        reason: 'REQUIRED_FIELD_MISSING',
        message: '处罚决定日期（CF_JDRQ）为必填项，但没有这一列：表头或字段名应为“处罚决定日期”或“CF_JDRQ”',
      },
    ]);
    expect(row.content.CF_WSH).toBeNull();
  });

  it('returns text longer than the field allows, counting characters, not bytes', () => {
    expect(parse(['文'.repeat(20), '名称', null, '2024-03-15', null]).returns).toEqual([]);
    expect(parse(['文'.repeat(21), '名称', null, '2024-03-15', null]).returns).toEqual([
      {
        field: 'CF_WSH',
        reason: 'TOO_LONG',
        message: '行政处罚决定书文号（CF_WSH）超过最大长度：最多 20 个字符，现有 21 个',
      },
    ]);
  });

  it('returns an identifier that a spreadsheet stored as a number and so lost its last digits', () => {
    for (const cell of [Number('350203199001011234'), '3.50203E+17']) {
      const row = parse(['文号', '名称', cell, '2024-03-15', null]);
      expect(row.returns.map((r) => [r.field, r.reason])).toEqual([['CF_XDR_SHXYM', 'INVALID_VALUE']]);
    }
  });

  it('R21 keeps a forbidden column out of content and every message, and reports its class and header', () => {
    const headers = [...HEADERS, '既往病史', '宗教信仰'];
    const row = parse(['文号', '名称', null, '2025-02-30', 'abc', 'hypertension', ''], headers);
    expect(JSON.stringify(row.content)).not.toContain('hypertension');
    expect(JSON.stringify(row.returns)).not.toContain('hypertension');
    expect(JSON.stringify(row.facts)).not.toContain('hypertension');
    // An empty forbidden column carries nothing.
    expect(row.dataClasses).toEqual({
      forbidden: [{ dataClass: 'MEDICAL_HISTORY', column: '既往病史' }],
      consentGated: [],
    });
  });

  it('R22 R23 keeps a consent-gated item field for the rules to admit, and drops an unknown consent-gated column', () => {
    const row = parse(
      ['文号', '名称', null, '2024-03-15', null, '120000', 'abc'],
      [...HEADERS, '年收入', 'tax_amount_2023'],
    );
    // Stored only if validateRecord accepts the row: written consent (XM), a lawful basis (WH), or no person.
    expect(row.content.annual_income).toBe(120000);
    expect(JSON.stringify(row)).not.toMatch(/abc/);
    expect(row.returns).toEqual([]);
    expect(row.dataClasses.consentGated).toEqual([
      { dataClass: 'INCOME', column: '年收入' },
      { dataClass: 'TAX_AMOUNT', column: 'tax_amount_2023' },
    ]);
  });

  it('no cell value ever reaches a message', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ minLength: 4 }), fc.double(), fc.boolean()), {
          minLength: 8,
          maxLength: 8,
        }),
        (cells) => {
          const headers = [...HEADERS, '程序类型', '轻微违法', '血型'];
          const messages = parse(cells, headers).returns.map((r) => r.message);
          for (const cell of cells) {
            if (typeof cell !== 'string' || cell.trim().length < 4) continue;
            for (const message of messages) expect(message).not.toContain(cell.trim());
          }
        },
      ),
    );
  });

  it('throws on an item whose field type cannot carry the role it names', () => {
    const broken = {
      ...PENALTY_ITEM,
      fields: [
        {
          code: 'CF_JDRQ',
          title: '处罚决定日期',
          type: 'text',
          required: true,
          dataClass: 'ORDINARY',
          role: 'decidedOn',
        },
      ],
    } as const;
    expect(() => parseRow(['2024-03-15'], mapHeaders(['CF_JDRQ'], broken), broken)).toThrow(
      /CF_JDRQ.*decidedOn/,
    );
  });
});

describe('rowFromObject', () => {
  it('R16 an API row keyed by codes or titles parses exactly as the same row in a file', () => {
    const api = rowFromObject({
      CF_WSH: '厦工罚〔2024〕12号',
      行政相对人名称: '厦门某某有限公司',
      CF_XDR_SHXYM: '91350200MA2Y0AB17X',
      CF_JDRQ: '2024-03-15',
      CF_FK: 1000.5,
      extra: { nested: true },
      note: undefined,
    });
    expect(api.cells).toEqual([
      '厦工罚〔2024〕12号',
      '厦门某某有限公司',
      '91350200MA2Y0AB17X',
      '2024-03-15',
      1000.5,
      '{"nested":true}',
      null,
    ]);
    const fromApi = parseRow(api.cells, mapHeaders(api.headers, PENALTY_ITEM), PENALTY_ITEM);
    const fromFile = parse([
      '厦工罚〔2024〕12号',
      '厦门某某有限公司',
      '91350200ma2y0ab17x',
      '2024/3/15',
      '1,000.50',
    ]);
    expect(fromApi).toEqual(fromFile);
  });
});
