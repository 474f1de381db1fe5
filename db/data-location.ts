// Where the clinic file lives by default: Electron's userData folder for "Clinic Ops", computed the same
// way here so the browser mode and the desktop app open the same clinic.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const productName = 'Clinic Ops';
export const databaseFileName = 'clinic-ops.sqlite3';

export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), productName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', productName);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), productName);
}

export function defaultDatabasePath(): string {
  return join(defaultUserDataDir(), databaseFileName);
}
