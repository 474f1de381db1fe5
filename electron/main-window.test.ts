// The window is built with the secure webPreferences, loads our app:// entry, and stays hidden until painted.
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appEntryUrl } from './app-origin';
import { createMainWindow, type BrowserWindowClass } from './main-window';
import { secureWebPreferences } from './security';

class FakeBrowserWindow {
  static last: FakeBrowserWindow | null = null;
  readonly onceListeners = new Map<string, () => void>();
  loadedUrl: string | null = null;
  shown = false;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeBrowserWindow.last = this;
  }

  once(name: string, listener: () => void): this {
    this.onceListeners.set(name, listener);
    return this;
  }

  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
  }

  show(): void {
    this.shown = true;
  }
}

describe('createMainWindow', () => {
  it('uses the secure webPreferences with our preload, loads app://clinic-ops/ and shows when ready', () => {
    const window = createMainWindow(FakeBrowserWindow as unknown as BrowserWindowClass, '/app/out/electron/preload.js');
    const fake = FakeBrowserWindow.last;
    expect(window).toBe(fake);
    expect(fake?.options.webPreferences).toEqual({ ...secureWebPreferences, preload: '/app/out/electron/preload.js' });
    expect(fake?.options.title).toBe('Clinic Ops');
    expect(fake?.options.show).toBe(false);
    expect(fake?.loadedUrl).toBe(appEntryUrl);
    expect(fake?.shown).toBe(false);
    fake?.onceListeners.get('ready-to-show')?.();
    expect(fake?.shown).toBe(true);
  });
});
