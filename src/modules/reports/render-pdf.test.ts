import fontkit from '@pdf-lib/fontkit';
import jsqr from 'jsqr';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
} from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LONG_VALUE, sampleReport } from '../../../test/support/sample-report.ts';
import type { ReportDocument } from './document.ts';
import { reportNumberOfPdf } from './pdf-file.ts';
import { embedReportFonts, type FontWeight, reportFont } from './pdf-fonts.ts';
import { textWidth, wrapText } from './pdf-layout.ts';
import { NO_RECORDS, OBJECTIVITY_STATEMENT, renderReportPdf, watermarkText } from './render-pdf.ts';
import { contentHashOf, type ReportSignatureLine } from './report-signing.ts';

const doc = sampleReport();
const signature: ReportSignatureLine = {
  algorithm: 'sm2',
  keyId: '0123456789abcdef',
  contentHash: contentHashOf(doc),
};

let bytes: Uint8Array;
/** The text pdfjs extracts, one string per page. */
let pages: string[];

async function extractText(pdfBytes: Uint8Array): Promise<string[]> {
  // pdfjs takes the buffer over; it gets a copy so the bytes under test stay intact.
  const pdf = await getDocument({ data: pdfBytes.slice(), verbosity: 0 }).promise;
  const texts: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    texts.push(
      content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join(''),
    );
  }
  await pdf.destroy();
  return texts;
}

const withoutSpaces = (text: string) => text.replace(/\s+/g, '');

beforeAll(async () => {
  bytes = await renderReportPdf(doc, signature);
  pages = await extractText(bytes);
});

/** Every string the document holds, each of which the report prints. */
function documentStrings(report: ReportDocument): string[] {
  return [
    report.number,
    report.queryTime,
    report.issuer,
    report.subject.code,
    report.subject.name,
    ...report.subject.linkedCodes,
    ...report.statements,
    ...report.sections.flatMap((section) => [
      section.title,
      ...section.records.flatMap((record) => [
        record.itemName,
        record.providerName,
        record.recordStart ?? '',
        record.disclosureLastDay ?? '',
        ...record.markers,
        ...record.fields.flatMap((field) => [field.label, field.value]),
      ]),
    ]),
  ];
}

describe('the PDF of a public credit report', () => {
  it('R94 shows the title, 报告编码, 查询时间 to the second and 出具机构, as extractable Chinese text', () => {
    const first = pages[0] ?? '';
    expect(first).toContain('公共信用信息报告');
    expect(first).toContain('报告编码：XM-20240304-000123');
    expect(first).toContain('查询时间：2024-03-04 10:15:30');
    expect(first).toContain('出具机构：厦门市公共信用信息中心');
    expect(first).toContain('信息主体：张三');
    expect(first).toContain('主体代码：35020319900101123X');
    expect(first).toContain('关联代码：E12345678');
    expect(first).toContain('本报告仅供信息主体本人了解自身公共信用信息使用。');
  });

  it('R94 lists every record by section with its values, a wrapped long value and the objection marker', () => {
    const all = pages.join('\n');
    expect(all).toContain('一、基本信息');
    expect(all).toContain('二、失信信息');
    expect(all).toContain('三、守信激励信息');
    expect(all).toContain('提供单位：厦门市思明区市场监督管理局');
    expect(all).toContain('行政处罚决定书文号：厦思市监处罚〔2023〕第0987号');
    expect(all).toContain('公开截止日期：2026-10-07');
    expect(all).toContain('异议处理中');
    for (let index = 1; index <= 14; index += 1) {
      expect(all).toContain(`登记编号：XM-REG-${String(index).padStart(4, '0')}`);
    }
    // The long value runs over several lines; read back without the line breaks it is whole.
    expect(withoutSpaces(all)).toContain(withoutSpaces(`违法事实及处罚内容：${LONG_VALUE}`));
    expect(
      all.split('\n').filter((line) => line.length > 0 && LONG_VALUE.includes(line.trim())).length,
    ).toBeGreaterThan(1);
    expect(all).toContain(NO_RECORDS);
    expect(all).toContain(OBJECTIVITY_STATEMENT);
  });

  it('R94 numbers the pages and carries the signature line on each', () => {
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, index) => {
      expect(text).toContain(`第 ${index + 1} 页 / 共 ${pages.length} 页`);
      expect(text).toContain(`内容摘要（SM3）：${signature.contentHash}`);
      expect(text).toContain('电子签名：SM2');
      expect(text).toContain(`密钥标识：${signature.keyId}`);
    });
  });

  it('R94 the watermark on every page reads back as the report code, subject code and query time', () => {
    expect(watermarkText(doc)).toBe('XM-20240304-000123 35020319900101123X 2024-03-04 10:15:30');
    for (const text of pages) expect(text).toContain(watermarkText(doc));
  });

  it('R96 holds no score, grade, rating, ranking or evaluative words', () => {
    // The closing line names 评分 only to say the report has none.
    const text = pages.join('\n').replaceAll(OBJECTIVITY_STATEMENT, '');
    for (const word of ['评分', '信用良好', '信用较差', '等级', '评级', '排名', '白鹭分']) {
      expect(text).not.toContain(word);
    }
  });

  it('every character it prints has a glyph in the font, and the embedded subsets keep each outline intact', async () => {
    const fixed =
      '公共信用信息报告编码查询时间出具机构类型本人社会公开授权政务主体代码关联用途使用声明提供单位起始日期截止长期无记录扫核验真伪电子签名密钥标识内容摘要第页共一二三四五六七八九十、：（）/ 0123456789SMEd';
    const text = [...documentStrings(doc), fixed, OBJECTIVITY_STATEMENT].join('');
    for (const weight of ['regular', 'bold'] as const) {
      const missing = [...new Set(text)].filter(
        (character) =>
          !/\s/.test(character) && !reportFont(weight).hasGlyphForCodePoint(character.codePointAt(0) ?? 0),
      );
      expect(missing, weight).toEqual([]);
    }
    // A subset whose glyph table is misaligned still extracts as text but draws blanks: compare outlines.
    const checked = await compareEmbeddedGlyphs(bytes);
    expect(checked.mismatches).toEqual([]);
    expect(checked.glyphs).toBeGreaterThan(100);
  });

  it('carries a QR code that decodes to the verification URL', async () => {
    const pdf = await PDFDocument.load(bytes);
    const images = imagesOf(pdf, pdf.getPage(0).node.Resources());
    expect(images.length).toBe(1);
    const [image] = images;
    if (!image) throw new Error('no image');
    const width = numberOf(image.dict, 'Width');
    const height = numberOf(image.dict, 'Height');
    expect(numberOf(image.dict, 'BitsPerComponent')).toBe(8);
    expect(image.dict.get(PDFName.of('ColorSpace'))).toBe(PDFName.of('DeviceRGB'));
    // pdf-lib stores a PNG as its raw RGB samples, deflated (any alpha goes to a separate SMask).
    const rgb = decodePDFRawStream(image).decode();
    expect(rgb.length).toBe(width * height * 3);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let pixel = 0; pixel < width * height; pixel += 1) {
      rgba.set(rgb.subarray(pixel * 3, pixel * 3 + 3), pixel * 4);
      rgba[pixel * 4 + 3] = 255;
    }
    // jsqr is CommonJS whose types declare an ES default export: from ESM that is `.default`.
    expect(jsqr.default(rgba, width, height)?.data).toBe(doc.verificationUrl);
  });

  it('R95 is byte-identical when rendered again, with its dates at the query time and no generator stamp', async () => {
    // Rendered side by side too: the parsed fonts are shared between renderings.
    const again = await Promise.all([0, 1].map(() => renderReportPdf(sampleReport(), { ...signature })));
    for (const copy of again) expect(Buffer.from(copy).equals(Buffer.from(bytes))).toBe(true);
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getCreationDate()?.toISOString()).toBe('2024-03-04T02:15:30.000Z');
    expect(pdf.getModificationDate()?.toISOString()).toBe('2024-03-04T02:15:30.000Z');
    expect(pdf.getProducer()).toBe('Gongxin');
    expect(pdf.getCreator()).toBe('Gongxin');
    const other = await renderReportPdf({ ...doc, queryTime: '2024-03-04 10:15:31' }, signature);
    expect(Buffer.from(other).equals(Buffer.from(bytes))).toBe(false);
  });

  it('R95 gives its report number back from the file, and null for other files, never throwing', async () => {
    expect(await reportNumberOfPdf(bytes)).toBe('XM-20240304-000123');
    const random = Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 251);
    expect(await reportNumberOfPdf(random)).toBeNull();
    expect(await reportNumberOfPdf(new Uint8Array())).toBeNull();
    expect(await reportNumberOfPdf(Buffer.from('%PDF-1.7\n%garbage, then the end'))).toBeNull();
    expect(await reportNumberOfPdf(bytes.slice(0, bytes.length / 2))).toBeNull();
    const plain = await PDFDocument.create();
    plain.addPage();
    plain.setKeywords(['unrelated']);
    expect(await reportNumberOfPdf(await plain.save())).toBeNull();
  });

  it('shows the purpose of a government query and its edition', async () => {
    const text = (
      await extractText(
        await renderReportPdf({ ...doc, viewer: 'gov', purpose: '行政许可审查（食品经营许可）' }, signature),
      )
    ).join('\n');
    expect(text).toContain('查询用途：行政许可审查（食品经营许可）');
    expect(text).toContain('报告类型：政务查询');
  });

  it('wraps by measured width: Chinese anywhere, an ASCII word whole unless longer than the line, no line opening with a comma', async () => {
    const pdf = await PDFDocument.create();
    const { regular } = await embedReportFonts(pdf);
    const width = 200;
    const lines = wrapText(LONG_VALUE, regular, 10, width);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      const closing = /[，。、；：）》]$/.test(line) ? textWidth(line.slice(-1), regular, 10) : 0;
      expect(textWidth(line, regular, 10) - closing).toBeLessThanOrEqual(width);
      expect(line).not.toMatch(/^[，。、；：）》]/);
    }
    expect(withoutSpaces(lines.join(''))).toBe(withoutSpaces(LONG_VALUE));
    expect(lines.some((line) => line.includes('XMSJ-2023-FOOD-000987'))).toBe(true);
    const hash = 'ab'.repeat(64);
    const cut = wrapText(hash, regular, 10, width);
    expect(cut.length).toBeGreaterThan(1);
    expect(cut.join('')).toBe(hash);
    expect(wrapText('第一行\n\n第三行', regular, 10, width)).toEqual(['第一行', '', '第三行']);
  });

  it('refuses a query time that is not YYYY-MM-DD HH:mm:ss', async () => {
    await expect(renderReportPdf({ ...doc, queryTime: '2024-03-04T10:15:30' }, signature)).rejects.toThrow(
      /query time/,
    );
  });
});

function numberOf(dict: PDFDict, key: string): number {
  const value = dict.get(PDFName.of(key));
  if (!(value instanceof PDFNumber)) throw new Error(`${key} is not a number`);
  return value.asNumber();
}

function lookupDict(pdf: PDFDocument, value: unknown): PDFDict | undefined {
  const resolved = value instanceof PDFRef ? pdf.context.lookup(value) : value;
  return resolved instanceof PDFDict ? resolved : undefined;
}

function imagesOf(pdf: PDFDocument, resources: PDFDict | undefined): PDFRawStream[] {
  const xObjects = lookupDict(pdf, resources?.get(PDFName.of('XObject')));
  if (!xObjects) return [];
  return xObjects
    .values()
    .map((value) => pdf.context.lookup(value))
    .filter(
      (object): object is PDFRawStream =>
        object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'),
    );
}

/**
 * For each embedded font: the glyph of every CID its ToUnicode map names, decoded from the embedded
 * subset, must have the outline of a glyph the source font gives that character: its own, or the form
 * layout substitutes (Noto Sans SC's Latin `locl` gives a digit after a Latin letter its Latin form).
 */
async function compareEmbeddedGlyphs(
  pdfBytes: Uint8Array,
): Promise<{ glyphs: number; mismatches: string[] }> {
  const pdf = await PDFDocument.load(pdfBytes);
  const mismatches: string[] = [];
  let glyphs = 0;
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    const weight: FontWeight = String(object.get(PDFName.of('BaseFont'))).includes('Bold')
      ? 'bold'
      : 'regular';
    const source = reportFont(weight);
    const toUnicode = pdf.context.lookup(object.get(PDFName.of('ToUnicode')));
    if (!(toUnicode instanceof PDFRawStream)) throw new Error('no ToUnicode map');
    const cmap = Buffer.from(decodePDFRawStream(toUnicode).decode()).toString('latin1');
    const entries = [...cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)]
      .map(([, block = '']) => block)
      .join('');
    const descendants = pdf.context.lookup(object.get(PDFName.of('DescendantFonts')));
    const cidFont = lookupDict(pdf, descendants instanceof PDFArray ? descendants.get(0) : undefined);
    const descriptor = lookupDict(pdf, cidFont?.get(PDFName.of('FontDescriptor')));
    const file = pdf.context.lookup(descriptor?.get(PDFName.of('FontFile2')));
    if (!(file instanceof PDFRawStream)) throw new Error('no embedded TrueType file');
    const subset = fontkit.create(Buffer.from(decodePDFRawStream(file).decode()));
    for (const [, cid = '', unicode = ''] of entries.matchAll(/<([0-9A-F]{4})>\s*<([0-9A-F]+)>/gi)) {
      const character = String.fromCodePoint(
        ...(unicode.match(/.{4}/g) ?? []).map((hex) => Number.parseInt(hex, 16)),
      );
      if (/\s/.test(character)) continue;
      glyphs += 1;
      let outline: string;
      try {
        outline = subset.getGlyph(Number.parseInt(cid, 16)).path.toSVG();
      } catch (error) {
        outline = `unreadable: ${error}`;
      }
      const candidates = [
        source.glyphForCodePoint(character.codePointAt(0) ?? 0),
        ...source.layout(character).glyphs,
        ...source.layout(`A${character}`).glyphs.slice(1),
      ].map((glyph) => glyph.path.toSVG());
      if (!outline || !candidates.includes(outline)) mismatches.push(`${weight} ${character}`);
    }
  }
  return { glyphs, mismatches };
}
