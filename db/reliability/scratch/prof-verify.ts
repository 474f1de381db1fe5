import Database from 'better-sqlite3';
import { verifyAuditChain } from '../../audit/verify-audit-chain';
import { verifyRecords, clockWarnings } from '../../audit/verify-records';
const db = new Database(process.argv[2]!, { readonly: true });
let t = Date.now();
console.log('chain', verifyAuditChain(db).isIntact, Date.now() - t); t = Date.now();
const r = verifyRecords(db); console.log('records', r.problemCount, JSON.stringify(r.checked), Date.now() - t, JSON.stringify(r.problems.slice(0,3))); t = Date.now();
console.log('warnings', clockWarnings(db).length, Date.now() - t);
