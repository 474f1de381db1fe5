// Turns the base64 chunks of exports.readChunk back into the bundle's bytes. Pure, so it is unit-tested without a DOM.

/** One chunk's base64 text as bytes (atob is in browsers and in Node 16+). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export interface ReceivedChunk {
  offset: number;
  dataBase64: string;
}

/**
 * Joins the chunks in offset order, refusing a gap, an overlap or a total other than the size the server
 * announced: a download that silently dropped a chunk would fail verification later, far from its cause.
 */
export function assembleChunks(chunks: readonly ReceivedChunk[], sizeBytes: number): Uint8Array<ArrayBuffer> {
  const whole = new Uint8Array(sizeBytes);
  let expectedOffset = 0;
  for (const chunk of [...chunks].sort((a, b) => a.offset - b.offset)) {
    if (chunk.offset !== expectedOffset) throw new Error(`The download is missing bytes ${expectedOffset} to ${chunk.offset}.`);
    const bytes = base64ToBytes(chunk.dataBase64);
    if (chunk.offset + bytes.length > sizeBytes) throw new Error(`The download is longer than the ${sizeBytes} bytes announced.`);
    whole.set(bytes, chunk.offset);
    expectedOffset += bytes.length;
  }
  if (expectedOffset !== sizeBytes) throw new Error(`The download stopped at byte ${expectedOffset} of ${sizeBytes}.`);
  return whole;
}

/** A size for people: "812 bytes", "4.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
