// Another process holding the clinic file's write lock, as a second Clinic Ops (or a SQLite tool) would.
// Plain JavaScript run with `node -e`, so it needs no build; it takes the lock, says "locked", and waits.
import { spawn } from 'node:child_process';

const holderScript = `
const Database = require(process.argv[1]);
const db = new Database(process.argv[2]);
// 'exclusive': the whole file, readers included (locking_mode=EXCLUSIVE); otherwise the write lock only.
if (process.argv[3] === 'exclusive') db.pragma('locking_mode = EXCLUSIVE');
db.exec('BEGIN EXCLUSIVE');
process.stdout.write('locked\\n');
process.stdin.on('data', () => { db.exec('ROLLBACK'); db.close(); process.exit(0); });
`;

export interface LockHolder {
  /** Rolls back and exits, as the other instance finishing its write. */
  release(): Promise<void>;
}

export function holdLock(dbPath: string, mode: 'write' | 'exclusive'): Promise<LockHolder> {
  const child = spawn(process.execPath, ['-e', holderScript, require.resolve('better-sqlite3'), dbPath, mode], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () =>
      resolve({
        release: async () => {
          child.stdin.write('release\n');
          await exited;
        },
      }),
    );
    void exited.then(() => reject(new Error(`the lock holder exited before locking: ${stderr}`)));
  });
}
