// Opens a benchmark clinic the way the app does (same dispatcher, same pragmas), signed in as its manager.
import { ActingSession } from '../db/api/acting-session';
import type { AppEnvironment } from '../db/api/handler-context';
import { appVersion } from '../db/app-environment';
import { openDatabase } from '../db/open-database';

export function openBenchEnvironment(path: string): AppEnvironment {
  // The integrity check of a gigabyte file is not what these figures measure (start-up measures it).
  const db = openDatabase(path, { skipQuickCheck: true });
  const manager = db.prepare("SELECT id FROM staff WHERE role = 'manager' AND is_active = 1 ORDER BY id LIMIT 1").get() as { id: number };
  const session = new ActingSession();
  session.signIn(manager.id, Date.now());
  return { db, dbPath: path, deviceId: 'bench-device', appVersion, session };
}
