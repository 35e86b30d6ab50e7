import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { UnreadableFileError } from './sheet-record.ts';

/*
 * Just enough of the ZIP format (APPNOTE 6.3.10) to check that an uploaded XLSX arrived whole and to hand its
 * parts to the streaming reader in the order it needs them. The bytes of each part are copied as stored; this
 * module never inflates anything.
 */

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
  /** Sizes in the entry's data descriptor are 8 bytes each. */
  zip64: boolean;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const ZIP64_EXTRA = 0x0001;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const STORED = 0;
const DEFLATED = 8;

const INCOMPLETE = 'XLSX 文件不完整或已损坏，无法读取：请确认文件已完整上传，或在 Excel 中打开后重新保存';

async function read(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  if (bytesRead < length) throw new UnreadableFileError(INCOMPLETE);
  return buffer;
}

/** The archive's table of contents; an archive without a whole one was cut off and is refused. */
export async function readZipDirectory(file: FileHandle, size: number): Promise<ZipEntry[]> {
  const tailLength = Math.min(size, 22 + MAX_16);
  const tail = await read(file, size - tailLength, tailLength);
  let end = -1;
  for (let at = tail.length - 22; at >= 0; at--) {
    if (tail.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end === -1) throw new UnreadableFileError(INCOMPLETE);
  let count = tail.readUInt16LE(end + 10);
  let directorySize = tail.readUInt32LE(end + 12);
  let directoryOffset = tail.readUInt32LE(end + 16);
  if (count === MAX_16 || directorySize === MAX_32 || directoryOffset === MAX_32) {
    const locator = end - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_END_LOCATOR)
      throw new UnreadableFileError(INCOMPLETE);
    const record = await read(file, Number(tail.readBigUInt64LE(locator + 8)), 56);
    if (record.readUInt32LE(0) !== ZIP64_END_OF_CENTRAL_DIRECTORY) throw new UnreadableFileError(INCOMPLETE);
    count = Number(record.readBigUInt64LE(32));
    directorySize = Number(record.readBigUInt64LE(40));
    directoryOffset = Number(record.readBigUInt64LE(48));
  }
  if (directoryOffset + directorySize > size) throw new UnreadableFileError(INCOMPLETE);
  const directory = await read(file, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let index = 0; index < count; index++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_DIRECTORY_HEADER) {
      throw new UnreadableFileError(INCOMPLETE);
    }
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const extra = directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    const sizes = zip64Sizes(extra, {
      uncompressed: directory.readUInt32LE(at + 24),
      compressed: directory.readUInt32LE(at + 20),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    });
    entries.push({
      name: directory.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      compressedSize: sizes.compressed,
      localHeaderOffset: sizes.localHeaderOffset,
      zip64: sizes.zip64,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The ZIP64 extra field holds, in this order, each value its 32-bit slot marks as 0xFFFFFFFF. */
function zip64Sizes(
  extra: Buffer,
  slots: { uncompressed: number; compressed: number; localHeaderOffset: number },
): { compressed: number; localHeaderOffset: number; zip64: boolean } {
  for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2)) {
    if (extra.readUInt16LE(at) !== ZIP64_EXTRA) continue;
    let field = at + 4;
    const next = (slot: number) => {
      if (slot !== MAX_32) return slot;
      const value = Number(extra.readBigUInt64LE(field));
      field += 8;
      return value;
    };
    next(slots.uncompressed);
    return {
      compressed: next(slots.compressed),
      localHeaderOffset: next(slots.localHeaderOffset),
      zip64: true,
    };
  }
  return { compressed: slots.compressed, localHeaderOffset: slots.localHeaderOffset, zip64: false };
}

/**
 * The bytes of one entry exactly as stored (local header, compressed data, data descriptor), streamed from
 * the file, so the entries can be fed to a streaming unzipper in another order.
 */
export async function* storedEntryBytes(
  file: FileHandle,
  path: string,
  size: number,
  entry: ZipEntry,
): AsyncGenerator<Buffer> {
  if (entry.flags & FLAG_ENCRYPTED)
    throw new UnreadableFileError('XLSX 文件已加密，无法读取：请取消密码后重新上传');
  if (entry.method !== STORED && entry.method !== DEFLATED) {
    throw new UnreadableFileError(`XLSX 文件使用了不支持的压缩方式（${entry.method}），无法读取`);
  }
  const header = await read(file, entry.localHeaderOffset, 30);
  if (header.readUInt32LE(0) !== LOCAL_FILE_HEADER) throw new UnreadableFileError(INCOMPLETE);
  const dataEnd =
    entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28) + entry.compressedSize;
  let end = dataEnd;
  if (entry.flags & FLAG_DATA_DESCRIPTOR) {
    // CRC and the two sizes, preceded by a signature most writers add.
    const signed = (await read(file, dataEnd, 4)).readUInt32LE(0) === DATA_DESCRIPTOR;
    end += (signed ? 4 : 0) + 4 + (entry.zip64 ? 16 : 8);
  }
  if (end > size) throw new UnreadableFileError(INCOMPLETE);
  yield* createReadStream(path, { start: entry.localHeaderOffset, end: end - 1 });
}

/** A stored (uncompressed) entry with the given content, for a part the archive lacks. */
export function storedEntry(name: string, content: Buffer): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_FILE_HEADER, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(FLAG_UTF8, 6);
  header.writeUInt16LE(STORED, 8);
  header.writeUInt32LE(crc32(content), 14);
  header.writeUInt32LE(content.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes, content]);
}
