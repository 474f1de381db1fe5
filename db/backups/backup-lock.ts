// One backup-area task at a time per clinic file: a restore must never close the connection under a running backup.
const tails = new WeakMap<object, Promise<unknown>>();

/** Runs `work` after every earlier task queued on the same key has settled. */
export function withBackupLock<T>(key: object, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  tails.set(key, next.catch(() => undefined));
  return next;
}
