import Database from 'better-sqlite3';
const db = new Database(process.argv[2]!, { readonly: true });
let t = Date.now(); let n = 0;
for (const r of db.prepare("SELECT * FROM sessions ORDER BY CAST(id AS TEXT)").raw(true).iterate()) { n++; void r; }
console.log('rows sorted as text', n, Date.now() - t); t = Date.now(); n = 0;
for (const r of db.prepare("SELECT * FROM sessions ORDER BY id").raw(true).iterate()) { n++; void r; }
console.log('rows by id', n, Date.now() - t); t = Date.now(); n = 0;
const byId = db.prepare('SELECT * FROM sessions WHERE id = ?').raw(true);
for (let i = 1; i < 230000; i++) { byId.get(i); }
console.log('row lookups raw', Date.now() - t); t = Date.now();
for (const r of db.prepare("SELECT entity_id, seq, action, body -> '$.after' FROM audit_events WHERE entity_type IN ('session') ORDER BY entity_id, seq").raw(true).iterate()) { n++; const a = (r as string[])[3]; if (a) JSON.parse(a); }
console.log('grouped after-only parse', n, Date.now() - t);
