import fs from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/**
 * The Chinese font of reports: Noto Sans SC (SIL OFL, an npm package, so no system font is needed),
 * embedded as a subset of the glyphs a report uses.
 */

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
} as const;
export type FontWeight = keyof typeof FONT_FILES;

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
export type ParsedFont = ReturnType<Fontkit['create']>;

/** The font files are 10 MB each: read once per process. */
const fileBytes = new Map<FontWeight, Buffer>();
function fontBytes(weight: FontWeight): Buffer {
  let bytes = fileBytes.get(weight);
  if (!bytes) {
    bytes = fs.readFileSync(FONT_FILES[weight]);
    fileBytes.set(weight, bytes);
  }
  return bytes;
}

/** The `loca` table a TrueType subset of @pdf-lib/fontkit builds while it encodes (not in its types). */
interface LocaTable {
  offsets: number[];
  /** 0: offsets halved into 16 bits; 1: 32-bit offsets. Chosen at encoding when unset. */
  version?: 0 | 1;
}

function isTrueTypeSubset(subset: object): boolean {
  return '_addGlyph' in subset && typeof subset._addGlyph === 'function';
}

/**
 * @pdf-lib/fontkit 1.1.1 writes a subset's `loca` in the short format (offsets halved) whenever it is
 * small enough, but copies the glyph records unpadded: after the first odd-length record every offset is
 * off by one byte and later glyphs render blank or as garbage, while the text still extracts. Upstream
 * fontkit fixed it in 1.8 (foliojs/fontkit#191) by keeping the source font's format; this fork predates
 * that. Every subset here gets the long format, which holds any offset exactly. The subset assigns its
 * `loca` anew each time it encodes, so the format is set as it is assigned.
 */
function forceLongLoca(font: ParsedFont): void {
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset();
    if (isTrueTypeSubset(subset)) {
      let loca: LocaTable | undefined;
      Object.defineProperty(subset, 'loca', {
        get: () => loca,
        set: (table: LocaTable) => {
          loca = { ...table, version: 1 };
        },
      });
    }
    return subset;
  };
}

/** Parsed once per process: pdf-lib asks its fontkit to parse the file on every embedFont. */
const parsedFonts = new Map<FontWeight, ParsedFont>();
export function reportFont(weight: FontWeight): ParsedFont {
  let font = parsedFonts.get(weight);
  if (!font) {
    font = fontkit.create(fontBytes(weight));
    forceLongLoca(font);
    parsedFonts.set(weight, font);
  }
  return font;
}

/**
 * Embeds both weights as subsets. The fontkit pdf-lib is given answers with the parsed font of the cached
 * file; each subset keeps its own state, so reports rendered at the same time share the parsed font safely.
 */
export async function embedReportFonts(pdf: PDFDocument): Promise<Record<FontWeight, PDFFont>> {
  const byBytes = new Map<Uint8Array, ParsedFont>(
    (['regular', 'bold'] as const).map((weight) => [fontBytes(weight), reportFont(weight)]),
  );
  pdf.registerFontkit({
    create(bytes) {
      const font = byBytes.get(bytes);
      if (!font) throw new Error('only the report fonts are embedded');
      return font;
    },
  });
  return {
    regular: await pdf.embedFont(fontBytes('regular'), { subset: true }),
    bold: await pdf.embedFont(fontBytes('bold'), { subset: true }),
  };
}
