// Desktop entry point: wires Electron's real objects to the shell modules. With preload.ts, the only file that
// loads electron's runtime; everything it calls takes those objects as parameters and is tested under Node.
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import { join } from 'node:path';
import { openAppEnvironment } from '../db/app-environment';
import { keysDirFor, protectedKeyStores, setClinicKeyStores } from '../db/exports/key-store';
import { databaseFileName, productName } from '../db/data-location';
import { appScheme, appSchemePrivileges } from './app-origin';
import { createAppProtocolHandler } from './app-protocol';
import { registerApiChannel } from './ipc';
import { createMainWindow } from './main-window';
import { hardenSession, hardenWebContents } from './security';
import { describeStartupError, userDataDirFromArgs } from './startup';

// out/electron/main.js -> the project (or app.asar) root, where dist/renderer lives.
const appRoot = join(__dirname, '..', '..');
let mainWindow: BrowserWindow | null = null;

app.setName(productName);
const userDataOverride = userDataDirFromArgs(process.argv);
if (userDataOverride) app.setPath('userData', userDataOverride);
// Sandbox every renderer, including any a future change creates without our webPreferences.
app.enableSandbox();
// Must happen before 'ready'.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

if (!app.requestSingleInstanceLock()) {
  // One process owns the clinic file; a second launch hands over to it and leaves.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  // A clinic file that will not open (damaged, from a newer version, locked) ends here: tell staff, then quit.
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => failStartup(error, clinicFilePath()));
}

function clinicFilePath(): string {
  return join(app.getPath('userData'), databaseFileName);
}

function start(): void {
  const env = openAppEnvironment(clinicFilePath());
  app.on('will-quit', () => env.db.close());
  // The clinic's signing and pseudonym keys are kept encrypted by the operating system's protected storage.
  if (safeStorage.isEncryptionAvailable()) {
    setClinicKeyStores(env, protectedKeyStores(keysDirFor(env.dbPath), { encrypt: (text) => safeStorage.encryptString(text), decrypt: (data) => safeStorage.decryptString(data) }));
  }
  hardenSession(session.defaultSession);
  protocol.handle(appScheme, createAppProtocolHandler(join(appRoot, 'dist', 'renderer')));
  registerApiChannel(ipcMain, {
    env,
    getMainFrame: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.mainFrame : null),
    printToPdf: async () => {
      if (!mainWindow || mainWindow.isDestroyed()) throw new Error('There is no window to print.');
      return mainWindow.webContents.printToPDF({ printBackground: true, pageSize: 'Letter', displayHeaderFooter: true });
    },
  });
  mainWindow = createMainWindow(BrowserWindow, join(__dirname, 'preload.js'));
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function failStartup(error: unknown, dbPath: string): void {
  const report = describeStartupError(error, dbPath);
  console.error(`[clinic-ops] ${report.title}: ${report.message}`);
  dialog.showErrorBox(report.title, report.message);
  app.exit(1);
}
