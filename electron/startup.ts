// Pure start-up decisions for main.ts: which data folder to use, and what to tell staff when the clinic file won't open.
import { DatabaseDamagedError, DatabaseInUseError } from '../db/open-database';
import { NewerSchemaError } from '../db/migrate';

/**
 * `--user-data-dir=DIR` moves the whole profile (clinic file, device id, Chromium state). Tests use it for a
 * fresh profile per run; a clinic can use it to keep the file elsewhere.
 */
export function userDataDirFromArgs(argv: readonly string[]): string | null {
  for (const arg of argv) {
    if (arg.startsWith('--user-data-dir=')) {
      const dir = arg.slice('--user-data-dir='.length);
      if (dir.length > 0) return dir;
    }
  }
  return null;
}

export interface StartupErrorReport {
  title: string;
  message: string;
}

/** The error box shown before quitting; every message names the file and says what to do next. */
export function describeStartupError(error: unknown, dbPath: string): StartupErrorReport {
  if (error instanceof DatabaseDamagedError) {
    return { title: 'The clinic file is damaged', message: error.message };
  }
  if (error instanceof DatabaseInUseError) {
    return { title: 'The clinic file is in use', message: error.message };
  }
  if (error instanceof NewerSchemaError) {
    return { title: 'The clinic file needs a newer Clinic Ops', message: `${error.message}\n\nFile: ${dbPath}` };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    title: 'Clinic Ops could not start',
    message:
      `Clinic Ops could not open the clinic file at ${dbPath}: ${detail}\n\n` +
      'Nothing was changed. Check that the folder exists and you may write to it, then start Clinic Ops again. ' +
      'If it keeps happening, keep a copy of the file and contact your support person.',
  };
}
