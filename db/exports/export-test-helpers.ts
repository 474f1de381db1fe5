// Shared setup for export tests: a session clinic with awkward data (commas, quotes, line breaks, formulas,
// non-ASCII names, a refund, a void whose reason starts with "-"), and a few helpers to read bundles.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { openSessionClinic, sessionInput, type SessionClinic } from '../sessions/sessions-test-helpers';

export const trickyNote = 'Needled "upper trap", then =HYPERLINK("http://x") check, C-100 felt better\r\nsecond line, ok';
export const nonAsciiName = 'Zoë Łukasiewicz-李';

export interface ExportClinic extends SessionClinic {
  voidedSessionId: number;
}

export async function openExportClinic(): Promise<ExportClinic> {
  const c = await openSessionClinic('2026-03-02T20:00:00.000Z');
  await c.call('staff.create', { name: nonAsciiName, role: 'front_desk', jobTitle: '+Reception, "front"' });
  // Sessions need the therapist's dry-needling credential on file (compliance rule).
  await c.call('compliance.recordCredential', { staffId: c.therapistId, course: 'DN-1, "Level 1"', provider: 'Myopain Seminars', hours: 54, completedOn: '2025-01-10', state: 'VA' });
  const first = await c.call('sessions.record', sessionInput(c, { notes: trickyNote }));
  await c.call('revenue.recordPayment', { sessionId: first.session.id, method: 'card', amountCents: 6000, paidOn: '2026-03-02', note: '@note, with comma' });
  const payments = await c.call('revenue.listPayments', { from: '2026-03-02', to: '2026-03-02' });
  const paymentId = payments[0]?.id ?? 0;
  await c.call('revenue.refund', { paymentId, amountCents: 1250, paidOn: '2026-03-02', reason: '-partial refund: needle count' });
  await c.call('sessions.record', sessionInput(c, { chartNumber: 'C-200', startTime: '11:00', kind: 'plan_of_care', notes: '-5 pain drop' }));
  const third = await c.call('sessions.record', sessionInput(c, { chartNumber: 'C-300', startTime: '13:00', kind: 'plan_of_care' }));
  await c.call('sessions.void', { id: third.session.id, reason: '-- wrong patient chart C-300' });
  return { ...c, voidedSessionId: third.session.id };
}

/** Every entry of a bundle ZIP in memory (test bundles are small). */
export function readBundle(zipPath: string): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(new Uint8Array(readFileSync(zipPath)))));
}

export function textOf(files: Map<string, Uint8Array>, name: string): string {
  const bytes = files.get(name);
  if (!bytes) throw new Error(`${name} is not in the bundle`);
  return Buffer.from(bytes).toString('utf8');
}

/** The text a PDF shows: its content streams inflated and the hex strings pdfkit writes decoded (WinAnsi). */
export function pdfShownText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString('latin1');
  let shown = '';
  for (const match of raw.matchAll(/stream\n([\s\S]*?)\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const hex of content.matchAll(/<([0-9a-fA-F]+)>/g)) shown += Buffer.from(hex[1] ?? '', 'hex').toString('latin1');
    shown += '\n';
  }
  return shown;
}

/** Extracts a bundle with the system unzip when present (a check that other tools read our ZIPs). */
export function extractWithUnzip(zipPath: string, dir: string): string[] | null {
  try {
    mkdirSync(dir, { recursive: true });
    execFileSync('unzip', ['-q', zipPath, '-d', dir], { stdio: 'pipe' });
    return readdirSync(dir).sort();
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
}

export function sha256sumCheck(dir: string): string | null {
  try {
    return execFileSync('sha256sum', ['-c', 'MANIFEST.txt'], { cwd: dir, encoding: 'utf8' });
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
}

export { join };
