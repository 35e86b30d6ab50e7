/**
 * Just enough DER and PEM to read and write the key structures the audit signatures use (PKCS#8, SEC1,
 * SubjectPublicKeyInfo). Node's own key objects cannot be used for SM2: OpenSSL loads such keys, but
 * Node does not know their type and aborts the process when asked to export one.
 */

export interface DerElement {
  tag: number;
  /** The element's content, without its tag and length. */
  value: Uint8Array;
}

export class MalformedKeyError extends Error {
  constructor(reason: string) {
    super(`malformed key: ${reason}`);
    this.name = 'MalformedKeyError';
  }
}

function readElement(bytes: Uint8Array, offset: number): { element: DerElement; next: number } {
  const tag = bytes[offset];
  let lengthByte = bytes[offset + 1];
  if (tag === undefined || lengthByte === undefined) throw new MalformedKeyError('truncated DER');
  let position = offset + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const octets = lengthByte & 0x7f;
    if (octets === 0 || octets > 4) throw new MalformedKeyError('unsupported DER length');
    length = 0;
    for (let i = 0; i < octets; i++) {
      lengthByte = bytes[position + i];
      if (lengthByte === undefined) throw new MalformedKeyError('truncated DER length');
      length = length * 256 + lengthByte;
    }
    position += octets;
  }
  if (position + length > bytes.length) throw new MalformedKeyError('DER element runs past the end');
  return { element: { tag, value: bytes.subarray(position, position + length) }, next: position + length };
}

/** The elements of a constructed value (a SEQUENCE's content), in order. */
export function derChildren(value: Uint8Array): DerElement[] {
  const elements: DerElement[] = [];
  let offset = 0;
  while (offset < value.length) {
    const { element, next } = readElement(value, offset);
    elements.push(element);
    offset = next;
  }
  return elements;
}

/** The single top-level element of a DER document. */
export function derRoot(bytes: Uint8Array): DerElement {
  const { element, next } = readElement(bytes, 0);
  if (next !== bytes.length) throw new MalformedKeyError('trailing bytes after the DER structure');
  return element;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;

export function pemDecode(text: string): { label: string; der: Buffer } {
  const match = PEM_BLOCK.exec(text);
  if (!match?.[1] || match[2] === undefined) throw new MalformedKeyError('no PEM block found');
  const body = match[2].trim();
  if (/^Proc-Type:/m.test(body)) throw new MalformedKeyError('encrypted PEM keys are not supported');
  return { label: match[1], der: Buffer.from(body.replace(/\s+/g, ''), 'base64') };
}

export function pemEncode(label: string, der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
