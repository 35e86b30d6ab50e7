import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/*
 * The text of a CSV file whose encoding nobody states. Excel on a Chinese Windows saves "CSV" in the ANSI code
 * page (GBK), "CSV UTF-8" with a BOM, and "Unicode text" as UTF-16 with a BOM; other tools write UTF-8 without
 * one. ASCII reads the same in UTF-8 and GB18030, so without a BOM the choice waits for the first byte above
 * 0x7F and is made on the bytes from there: valid UTF-8 means UTF-8, anything else GB18030 (a superset of GBK).
 */

type TextEncoding = 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';

const BOMS: ReadonlyArray<{ bytes: Buffer; encoding: TextEncoding }> = [
  { bytes: Buffer.from([0xef, 0xbb, 0xbf]), encoding: 'utf8' },
  { bytes: Buffer.from([0xff, 0xfe]), encoding: 'utf16le' },
  { bytes: Buffer.from([0xfe, 0xff]), encoding: 'utf16be' },
];

/** How many bytes from the first non-ASCII one decide the encoding, when the file is that long. */
const DECIDING_BYTES = 4096;

/** The encoding a byte-order mark at the start of the file declares. */
export function encodingByBom(head: Buffer): { encoding: TextEncoding; bomLength: number } | null {
  const bom = BOMS.find((candidate) => head.subarray(0, candidate.bytes.length).equals(candidate.bytes));
  return bom ? { encoding: bom.encoding, bomLength: bom.bytes.length } : null;
}

/** Decodes a text file from its first bytes (`head`, which holds any BOM) and the chunks that follow. */
export async function* decodeText(head: Buffer, rest: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new ContentDecoder(head);
  const first = decoder.write(Buffer.alloc(0));
  if (first) yield first;
  for await (const chunk of rest) {
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const last = decoder.end();
  if (last) yield last;
}

class ContentDecoder {
  private decoder: iconv.DecoderStream | null = null;
  private pending: Buffer;

  constructor(head: Buffer) {
    const bom = encodingByBom(head);
    this.pending = bom ? head.subarray(bom.bomLength) : head;
    if (bom) this.decoder = iconv.getDecoder(bom.encoding, { stripBOM: false });
  }

  write(chunk: Buffer): string {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    return this.take(false);
  }

  end(): string {
    return this.take(true) + (this.decoder?.end() ?? '');
  }

  private take(atEnd: boolean): string {
    let text = '';
    if (!this.decoder) {
      const firstHigh = this.pending.findIndex((byte) => byte > 0x7f);
      const asciiEnd = firstHigh === -1 ? this.pending.length : firstHigh;
      text = this.pending.subarray(0, asciiEnd).toString('latin1');
      this.pending = this.pending.subarray(asciiEnd);
      if (this.pending.length === 0 || (!atEnd && this.pending.length < DECIDING_BYTES)) return text;
      this.decoder = iconv.getDecoder(chooseEncoding(this.pending, atEnd), { stripBOM: false });
    }
    text += this.decoder.write(this.pending);
    this.pending = Buffer.alloc(0);
    return text;
  }
}

/** UTF-8 when the bytes are valid UTF-8 (a sequence cut by the window's end allowed), else GB18030. */
function chooseEncoding(bytes: Buffer, atEnd: boolean): TextEncoding {
  const cuts = atEnd ? [0] : [0, 1, 2, 3];
  return cuts.some((cut) => isUtf8(bytes.subarray(0, bytes.length - cut))) ? 'utf8' : 'gb18030';
}
