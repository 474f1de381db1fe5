// Creates the one app window with the locked-down webPreferences and shows it once it has painted.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { appEntryUrl } from './app-origin';
import { webPreferencesFor } from './security';

export type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Clinic Ops',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    // Hidden until the first paint, so staff never see a blank white window.
    show: false,
    backgroundColor: '#f8fafc',
    webPreferences: webPreferencesFor(preloadPath),
  };
}

export function createMainWindow(BrowserWindowCtor: BrowserWindowClass, preloadPath: string): BrowserWindow {
  const window = new BrowserWindowCtor(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appEntryUrl);
  return window;
}
