import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch';
import { appendAuditEvent } from '../audit/audit-log';
import { openExportClinic, readBundle, textOf, type ExportClinic } from './export-test-helpers';
import { exportsDir } from './export-service';
import type { ExportChunk, ExportProgressView } from './exports-contract';
import { verifyBundle } from './verify-bundle';

let c: ExportClinic;
const request = { from: '2026-03-01', to: '2026-03-02', purpose: 'quarterly review' };
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

beforeAll(async () => {
  c = await openExportClinic();
  // Enough events for the export to yield to the event loop a few times.
  const meta = { actorStaffId: c.managerId, deviceId: c.env.deviceId, at: '2026-03-02T20:00:00.000Z' };
  c.env.db.transaction(() => {
    for (let i = 0; i < 16_000; i += 1) appendAuditEvent(c.env.db, { action: 'view', entityType: 'session', entityId: i % 3, after: { page: i } }, meta);
  })();
}, 60_000);
afterAll(() => c.close());

async function waitUntilFinished(exportId: string): Promise<ExportProgressView[]> {
  const seen: ExportProgressView[] = [];
  for (;;) {
    const progress = await c.call('exports.progress', { exportId });
    seen.push(progress);
    if (progress.state !== 'running') return seen;
    await tick();
  }
}

describe('a background export', () => {
  it('returns its id at once, reports progress, answers other calls meanwhile, and finishes with a record', async () => {
    const { exportId } = await c.call('exports.start', request);
    const first = await c.call('exports.progress', { exportId });
    expect(first.state).toBe('running');
    // Another read and a write go through while the export reads its snapshot.
    await tick();
    await tick();
    expect((await c.call('staff.list', {})).length).toBeGreaterThan(1);
    await c.call('staff.create', { name: 'Late Hire', role: 'therapist', jobTitle: 'PTA' });
    expect(await dispatch(c.env, 'exports.start', request)).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const seen = await waitUntilFinished(exportId);
    const last = seen.at(-1) as ExportProgressView;
    expect(last).toMatchObject({ state: 'done', stage: 'done', percent: 100, error: null });
    expect(seen.some((p) => p.state === 'running' && p.stage === 'csv' && p.percent > 2 && p.percent < 80)).toBe(true);
    const percents = seen.map((p) => p.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(last.record?.fileName).toBe(last.fileName);
    expect((await verifyBundle(last.record?.filePath as string)).ok).toBe(true);

    // The staff member created during the export is not in it: the bundle is one consistent snapshot.
    const staffCsv = textOf(readBundle(last.record?.filePath as string), 'staff.csv');
    expect(staffCsv).toContain('Priya Raman');
    expect(staffCsv).not.toContain('Late Hire');
    const list = await c.call('exports.list', {});
    expect(list[0]).toMatchObject({ exportId, status: 'done' });
  });

  it('serves the finished ZIP in chunks that reassemble to the same bytes', async () => {
    const [latest] = await c.call('exports.list', { limit: 1 });
    const exportId = latest?.exportId as string;
    const parts: Buffer[] = [];
    for (let offset: number | null = 0; offset !== null; ) {
      const chunk: ExportChunk = await c.call('exports.readChunk', { exportId, offset });
      parts.push(Buffer.from(chunk.dataBase64, 'base64'));
      expect(chunk.length).toBeLessThanOrEqual(4 * 1024 * 1024);
      offset = chunk.nextOffset;
    }
    const whole = Buffer.concat(parts);
    expect(whole.equals(readFileSync(latest?.filePath as string))).toBe(true);
    const tail = await c.call('exports.readChunk', { exportId, offset: whole.length - 10 });
    expect(tail).toMatchObject({ length: 10, nextOffset: null, sizeBytes: whole.length });
    expect(await dispatch(c.env, 'exports.readChunk', { exportId, offset: whole.length + 1 })).toMatchObject({ ok: false, error: { field: 'offset' } });
    const downloaded = join(c.dir, 'downloaded.zip');
    writeFileSync(downloaded, whole);
    expect((await verifyBundle(downloaded)).ok).toBe(true);
  });

  it('stops when cancelled, deletes its partial files, and stays in the export log as cancelled', async () => {
    const before = readdirSync(exportsDir(c.dbPath));
    const { exportId } = await c.call('exports.start', request);
    await tick();
    const cancelled = await c.call('exports.cancel', { exportId });
    expect(cancelled).toMatchObject({ state: 'cancelled', error: null });
    expect(readdirSync(exportsDir(c.dbPath))).toEqual(before);
    expect(readdirSync(exportsDir(c.dbPath)).some((name) => name.startsWith('.clinic-ops-export-'))).toBe(false);
    expect(await c.call('exports.progress', { exportId })).toMatchObject({ state: 'cancelled', record: { status: 'cancelled' } });
    const event = c.env.db.prepare("SELECT action FROM audit_events WHERE entity_type = 'export' AND entity_id = ?").get(exportId);
    expect(event).toEqual({ action: 'export_cancelled' });
    expect(await dispatch(c.env, 'exports.readChunk', { exportId, offset: 0 })).toMatchObject({ ok: false, error: { code: 'rule_violation' } });
    expect(await dispatch(c.env, 'exports.progress', { exportId: '01890000-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('says so when the file of a finished export has gone', async () => {
    const [latest] = await c.call('exports.list', { limit: 5 }).then((l) => l.filter((r) => r.status === 'done'));
    const moved = `${latest?.filePath}.moved`;
    writeFileSync(moved, readFileSync(latest?.filePath as string));
    unlinkSync(latest?.filePath as string);
    expect(existsSync(latest?.filePath as string)).toBe(false);
    expect(await dispatch(c.env, 'exports.readChunk', { exportId: latest?.exportId, offset: 0 })).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('no longer at') } });
  });
});

describe('the accounting of disclosures', () => {
  it('records a disclosure with its patients, audits it, and lists a patient\'s own accounting', async () => {
    const view = await c.call('disclosures.record', {
      disclosedOn: '2026-03-02',
      recipientName: 'Seirin America (manufacturer)',
      recipientAddress: '1 Needle Way',
      purpose: 'Recall of lot SOON',
      phiDescription: 'Chart numbers and session dates of patients treated with lot SOON',
      legalBasis: 'public_health_164_512b',
      chartNumbers: ['C-100', 'C-200', 'C-100'],
    });
    expect(view).toMatchObject({ chartNumberCount: 2, recordedByName: 'Morgan Manager', exportId: null });
    const event = c.env.db.prepare("SELECT after_json FROM audit_events WHERE entity_type = 'disclosure' AND entity_id = ?").get(String(view.id)) as { after_json: string };
    expect(JSON.parse(event.after_json)).toMatchObject({ recipientName: 'Seirin America (manufacturer)', chartNumbers: ['C-100', 'C-200'] });
    expect(await c.call('disclosures.list', { chartNumber: 'C-200' })).toMatchObject([{ id: view.id }]);
    expect(await c.call('disclosures.list', { chartNumber: 'C-300' })).toEqual([]);
    expect(await c.call('disclosures.list', { from: '2026-03-03', to: '2026-03-09' })).toEqual([]);
  });

  it.each([
    [{ disclosedOn: '2026-03-09' }, 'disclosedOn', 'rule_violation'],
    [{ chartNumbers: [] }, 'chartNumbers', 'invalid_input'],
    [{ recipientName: ' ' }, 'recipientName', 'invalid_input'],
    [{ legalBasis: 'because' }, 'legalBasis', 'invalid_input'],
    [{ exportId: '01890000-0000-7000-8000-000000000000' }, 'exportId', 'not_found'],
  ])('refuses %j naming %s', async (override, field, code) => {
    const input = { disclosedOn: '2026-03-02', recipientName: 'Board', purpose: 'inspection', phiDescription: 'sessions', legalBasis: 'health_oversight', chartNumbers: ['C-100'], ...override };
    expect(await dispatch(c.env, 'disclosures.record', input)).toMatchObject({ ok: false, error: { code, field } });
  });
});
