import {
  type Color,
  degrees,
  PageSizes,
  PDFDocument,
  type PDFFont,
  type PDFImage,
  type PDFPage,
  rgb,
} from 'pdf-lib';
import QRCode from 'qrcode';
import type { ReportDocument, ReportRecord, ReportSection, ReportViewer } from './document.ts';
import { reportNumberKeyword } from './pdf-file.ts';
import { embedReportFonts } from './pdf-fonts.ts';
import { type PageBox, TextFlow, type TextStyle, textWidth, wrapText } from './pdf-layout.ts';
import type { ReportSignatureLine } from './report-signing.ts';

/**
 * The PDF of a public credit report (公共信用报告): 报告编码, 查询时间, 出具机构 and the report content
 * (000 第二十二条; 002 第十条 ¶1), an anti-counterfeit watermark on every page (防伪电子水印), a QR code to
 * the verification page, and the signature line. The same document and signature always give the same
 * bytes, because verification compares the file's hash with the one stored when the report was issued.
 */

export const REPORT_TITLE = '公共信用信息报告';
/** 002 第十条 ¶2: the report reflects records objectively and is never evaluated. */
export const OBJECTIVITY_STATEMENT = '本报告仅客观记录信用信息，不含评分或评价。';
export const NO_RECORDS = '无记录';
const PRODUCER = 'Gongxin';

const VIEWER_EDITIONS: Record<ReportViewer, string> = {
  public: '社会公开查询',
  self: '本人查询',
  auth_3p: '授权查询',
  gov: '政务查询',
};

const SIGNATURE_ALGORITHM_NAMES: Record<ReportSignatureLine['algorithm'], string> = {
  sm2: 'SM2',
  ed25519: 'Ed25519',
};

const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.4, 0.4, 0.4);
const RULE = rgb(0.7, 0.7, 0.7);
const MARKER_INK = rgb(0.72, 0.11, 0.11);
const MARKER_FILL = rgb(1, 0.93, 0.9);
const WATERMARK_INK = rgb(0.55, 0.55, 0.6);
const WATERMARK_OPACITY = 0.12;
const QR_SIZE = 84;

const A4: PageBox = {
  width: PageSizes.A4[0],
  height: PageSizes.A4[1],
  margin: { top: 56, right: 56, bottom: 78, left: 56 },
};

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** `XM-20240304-000123 35020319900101123X 2024-03-04 10:15:30`: what the watermark repeats. */
export function watermarkText(doc: ReportDocument): string {
  return `${doc.number} ${doc.subject.code} ${doc.queryTime}`;
}

/** The query time (Asia/Shanghai, no daylight saving since 1991) as an instant, for the PDF's dates. */
function queryInstant(queryTime: string): Date {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(queryTime);
  const instant = match ? new Date(`${match[1]}T${match[2]}+08:00`) : undefined;
  if (!instant || Number.isNaN(instant.getTime())) {
    throw new RangeError(`query time "${queryTime}" is not YYYY-MM-DD HH:mm:ss`);
  }
  return instant;
}

const CHINESE_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一: section numbers as Chinese documents write them (digits from 100). */
function chineseNumber(n: number): string {
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = CHINESE_DIGITS[n % 10] ?? '';
  if (tens === 0) return ones;
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones}`;
}

/**
 * The watermark: the text repeated diagonally in a grid of whole copies (a copy cut by the page edge
 * could not be read back), light and under the content so the records stay legible.
 */
function drawWatermark(page: PDFPage, text: string, font: PDFFont): void {
  const size = 12;
  const angle = 30;
  const inset = 24;
  const gap = 48;
  const rows = 7;
  const length = textWidth(text, font, size);
  const spanX = length * Math.cos((angle * Math.PI) / 180);
  const spanY = length * Math.sin((angle * Math.PI) / 180);
  const { width, height } = page.getSize();
  const columns = Math.max(1, Math.floor((width - 2 * inset + gap) / (spanX + gap)));
  // Rows alternate between the left and the right edge, so a single column still covers the page.
  const slack = width - 2 * inset - (columns * spanX + (columns - 1) * gap);
  const stepY = (height - 2 * inset - spanY) / (rows - 1);
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      page.drawText(text, {
        x: inset + (row % 2) * slack + column * (spanX + gap),
        y: inset + row * stepY,
        size,
        font,
        color: WATERMARK_INK,
        opacity: WATERMARK_OPACITY,
        rotate: degrees(angle),
      });
    }
  }
}

function style(font: PDFFont, size: number, color: Color = INK): TextStyle {
  return { font, size, color };
}

function drawHead(flow: TextFlow, doc: ReportDocument, fonts: Fonts, qrImage: PDFImage): void {
  const body = style(fonts.regular, 10.5);
  flow.paragraph(REPORT_TITLE, style(fonts.bold, 20), { align: 'center', lineHeight: 36 });
  flow.space(10);
  const qrX = flow.left + flow.contentWidth - QR_SIZE;
  flow.page.drawImage(qrImage, { x: qrX, y: flow.top - QR_SIZE, width: QR_SIZE, height: QR_SIZE });
  const caption = '扫码核验报告真伪';
  const captionSize = 7.5;
  flow.page.drawText(caption, {
    x: qrX + (QR_SIZE - textWidth(caption, fonts.regular, captionSize)) / 2,
    y: flow.top - QR_SIZE - 11,
    size: captionSize,
    font: fonts.regular,
    color: MUTED,
  });
  const besideQr = QR_SIZE + 16;
  const qrBottom = flow.top - besideQr;
  flow.excludeRight(besideQr, besideQr);
  const headLines: [string, string][] = [
    // 000 第二十二条: 报告编码、查询时间、出具机构.
    ['报告编码', doc.number],
    ['查询时间', doc.queryTime],
    ['出具机构', doc.issuer],
    ['报告类型', VIEWER_EDITIONS[doc.viewer]],
    ['信息主体', doc.subject.name],
    ['主体代码', doc.subject.code],
  ];
  if (doc.subject.linkedCodes.length) headLines.push(['关联代码', doc.subject.linkedCodes.join('、')]);
  if (doc.purpose !== null) headLines.push(['查询用途', doc.purpose]);
  for (const [label, value] of headLines) labelled(flow, label, value, body, 0);
  // The block beside the QR code may be shorter than the code and its caption.
  if (flow.top > qrBottom) flow.space(flow.top - qrBottom);
  if (doc.statements.length) {
    flow.space(4);
    flow.paragraph('使用声明', style(fonts.bold, 10.5));
    doc.statements.forEach((statement, index) => {
      flow.paragraph(`${index + 1}. ${statement}`, body, { indent: 10.5, hangingIndent: 14 });
    });
  }
}

/** `label：value`, the value's further lines aligned under its first character (up to a third of the line). */
function labelled(flow: TextFlow, label: string, value: string, bodyStyle: TextStyle, indent: number) {
  const head = `${label}：`;
  const hanging = Math.min(textWidth(head, bodyStyle.font, bodyStyle.size), flow.contentWidth / 3);
  flow.paragraph(`${head}${value}`, bodyStyle, { indent, hangingIndent: hanging });
}

function drawRecord(flow: TextFlow, record: ReportRecord, index: number, fonts: Fonts): void {
  const body = style(fonts.regular, 9.5);
  const indent = 14;
  const heading = style(fonts.bold, 10.5);
  // A record's heading is not left alone at the foot of a page.
  flow.reserve(heading.size * 1.6 + body.size * 1.6 * 3);
  flow.paragraph(`（${index + 1}）${record.itemName}`, heading, { hangingIndent: indent });
  // 000 第二十八条: a record under objection is shown with its marker.
  if (record.markers.length)
    flow.tags(record.markers, style(fonts.bold, 8.5, MARKER_INK), MARKER_FILL, indent);
  labelled(flow, '提供单位', record.providerName, body, indent);
  if (record.recordStart !== null) labelled(flow, '起始日期', record.recordStart, body, indent);
  labelled(flow, '公开截止日期', record.disclosureLastDay ?? '长期', body, indent);
  for (const field of record.fields) labelled(flow, field.label, field.value, body, indent);
  flow.space(6);
}

function drawSection(flow: TextFlow, section: ReportSection, index: number, fonts: Fonts): void {
  const heading = style(fonts.bold, 13);
  flow.reserve(heading.size * 1.8 + 10.5 * 1.6 * 4);
  flow.space(6);
  flow.paragraph(`${chineseNumber(index + 1)}、${section.title}`, heading, {
    lineHeight: heading.size * 1.8,
  });
  flow.rule(RULE);
  flow.space(6);
  if (!section.records.length) {
    flow.paragraph(NO_RECORDS, style(fonts.regular, 9.5, MUTED), { indent: 14 });
    return;
  }
  for (const [recordIndex, record] of section.records.entries()) drawRecord(flow, record, recordIndex, fonts);
}

/** The footer of every page: the signature line, then the page number. */
function drawFooter(page: PDFPage, signatureLine: string, pageNumber: number, pages: number, font: PDFFont) {
  const size = 7;
  const width = A4.width - A4.margin.left - A4.margin.right;
  const lines = wrapText(signatureLine, font, size, width);
  let y = 54;
  page.drawLine({
    start: { x: A4.margin.left, y: y + 12 },
    end: { x: A4.width - A4.margin.right, y: y + 12 },
    thickness: 0.4,
    color: RULE,
  });
  for (const line of lines) {
    page.drawText(line, { x: A4.margin.left, y, size, font, color: MUTED });
    y -= size * 1.5;
  }
  const number = `第 ${pageNumber} 页 / 共 ${pages} 页`;
  page.drawText(number, {
    x: (A4.width - textWidth(number, font, 8)) / 2,
    y: 26,
    size: 8,
    font,
    color: MUTED,
  });
}

/** On every page after the first, the report's number, so a loose page still names its report. */
function drawRunningHead(page: PDFPage, doc: ReportDocument, font: PDFFont) {
  page.drawText(`${REPORT_TITLE}　报告编码：${doc.number}`, {
    x: A4.margin.left,
    y: A4.height - 36,
    size: 8,
    font,
    color: MUTED,
  });
}

export async function renderReportPdf(
  doc: ReportDocument,
  signature: ReportSignatureLine,
): Promise<Uint8Array> {
  const instant = queryInstant(doc.queryTime);
  // No automatic metadata: pdf-lib would stamp the current time and its own name, and no two files would match.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts: Fonts = await embedReportFonts(pdf);
  const qrImage = await pdf.embedPng(
    await QRCode.toBuffer(doc.verificationUrl, { errorCorrectionLevel: 'M', margin: 2, scale: 4 }),
  );
  const watermark = watermarkText(doc);
  const flow = new TextFlow(pdf, A4, (page, index) => {
    // 000 第二十二条 防伪电子水印: under the content, on every page.
    drawWatermark(page, watermark, fonts.regular);
    if (index > 0) drawRunningHead(page, doc, fonts.regular);
  });
  drawHead(flow, doc, fonts, qrImage);
  for (const [index, section] of doc.sections.entries()) drawSection(flow, section, index, fonts);
  flow.space(12);
  flow.paragraph(OBJECTIVITY_STATEMENT, style(fonts.regular, 9.5, MUTED));

  const signatureLine =
    `电子签名：${SIGNATURE_ALGORITHM_NAMES[signature.algorithm]}　密钥标识：${signature.keyId}　` +
    `内容摘要（SM3）：${signature.contentHash}`;
  for (const [index, page] of flow.pages.entries()) {
    drawFooter(page, signatureLine, index + 1, flow.pages.length, fonts.regular);
  }

  pdf.setTitle(`${REPORT_TITLE} ${doc.number}`, { showInWindowTitleBar: true });
  pdf.setSubject(REPORT_TITLE);
  // A file in hand is traced back to its issuance by this number (pdf-file.ts).
  pdf.setKeywords([reportNumberKeyword(doc.number)]);
  pdf.setAuthor(doc.issuer);
  pdf.setCreator(PRODUCER);
  pdf.setProducer(PRODUCER);
  pdf.setLanguage('zh-CN');
  pdf.setCreationDate(instant);
  pdf.setModificationDate(instant);
  return pdf.save();
}
