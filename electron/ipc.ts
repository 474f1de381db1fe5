// Desktop transport: the one IPC channel. It answers only our window's top frame on our origin, then dispatches.
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { dispatch as realDispatch } from '../db/api/dispatch';
import type { ApiResult } from '../db/api/errors';
import type { AppEnvironment } from '../db/api/handler-context';
import { isAppUrl } from './app-origin';

/** Also written literally in preload.ts, which may not import project modules (sandboxed preloads). */
export const invokeChannel = 'clinic-ops:invoke';

const maxMethodNameLength = 200;

/** Not an API method: the desktop prints the window's current page to PDF with webContents.printToPDF. */
export const printToPdfMethod = 'desktop.printToPdf';

export interface ApiChannelOptions {
  env: AppEnvironment;
  /** The main window's top frame right now, or null while there is no window. */
  getMainFrame: () => WebFrameMain | null;
  /** The window's page as a PDF (webContents.printToPDF with the print stylesheet applied). */
  printToPdf?: () => Promise<Buffer>;
  /** Injected by tests; the real dispatcher otherwise. */
  dispatch?: (env: AppEnvironment, method: string, input: unknown) => Promise<ApiResult<unknown>>;
}

/** The parts of a WebFrameMain the check reads (only whether parent is null matters). */
export interface SenderFrame {
  readonly parent: unknown;
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
}

/**
 * The sender must be the main window's top frame (not an iframe inside it, not another window) and be
 * showing our app:// origin. Frames are compared by processId + routingId because Electron may hand out
 * distinct WebFrameMain objects for the same frame.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, mainFrame: SenderFrame | null): boolean {
  if (!frame || !mainFrame) return false;
  if (frame.parent !== null) return false;
  if (frame.processId !== mainFrame.processId || frame.routingId !== mainFrame.routingId) return false;
  return isAppUrl(frame.url);
}

export async function handleInvoke(
  options: ApiChannelOptions,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  method: unknown,
  input: unknown,
): Promise<ApiResult<unknown>> {
  if (!isTrustedSender(event.senderFrame, options.getMainFrame())) {
    return { ok: false, error: { code: 'forbidden', message: 'Only the Clinic Ops window may call the clinic API.' } };
  }
  if (typeof method !== 'string' || method.length === 0 || method.length > maxMethodNameLength) {
    return { ok: false, error: { code: 'invalid_input', message: 'method: must be the name of an API method.', field: 'method' } };
  }
  if (method === printToPdfMethod) {
    if (!options.printToPdf) return { ok: false, error: { code: 'unknown_method', message: 'Printing to PDF is not available here.' } };
    return { ok: true, value: { pdfBase64: (await options.printToPdf()).toString('base64') } };
  }
  return (options.dispatch ?? realDispatch)(options.env, method, input);
}

export function registerApiChannel(ipcMain: Pick<IpcMain, 'handle'>, options: ApiChannelOptions): void {
  ipcMain.handle(invokeChannel, (event, method: unknown, input: unknown) => handleInvoke(options, event, method, input));
}
