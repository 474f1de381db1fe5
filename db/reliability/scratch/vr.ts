import Database from 'better-sqlite3';
import { verifyRecords } from '../../audit/verify-records';
import { verifyAuditChain } from '../../audit/verify-audit-chain';
const db = new Database(process.argv[2]!, { readonly: true });
let t = Date.now();
const r = verifyRecords(db);
console.log(Date.now() - t, 'ms', JSON.stringify({ ...r, problems: r.problems.slice(0, 10) }, null, 1));
t = Date.now();
console.log(verifyAuditChain(db).isIntact, Date.now() - t, 'ms');
