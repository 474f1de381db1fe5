// Swaps the connection a running app holds (after a restore). Transports keep their AppEnvironment object and
// read env.db on every call, so the next call already uses the new file; listeners may refresh the screen.
import type { Database } from 'better-sqlite3';
import type { AppEnvironment } from '../api/handler-context';

type ConnectionListener = (env: AppEnvironment) => void;
const listeners = new WeakMap<AppEnvironment, Set<ConnectionListener>>();

/** A transport subscribes to learn that the clinic file was replaced (for example to tell the window to reload). */
export function onConnectionReplaced(env: AppEnvironment, listener: ConnectionListener): () => void {
  const set = listeners.get(env) ?? new Set<ConnectionListener>();
  set.add(listener);
  listeners.set(env, set);
  return () => set.delete(listener);
}

export function replaceConnection(env: AppEnvironment, db: Database): void {
  if (env.db !== db && env.db.open) env.db.close();
  env.db = db;
  for (const listener of listeners.get(env) ?? []) {
    try {
      listener(env);
    } catch (error) {
      console.error('[clinic-ops] a connection listener failed:', error);
    }
  }
}
