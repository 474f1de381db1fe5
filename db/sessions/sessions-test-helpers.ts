// Shared setup for session and revenue tests: a clinic with a therapist, stock, a consent and a visit kit.
import type { MethodInput } from '../api/contract';
import { addGloveItem, addNeedleItem, receiveLot } from '../inventory/inventory-test-helpers';
import { openTestClinic, type TestClinic } from '../test-support/test-clinic';

export interface SessionClinic extends TestClinic {
  therapistId: number;
  needleItemId: number;
  gloveItemId: number;
  soonLotId: number;
  laterLotId: number;
  gloveLotId: number;
}

export async function openSessionClinic(now = '2026-03-02T20:00:00.000Z'): Promise<SessionClinic> {
  const clinic = await openTestClinic(now);
  const therapist = await clinic.call('staff.create', { name: 'Priya Raman', role: 'therapist', jobTitle: 'DPT' });
  // Only a therapist holding a dry-needling credential valid that day may be recorded as needling.
  await clinic.call('compliance.recordCredential', {
    staffId: therapist.id,
    course: 'Dry Needling Level 1 and 2',
    provider: 'Myopain Seminars',
    hours: 60,
    completedOn: '2024-01-15',
    certificateNumber: 'MS-1001',
    state: 'VA',
  });
  const needle = await addNeedleItem(clinic.call);
  const gloves = await addGloveItem(clinic.call);
  const soon = await receiveLot(clinic.call, needle.id, 'SOON', '2026-09-30', 100, '2026-01-05');
  const later = await receiveLot(clinic.call, needle.id, 'LATER', '2027-09-30', 100, '2026-01-05');
  const glove = await receiveLot(clinic.call, gloves.id, 'GL1', '2029-01-01', 400, '2026-01-05');
  await clinic.call('sessions.setKit', { sessionKind: 'self_pay', lines: [{ itemId: gloves.id, quantity: 2 }] });
  await clinic.call('sessions.setKit', { sessionKind: 'plan_of_care', lines: [{ itemId: gloves.id, quantity: 2 }] });
  for (const chart of ['C-100', 'C-200', 'C-300']) {
    await clinic.call('sessions.recordConsent', { chartNumber: chart, signedOn: '2026-01-05', formVersion: 'DN-2025-1', copyGiven: true });
  }
  return { ...clinic, therapistId: therapist.id, needleItemId: needle.id, gloveItemId: gloves.id, soonLotId: soon.id, laterLotId: later.id, gloveLotId: glove.id };
}

export function sessionInput(c: SessionClinic, overrides: Partial<MethodInput<'sessions.record'>> = {}): MethodInput<'sessions.record'> {
  return {
    sessionDate: '2026-03-02',
    startTime: '09:30',
    therapistId: c.therapistId,
    chartNumber: 'C-100',
    kind: 'self_pay',
    room: 'Room 1',
    bodyRegions: ['neck', 'upper_back'],
    needles: [{ itemId: c.needleItemId, lotId: c.soonLotId, quantity: 6 }],
    supplies: [{ itemId: c.gloveItemId, lotId: c.gloveLotId, quantity: 2 }],
    handHygiene: true,
    glovesWorn: true,
    skinPrep: true,
    needlesToSharps: true,
    needlesDisposed: 6,
    painBefore: 7,
    painAfter: 3,
    ...overrides,
  };
}
