import type { Color, PDFDocument, PDFFont, PDFPage } from 'pdf-lib';

/**
 * Flowing text down A4 pages with pdf-lib, which only draws at coordinates: lines wrapped by the font's
 * measured widths, a new page when the next block does not fit, and a callback that dresses each new page.
 */

export interface TextStyle {
  font: PDFFont;
  size: number;
  color: Color;
}

export interface PageBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** Widths at size 1 per font: measuring is a layout by fontkit, and reports repeat the same characters. */
const unitWidths = new WeakMap<PDFFont, Map<string, number>>();

export function textWidth(text: string, font: PDFFont, size: number): number {
  let widths = unitWidths.get(font);
  if (!widths) {
    widths = new Map();
    unitWidths.set(font, widths);
  }
  let width = widths.get(text);
  if (width === undefined) {
    width = font.widthOfTextAtSize(text, 1);
    widths.set(text, width);
  }
  return width * size;
}

/**
 * The units a line may break between: a run of printable ASCII (a word, a code, a date) stays whole,
 * every other character — Chinese, full-width punctuation — may end a line on its own, as in Chinese text.
 */
const TOKENS = /\s+|[\x21-\x7e]+|./gsu;

/** Closing punctuation may not begin a line (GB/T 15834 禁则); it hangs into the margin instead. */
const NO_LINE_START = new Set('，。、；：！？）》」』】〉”’,.;:!?)]}');

/**
 * `text` cut into lines no wider than `firstWidth` for the first line and `nextWidth` for the others (a
 * hanging indent); explicit line breaks are kept, empty lines too.
 */
export function wrapText(
  text: string,
  font: PDFFont,
  size: number,
  firstWidth: number,
  nextWidth = firstWidth,
): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = '';
    let width = 0;
    const push = () => {
      lines.push(line.trimEnd());
      line = '';
      width = 0;
    };
    for (const token of paragraph.match(TOKENS) ?? []) {
      const maxWidth = lines.length ? nextWidth : firstWidth;
      const tokenWidth = textWidth(token, font, size);
      if (/^\s+$/.test(token)) {
        if (line) {
          line += token;
          width += tokenWidth;
        }
      } else if (width + tokenWidth <= maxWidth || (line && NO_LINE_START.has(token))) {
        line += token;
        width += tokenWidth;
      } else if (tokenWidth <= maxWidth) {
        if (line) push();
        line = token;
        width = tokenWidth;
      } else {
        // A word longer than the line (a URL, a hash) is cut wherever the line is full.
        for (const character of token) {
          const characterWidth = textWidth(character, font, size);
          if (line && width + characterWidth > (lines.length ? nextWidth : firstWidth)) push();
          line += character;
          width += characterWidth;
        }
      }
    }
    push();
  }
  return lines;
}

export interface ParagraphOptions {
  /** Points from the left content edge to every line. */
  indent?: number;
  /** Further points for the second and later lines, so a `label：value` line reads as one item. */
  hangingIndent?: number;
  /** Defaults to 1.6 × the font size. */
  lineHeight?: number;
  align?: 'left' | 'center';
}

/** Where the baseline of a line sits: the em box [-0.12, 0.88] of CJK glyphs centred in the line. */
function baselineOf(top: number, lineHeight: number, size: number): number {
  return top - lineHeight / 2 - 0.38 * size;
}

export class TextFlow {
  readonly pages: PDFPage[] = [];
  /** The top of the next line, in PDF points from the page bottom. */
  private y = 0;
  /** A box at the right of the current page (the QR code) that lines above `bottom` leave free. */
  private exclusion: { page: PDFPage; width: number; bottom: number } | undefined;

  constructor(
    private readonly doc: PDFDocument,
    private readonly box: PageBox,
    private readonly dressPage: (page: PDFPage, index: number) => void,
  ) {
    this.newPage();
  }

  get page(): PDFPage {
    const page = this.pages.at(-1);
    if (!page) throw new Error('the flow has no page');
    return page;
  }

  get top(): number {
    return this.y;
  }

  get left(): number {
    return this.box.margin.left;
  }

  get contentWidth(): number {
    return this.box.width - this.box.margin.left - this.box.margin.right;
  }

  newPage(): void {
    const page = this.doc.addPage([this.box.width, this.box.height]);
    this.pages.push(page);
    this.y = this.box.height - this.box.margin.top;
    this.dressPage(page, this.pages.length - 1);
  }

  /** Starts a new page unless `height` points are left, so a block is not split from its heading. */
  reserve(height: number): void {
    if (this.y - height < this.box.margin.bottom) this.newPage();
  }

  space(height: number): void {
    this.y -= height;
  }

  /** Keeps `width` points at the right free from the current line down `height` points. */
  excludeRight(width: number, height: number): void {
    this.exclusion = { page: this.page, width, bottom: this.y - height };
  }

  /** The line width available at the current position, after `indent`. */
  private widthAt(indent: number): number {
    const excluded =
      this.exclusion?.page === this.page && this.y > this.exclusion.bottom ? this.exclusion.width : 0;
    return this.contentWidth - indent - excluded;
  }

  /** Draws `text` wrapped to the width left, breaking pages between lines. */
  paragraph(text: string, style: TextStyle, options: ParagraphOptions = {}): void {
    const indent = options.indent ?? 0;
    const lineHeight = options.lineHeight ?? style.size * 1.6;
    const hanging = options.hangingIndent ?? 0;
    // Wrapped at the widths where the paragraph starts: only the short heading lines beside the QR code
    // are narrowed, so a paragraph running past that box keeps the narrower measure, which is harmless.
    const wrapped = wrapText(
      text,
      style.font,
      style.size,
      this.widthAt(indent),
      this.widthAt(indent + hanging),
    );
    wrapped.forEach((line, index) => {
      this.reserve(lineHeight);
      const x =
        options.align === 'center'
          ? this.left + (this.contentWidth - textWidth(line, style.font, style.size)) / 2
          : this.left + indent + (index > 0 ? hanging : 0);
      this.page.drawText(line, {
        x,
        y: baselineOf(this.y, lineHeight, style.size),
        font: style.font,
        size: style.size,
        color: style.color,
      });
      this.y -= lineHeight;
    });
  }

  /** Draws labels as filled boxes in a row, wrapping to further rows, indented like a paragraph. */
  tags(labels: readonly string[], style: TextStyle, fill: Color, indent: number): void {
    const padding = style.size * 0.5;
    const height = style.size * 1.6;
    const gap = style.size * 0.6;
    this.reserve(height + gap);
    let x = this.left + indent;
    for (const label of labels) {
      const width = textWidth(label, style.font, style.size) + 2 * padding;
      if (x > this.left + indent && x + width > this.left + this.widthAt(0)) {
        this.y -= height + gap;
        this.reserve(height + gap);
        x = this.left + indent;
      }
      const bottom = this.y - height;
      this.page.drawRectangle({
        x,
        y: bottom,
        width,
        height,
        color: fill,
        borderColor: style.color,
        borderWidth: 0.6,
      });
      this.page.drawText(label, {
        x: x + padding,
        y: baselineOf(this.y, height, style.size),
        font: style.font,
        size: style.size,
        color: style.color,
      });
      x += width + gap;
    }
    this.y -= height + gap;
  }

  /** A thin horizontal line across the content width. */
  rule(color: Color, thickness = 0.6): void {
    this.page.drawLine({
      start: { x: this.left, y: this.y },
      end: { x: this.left + this.contentWidth, y: this.y },
      thickness,
      color,
    });
  }
}
