// The one origin the desktop renderer is served from (app://clinic-ops/), and the test for "is this ours".
import type { CustomScheme } from 'electron';

export const appScheme = 'app';
export const appHost = 'clinic-ops';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * Registered before the app is ready. Standard + secure gives the renderer a real origin (so 'self' in the
 * CSP and the IPC origin check are exact) and secure-context APIs. It does not bypass the CSP, and corsEnabled
 * stays off: that privilege would let other origins read our responses; the page's own modules are same-origin.
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, bypassCSP: false },
};

/** True only for app://clinic-ops/... with no credentials or port (exact host, not a prefix match). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${appScheme}:` &&
    parsed.hostname === appHost &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
