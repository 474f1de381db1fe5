// Runs main.ts against fake Electron objects and proves it actually applies the hardening the other tests pin:
// the sandbox for every renderer, hardened web contents and session, the secure window, one IPC channel, the
// app:// protocol, a single instance. Without this, deleting a call in main.ts would leave every test green.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { appEntryUrl, appSchemePrivileges } from './app-origin';
import { invokeChannel } from './ipc';
import { secureWebPreferences } from './security';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const userData = { dir: '' };
  const appListeners = new Map<string, Listener[]>();
  const on = (map: Map<string, Listener[]>) => (name: string, listener: Listener) => {
    map.set(name, [...(map.get(name) ?? []), listener]);
  };
  const windows: Array<{ options: { webPreferences?: Record<string, unknown> }; url: string | null }> = [];
  class BrowserWindow {
    url: string | null = null;
    readonly webContents = { mainFrame: null };
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      windows.push(this);
    }
    once(): this {
      return this;
    }
    on(): this {
      return this;
    }
    async loadURL(url: string): Promise<void> {
      this.url = url;
    }
    isDestroyed(): boolean {
      return false;
    }
  }
  const permissionHandlers: { request?: Listener; check?: Listener; device?: Listener; beforeRequest?: Listener } = {};
  return {
    userData,
    appListeners,
    windows,
    permissionHandlers,
    electron: {
      app: {
        setName: vi.fn(),
        setPath: vi.fn(),
        getPath: () => userData.dir,
        enableSandbox: vi.fn(),
        requestSingleInstanceLock: vi.fn(() => true),
        quit: vi.fn(),
        exit: vi.fn(),
        on: on(appListeners),
        whenReady: () => Promise.resolve(),
      },
      BrowserWindow,
      dialog: { showErrorBox: vi.fn() },
      ipcMain: { handle: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      // Protected storage: reversible and visibly not the plain text, like the real one.
      safeStorage: {
        isEncryptionAvailable: () => true,
        encryptString: (text: string) => Buffer.from(text).reverse(),
        decryptString: (data: Buffer) => Buffer.from(data).reverse().toString(),
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (h: Listener) => (permissionHandlers.request = h),
          setPermissionCheckHandler: (h: Listener) => (permissionHandlers.check = h),
          setDevicePermissionHandler: (h: Listener) => (permissionHandlers.device = h),
          webRequest: { onBeforeRequest: (h: Listener) => (permissionHandlers.beforeRequest = h) },
        },
      },
    },
  };
});

vi.mock('electron', () => fake.electron);

fake.userData.dir = mkdtempSync(join(tmpdir(), 'clinic-ops-main-wiring-'));
afterAll(() => {
  for (const listener of fake.appListeners.get('will-quit') ?? []) listener();
  rmSync(fake.userData.dir, { recursive: true, force: true });
});

async function startMain(): Promise<void> {
  await import('./main.js');
  // start() runs after whenReady(); let the promise chain settle.
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('main.ts wiring', () => {
  it('sandboxes every renderer, registers app:// before ready, and keeps a single instance', async () => {
    await startMain();
    const { app, protocol } = fake.electron;
    expect(app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([appSchemePrivileges]);
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(fake.electron.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('hardens every web contents the app creates', () => {
    const created = fake.appListeners.get('web-contents-created') ?? [];
    expect(created).toHaveLength(1);
    const contentsListeners = new Map<string, Listener>();
    let openHandler: Listener | null = null;
    const contents = { on: (name: string, l: Listener) => contentsListeners.set(name, l), setWindowOpenHandler: (h: Listener) => (openHandler = h) };
    created[0]?.({}, contents);
    let prevented = false;
    contentsListeners.get('will-navigate')?.({ url: 'https://example.com/', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect((openHandler as Listener | null)?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('hardens the session the window uses: every permission refused, remote requests cancelled', () => {
    const { request, check, beforeRequest } = fake.permissionHandlers;
    let granted: boolean | undefined;
    request?.(null, 'media', (answer: boolean) => (granted = answer), {});
    expect(granted).toBe(false);
    expect(check?.(null, 'geolocation')).toBe(false);
    let cancel: boolean | undefined;
    beforeRequest?.({ url: 'https://example.com/x.js' }, (r: { cancel?: boolean }) => (cancel = r.cancel));
    expect(cancel).toBe(true);
  });

  it('opens one window with the secure webPreferences and our preload, on app://clinic-ops/', () => {
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0];
    expect(window?.options.webPreferences).toMatchObject(secureWebPreferences);
    expect(String(window?.options.webPreferences?.preload)).toMatch(/preload\.js$/);
    expect(window?.url).toBe(appEntryUrl);
  });

  it('serves app:// through our protocol handler and listens on exactly one IPC channel', () => {
    expect(fake.electron.protocol.handle).toHaveBeenCalledTimes(1);
    expect(fake.electron.protocol.handle.mock.calls[0]?.[0]).toBe('app');
    expect(fake.electron.ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(fake.electron.ipcMain.handle.mock.calls[0]?.[0]).toBe(invokeChannel);
  });
});
