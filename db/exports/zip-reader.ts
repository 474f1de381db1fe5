// Reads a bundle ZIP from disk entry by entry without loading it: the central directory by random access,
// then each entry's bytes streamed through zlib's inflater with its CRC-32 and size checked at the end.
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw, crc32 } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, buffer, done, length - done, position + done);
    if (read === 0) break;
    done += read;
  }
  return buffer.subarray(0, done);
}

export class NotAZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAZipError';
  }
}

export function readZipDirectory(path: string): ZipEntry[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, 65_557);
    const tail = readAt(fd, size - tailLength, tailLength);
    let end = -1;
    for (let p = tail.length - 22; p >= 0; p -= 1) {
      if (tail.readUInt32LE(p) === 0x06054b50) {
        end = p;
        break;
      }
    }
    if (end < 0) throw new NotAZipError(`${path} is not a ZIP file (no end of central directory).`);
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    const directory = readAt(fd, directoryOffset, directorySize);
    const entries: ZipEntry[] = [];
    let at = 0;
    for (let i = 0; i < count; i += 1) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50) throw new NotAZipError(`${path}: the ZIP central directory is damaged.`);
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      entries.push({
        name: directory.toString('utf8', at + 46, at + 46 + nameLength),
        method: directory.readUInt16LE(at + 10),
        crc: directory.readUInt32LE(at + 16),
        compressedSize: directory.readUInt32LE(at + 20),
        size: directory.readUInt32LE(at + 24),
        localHeaderOffset: directory.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

/** Streams one entry's uncompressed bytes to `onChunk`; throws a message naming the entry when it is damaged. */
export async function streamZipEntry(path: string, entry: ZipEntry, onChunk: (chunk: Buffer) => void): Promise<void> {
  const fd = openSync(path, 'r');
  let dataStart: number;
  try {
    const local = readAt(fd, entry.localHeaderOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw new Error(`${entry.name}: its ZIP entry header is damaged`);
    dataStart = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    closeSync(fd);
  }
  if (entry.method !== 0 && entry.method !== 8) throw new Error(`${entry.name}: uses ZIP compression method ${entry.method}, which is not supported`);
  let crc = 0;
  let size = 0;
  let consumerError: unknown = null;
  const consume = async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      try {
        onChunk(chunk);
      } catch (error) {
        consumerError = error;
        throw error;
      }
    }
  };
  if (entry.compressedSize > 0) {
    const raw = createReadStream(path, { start: dataStart, end: dataStart + entry.compressedSize - 1, highWaterMark: 1 << 20 });
    try {
      if (entry.method === 8) await pipeline(raw, createInflateRaw(), consume);
      else await pipeline(raw, consume);
    } catch (error) {
      if (consumerError !== null) throw consumerError;
      throw new Error(`${entry.name}: its compressed data is damaged in the ZIP`, { cause: error });
    }
  }
  if (size !== entry.size || crc !== entry.crc) throw new Error(`${entry.name}: its data is damaged in the ZIP (CRC-32 or size does not match)`);
}
