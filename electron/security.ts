// The desktop window's security: webPreferences as data, and installers that deny navigation, pop-ups,
// permissions and remote requests. Electron objects are passed in, so all of it runs under plain Node tests.
import type { Session, WebContents, WebPreferences } from 'electron';
import { contentSecurityPolicy } from '../db/api/content-security-policy';
import { appOrigin, isAppUrl } from './app-origin';

/**
 * Electron's security checklist, spelled out even where it matches the default, so a test pins every value
 * and an Electron upgrade that changes a default cannot loosen the app.
 */
export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  safeDialogs: true,
} as const satisfies WebPreferences;

export function webPreferencesFor(preloadPath: string): WebPreferences {
  return { ...secureWebPreferences, preload: preloadPath };
}

/** Headers on every response our protocol sends; the CSP is the one the browser mode sends. */
export const appResponseHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Every request the app's own pages may make: our scheme, data:/blob: that the CSP already limits
 * (charts, exports), and DevTools. Anything else (http, https, ws, file, ftp, another app:// host) is cancelled.
 */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  if (url.startsWith('data:')) return true;
  if (url.startsWith(`blob:${appOrigin}/`)) return true;
  if (url.startsWith('devtools:')) return true;
  return false;
}

/** Applied to every WebContents the app creates (app 'web-contents-created'), not only the main window. */
export function hardenWebContents(contents: WebContents): void {
  const denyForeign = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => denyForeign(event));
  contents.on('will-frame-navigate', (event) => denyForeign(event));
  contents.on('will-redirect', (event) => denyForeign(event));
  // webviewTag is off; this refuses a <webview> even if a later change turned it on by mistake.
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The session the window uses: no permission is ever granted and nothing leaves the machine. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
}
