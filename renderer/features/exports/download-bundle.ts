// Fetches a finished bundle with exports.readChunk (at most 4 MB a call, over either transport), assembles it as a
// Blob and saves it under the server's file name.
import type { ExportChunk } from '../../../db/exports/exports-contract';
import type { ApiClient } from '../../api/client';
import { assembleChunks, type ReceivedChunk } from './bundle-chunks';

export async function downloadBundle(
  client: ApiClient,
  exportId: string,
  fileName: string,
  onProgress: (receivedBytes: number, sizeBytes: number) => void,
): Promise<void> {
  const chunks: ReceivedChunk[] = [];
  let offset: number | null = 0;
  let sizeBytes = 0;
  let receivedBytes = 0;
  while (offset !== null) {
    const chunk: ExportChunk = await client.call('exports.readChunk', { exportId, offset });
    chunks.push({ offset: chunk.offset, dataBase64: chunk.dataBase64 });
    sizeBytes = chunk.sizeBytes;
    receivedBytes += chunk.length;
    onProgress(receivedBytes, sizeBytes);
    offset = chunk.nextOffset;
  }
  const bytes = assembleChunks(chunks, sizeBytes);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the time click() returns; the URL only needs to live a moment longer.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
