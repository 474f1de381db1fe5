// Proves the desktop window's security settings: webPreferences, navigation, pop-ups, permissions, remote
// requests, the CSP, and that the preload exposes nothing but invoke. Fakes stand in for Electron's objects.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../db/api/content-security-policy';
import { appEntryUrl, appSchemePrivileges, isAppUrl } from './app-origin';
import { invokeChannel } from './ipc';
import { hardenSession, hardenWebContents, isAllowedRequestUrl, secureWebPreferences, webPreferencesFor } from './security';

import type { Session, WebContents } from 'electron';

type Listener = (...args: unknown[]) => void;

interface FakeEvent {
  url: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

function fakeEvent(url = ''): FakeEvent {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

class FakeWebContents {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;

  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  /** Fires an event the way Electron does and reports whether a listener prevented it. */
  emit(name: string, url: string, ...rest: unknown[]): boolean {
    const event = fakeEvent(url);
    for (const listener of this.listeners.get(name) ?? []) listener(event, ...rest);
    return event.defaultPrevented;
  }

  asWebContents(): WebContents {
    return this as unknown as WebContents;
  }
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
  beforeRequest: BeforeRequestListener | null = null;

  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequestListener) => {
      this.beforeRequest = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: (...args: unknown[]) => boolean): void {
    this.devicePermissionHandler = handler;
  }

  /** What the installed handler answers for a permission request. */
  requestPermission(permission: string): boolean | undefined {
    let granted: boolean | undefined;
    this.permissionRequestHandler?.(null, permission, (answer) => (granted = answer), {});
    return granted;
  }

  /** Whether the installed webRequest listener cancels a request for this URL (undefined: no answer). */
  isCancelled(url: string): boolean | undefined {
    let cancelled: boolean | undefined;
    this.beforeRequest?.({ url }, (response) => (cancelled = response.cancel === true));
    return cancelled;
  }

  asSession(): Session {
    return this as unknown as Session;
  }
}

const root = join(__dirname, '..');
const foreignUrls = [
  'https://example.com/',
  'http://127.0.0.1:5180/',
  'file:///etc/passwd',
  'app://evil/index.html',
  'app://clinic-ops.evil.com/',
  'app://clinic-ops@evil/',
  'app://clinic-ops:8080/',
  'javascript:alert(1)',
  'about:blank',
];

describe('webPreferences', () => {
  it('isolate the page from Node and Electron: context isolation, sandbox, no Node integration anywhere', () => {
    const prefs = webPreferencesFor('/app/out/electron/preload.js');
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.preload).toBe('/app/out/electron/preload.js');
  });

  it('keep web security on and the risky extras off', () => {
    expect(secureWebPreferences).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    });
  });
});

describe('the app origin', () => {
  it('is a standard, secure scheme that does not bypass the CSP', () => {
    expect(appSchemePrivileges.privileges).toMatchObject({ standard: true, secure: true, bypassCSP: false });
    expect(isAppUrl(appEntryUrl)).toBe(true);
    for (const url of foreignUrls) expect(isAppUrl(url), url).toBe(false);
  });
});

describe('hardenWebContents', () => {
  function hardened(): FakeWebContents {
    const contents = new FakeWebContents();
    hardenWebContents(contents.asWebContents());
    return contents;
  }

  it('prevents navigation to any URL that is not ours, in the top frame, subframes and redirects', () => {
    const contents = hardened();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of foreignUrls) expect(contents.emit(event, url), `${event} ${url}`).toBe(true);
      expect(contents.emit(event, 'app://clinic-ops/index.html#/inventory'), event).toBe(false);
    }
  });

  it('denies every window.open and refuses <webview>', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: appEntryUrl })).toEqual({ action: 'deny' });
    expect(contents.emit('will-attach-webview', appEntryUrl, {}, {})).toBe(true);
  });
});

describe('hardenSession', () => {
  function hardened(): FakeSession {
    const session = new FakeSession();
    hardenSession(session.asSession());
    return session;
  }

  it('denies every permission request and check', () => {
    const session = hardened();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem', 'unknown']) {
      expect(session.requestPermission(permission), permission).toBe(false);
      expect(session.permissionCheckHandler?.(null, permission, 'app://clinic-ops', {}), permission).toBe(false);
    }
    expect(session.devicePermissionHandler?.({})).toBe(false);
  });

  it('cancels every remote request and lets our own scheme through', () => {
    const session = hardened();
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:5180/api', 'wss://example.com/', 'file:///etc/hosts', 'app://evil/']) {
      expect(session.isCancelled(url), url).toBe(true);
    }
    expect(session.isCancelled('app://clinic-ops/assets/index.js')).toBe(false);
    expect(session.isCancelled('devtools://devtools/bundled/inspector.html')).toBe(false);
  });

  it('allows blob: URLs only from our origin', () => {
    expect(isAllowedRequestUrl('blob:app://clinic-ops/7b6c0d3e-0000-4000-8000-000000000000')).toBe(true);
    expect(isAllowedRequestUrl('blob:https://example.com/7b6c0d3e')).toBe(false);
  });
});

describe('Content Security Policy', () => {
  const policyProblems = (policy: string): string[] => {
    const problems: string[] = [];
    if (policy.includes("'unsafe-eval'")) problems.push("allows 'unsafe-eval'");
    if (/https?:/i.test(policy)) problems.push('names an http(s) origin');
    if (/(^|;)\s*script-src[^;]*'unsafe-inline'/.test(policy)) problems.push('allows inline scripts');
    if (/(^|\s)\*(\s|;|$)/.test(policy)) problems.push('allows any origin (*)');
    return problems;
  };

  it('the policy our protocol sends has no eval, no inline script and no remote origin', () => {
    expect(policyProblems(contentSecurityPolicy)).toEqual([]);
    expect(contentSecurityPolicy).toContain("object-src 'none'");
  });

  it('the renderer index.html carries the same policy and loads nothing remote', () => {
    const built = join(root, 'dist', 'renderer', 'index.html');
    const source = join(root, 'renderer', 'index.html');
    const file = existsSync(built) ? built : source;
    const html = readFileSync(file, 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta, `${file} has a CSP meta tag`).not.toBeNull();
    expect(meta?.[1]).toBe(contentSecurityPolicy);
    expect(policyProblems(meta?.[1] ?? '')).toEqual([]);
    expect(html).not.toMatch(/(src|href)\s*=\s*"(https?:)?\/\//i);
  });
});

describe('preload', () => {
  /** Runs a compiled preload as a sandboxed preload runs: CommonJS, and 'electron' is the only module it may require. */
  function runPreload(code: string) {
    const exposed: Array<{ key: string; api: unknown }> = [];
    const invoke = vi.fn(async () => ({ ok: true, value: 'pong' }));
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push({ key, api }) },
      ipcRenderer: { invoke, send: vi.fn(), on: vi.fn(), sendSync: vi.fn() },
    };
    const required: string[] = [];
    const fakeRequire = (name: string) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require "${name}"`);
      return electron;
    };
    const module = { exports: {} };
    runInNewContext(code, { require: fakeRequire, module, exports: module.exports });
    return { exposed, invoke, required };
  }

  const compiledFromSource = ts.transpileModule(readFileSync(join(__dirname, 'preload.ts'), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2023, esModuleInterop: true },
  }).outputText;
  const builtFile = join(root, 'out', 'electron', 'preload.js');
  const variants: Array<[string, string]> = [['electron/preload.ts compiled to CommonJS', compiledFromSource]];
  if (existsSync(builtFile)) variants.push(['the built out/electron/preload.js', readFileSync(builtFile, 'utf8')]);

  it.each(variants)('%s requires only electron and exposes exactly clinicOps.invoke', async (_name, code) => {
    const { exposed, invoke, required } = runPreload(code);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(exposed).toHaveLength(1);
    expect(exposed[0]?.key).toBe('clinicOps');
    const api = exposed[0]?.api as Record<string, unknown>;
    expect(Object.keys(api)).toEqual(['invoke']);
    const call = api.invoke as (method: string, input: unknown) => Promise<unknown>;
    await expect(call('clinic.status', {})).resolves.toEqual({ ok: true, value: 'pong' });
    // The literal channel in preload.ts must be the one ipc.ts listens on.
    expect(invoke).toHaveBeenCalledWith(invokeChannel, 'clinic.status', {});
  });

  it('compiles as CommonJS: package.json does not switch the project to ES modules', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { type?: string };
    expect(pkg.type ?? 'commonjs').toBe('commonjs');
  });
});
