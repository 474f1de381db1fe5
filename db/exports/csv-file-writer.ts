// Writes a CSV to disk in small chunks while hashing it, so no file of the bundle is ever held in memory whole.
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * 64 K characters, so rows' strings die young in the scavenger. At 1 M characters they lived long enough to be
 * promoted, and garbage collection took 4.9 of the 12.7 s of a 10-year supply log (measured; 0.7 s now).
 */
const flushAtChars = 1 << 16;

export interface WrittenFile {
  sizeBytes: number;
  sha256: string;
}

export class HashingFileWriter {
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private parts: Array<string | Buffer> = [];
  private pendingChars = 0;
  private sizeBytes = 0;
  private isClosed = false;

  /** 'wx': a file that already exists is never overwritten. */
  constructor(readonly path: string) {
    this.fd = openSync(path, 'wx', 0o600);
  }

  write(text: string): void {
    this.parts.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= flushAtChars) this.flush();
  }

  /** Bytes already encoded (an audit body quoted by SQLite), written without a round trip through a string. */
  writeBytes(bytes: Buffer): void {
    this.parts.push(bytes);
    this.pendingChars += bytes.length;
    if (this.pendingChars >= flushAtChars) this.flush();
  }

  /** Synchronous writes keep memory flat: nothing queues behind a slow disk. */
  private flush(): void {
    if (this.parts.length === 0) return;
    const chunk = this.parts.every((p) => typeof p === 'string')
      ? Buffer.from((this.parts as string[]).join(''), 'utf8')
      : Buffer.concat(this.parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
    this.parts = [];
    this.pendingChars = 0;
    this.hash.update(chunk);
    let offset = 0;
    while (offset < chunk.length) offset += writeSync(this.fd, chunk, offset, chunk.length - offset);
    this.sizeBytes += chunk.length;
  }

  close(): WrittenFile {
    if (!this.isClosed) {
      this.flush();
      closeSync(this.fd);
      this.isClosed = true;
    }
    return { sizeBytes: this.sizeBytes, sha256: this.hash.copy().digest('hex') };
  }

  /** Closes without caring for the content (the file is about to be deleted). */
  abandon(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    closeSync(this.fd);
  }
}
