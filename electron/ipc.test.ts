// The IPC channel answers only our window's top frame on our origin, and then behaves exactly like dispatch.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WebFrameMain } from 'electron';
import { openTestClinic, type TestClinic } from '../db/test-support/test-clinic';
import { appEntryUrl } from './app-origin';
import { handleInvoke, invokeChannel, isTrustedSender, registerApiChannel, type ApiChannelOptions } from './ipc';

interface FakeFrame {
  parent: FakeFrame | null;
  url: string;
  processId: number;
  routingId: number;
}

const mainFrame: FakeFrame = { parent: null, url: appEntryUrl, processId: 4, routingId: 1 };
const asFrame = (frame: FakeFrame | null) => frame as unknown as WebFrameMain | null;
const eventFrom = (frame: FakeFrame | null) => ({ senderFrame: asFrame(frame) });

let clinic: TestClinic;
beforeAll(async () => {
  clinic = await openTestClinic();
});
afterAll(() => clinic.close());

function channelOptions(overrides: Partial<ApiChannelOptions> = {}): ApiChannelOptions {
  return { env: clinic.env, getMainFrame: () => asFrame(mainFrame), ...overrides };
}

describe('isTrustedSender', () => {
  it('accepts the main window top frame showing our origin (also as a distinct object for the same frame)', () => {
    expect(isTrustedSender(mainFrame, mainFrame)).toBe(true);
    expect(isTrustedSender({ ...mainFrame, url: 'app://clinic-ops/index.html#/audit' }, mainFrame)).toBe(true);
  });

  it('refuses a subframe, another frame, a foreign origin, and a missing frame or window', () => {
    expect(isTrustedSender({ ...mainFrame, routingId: 7, parent: mainFrame }, mainFrame)).toBe(false);
    expect(isTrustedSender({ ...mainFrame, parent: mainFrame }, mainFrame)).toBe(false);
    expect(isTrustedSender({ ...mainFrame, routingId: 2 }, mainFrame)).toBe(false);
    expect(isTrustedSender({ ...mainFrame, processId: 9 }, mainFrame)).toBe(false);
    expect(isTrustedSender({ ...mainFrame, url: 'https://example.com/' }, mainFrame)).toBe(false);
    expect(isTrustedSender({ ...mainFrame, url: 'app://evil/index.html' }, mainFrame)).toBe(false);
    expect(isTrustedSender({ ...mainFrame, url: 'file:///index.html' }, mainFrame)).toBe(false);
    expect(isTrustedSender(null, mainFrame)).toBe(false);
    expect(isTrustedSender(mainFrame, null)).toBe(false);
  });
});

describe('handleInvoke', () => {
  it('dispatches a call from our top frame to the real API and returns its result', async () => {
    const result = await handleInvoke(channelOptions(), eventFrom(mainFrame), 'clinic.status', {});
    expect(result).toMatchObject({ ok: true, value: { isSetUp: true, actingStaff: { name: 'Morgan Manager' } } });
    // A method that needs the signed-in manager works through the channel too.
    expect(await handleInvoke(channelOptions(), eventFrom(mainFrame), 'settings.get', {})).toMatchObject({ ok: true });
  });

  it('returns dispatch errors unchanged (unknown method, invalid input)', async () => {
    expect(await handleInvoke(channelOptions(), eventFrom(mainFrame), 'no.suchMethod', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await handleInvoke(channelOptions(), eventFrom(mainFrame), 'clinic.status', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('refuses a subframe, a foreign origin and a closed window with forbidden, without dispatching', async () => {
    const dispatch = vi.fn();
    const options = channelOptions({ dispatch });
    const subframe = { ...mainFrame, routingId: 7, parent: mainFrame };
    const foreign = { ...mainFrame, url: 'https://example.com/' };
    for (const frame of [subframe, foreign, null]) {
      const result = await handleInvoke(options, eventFrom(frame), 'clinic.status', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const noWindow = await handleInvoke({ ...options, getMainFrame: () => null }, eventFrom(mainFrame), 'clinic.status', {});
    expect(noWindow).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a method that is not a string', async () => {
    const dispatch = vi.fn();
    for (const method of [undefined, 42, { toString: () => 'clinic.status' }, '', 'x'.repeat(500)]) {
      const result = await handleInvoke(channelOptions({ dispatch }), eventFrom(mainFrame), method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'method' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('registerApiChannel', () => {
  it('prints the window to PDF for our top frame only, through webContents.printToPDF', async () => {
    const printToPdf = vi.fn(async () => Buffer.from('%PDF-1.7 page'));
    const options = channelOptions({ printToPdf });
    expect(await handleInvoke(options, eventFrom(mainFrame), 'desktop.printToPdf', {})).toEqual({
      ok: true,
      value: { pdfBase64: Buffer.from('%PDF-1.7 page').toString('base64') },
    });
    const subframe = { ...mainFrame, parent: mainFrame };
    expect(await handleInvoke(options, eventFrom(subframe), 'desktop.printToPdf', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(printToPdf).toHaveBeenCalledTimes(1);
    expect(await handleInvoke(channelOptions(), eventFrom(mainFrame), 'desktop.printToPdf', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('registers exactly one handler, on the clinic-ops:invoke channel', async () => {
    const handle = vi.fn();
    registerApiChannel({ handle }, channelOptions());
    expect(handle).toHaveBeenCalledTimes(1);
    expect(handle.mock.calls[0]?.[0]).toBe(invokeChannel);
    const listener = handle.mock.calls[0]?.[1] as (event: unknown, ...args: unknown[]) => Promise<unknown>;
    await expect(listener(eventFrom(mainFrame), 'clinic.status', {})).resolves.toMatchObject({ ok: true });
    await expect(listener(eventFrom({ ...mainFrame, parent: mainFrame }), 'clinic.status', {})).resolves.toMatchObject({ ok: false });
  });
});
