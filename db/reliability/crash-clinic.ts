// The clinic the crash writer works in: set up once by the harness, on the real clock (the writer runs on it
// too, so events stay in time order), with a therapist, large needle and glove lots, consents and, when the
// compliance area is in the contract, a sharps container for fill checks.
import { isMethodName } from '../api/contract';
import { dispatch } from '../api/dispatch';
import { localCaller } from '../api/local-caller';
import { openAppEnvironment } from '../app-environment';
import { addDays, businessDateOf } from '../clinic/business-time';

export const crashTimeZone = 'America/New_York';
export const crashCharts = Array.from({ length: 20 }, (_, i) => `CR-${100 + i}`);

export interface CrashClinic {
  managerId: number;
  therapistId: number;
  needleItemId: number;
  gloveItemId: number;
  containerId: number | null;
}

/** Today in the clinic's time zone, by the real clock (what the writer's assertNotFuture checks against). */
export function crashToday(): string {
  return businessDateOf(new Date(), crashTimeZone);
}

export async function setUpCrashClinic(dbPath: string): Promise<CrashClinic> {
  const env = openAppEnvironment(dbPath);
  const call = localCaller(env);
  const today = crashToday();
  await call('clinic.setup', { name: 'Crash Test Clinic', address: '1 Fault Lane', timeZone: crashTimeZone, firstManager: { name: 'Casey Manager', jobTitle: 'Manager' } });
  const managerId = env.session.staffId ?? 0;
  const therapist = await call('staff.create', { name: 'Robin Therapist', role: 'therapist', jobTitle: 'DPT' });
  // Only a therapist holding a dry-needling credential may be recorded as needling (compliance rule).
  if (isMethodName('compliance.recordCredential')) {
    const credential = { staffId: therapist.id, course: 'Dry Needling Level 1', provider: 'Myopain Seminars', hours: 60, completedOn: addDays(today, -400), certificateNumber: 'CR-1', state: 'VA' };
    const result = await dispatch(env, 'compliance.recordCredential', credential);
    if (!result.ok) throw new Error(`could not record the therapist's credential: ${result.error.message}`);
  }
  const needle = await call('inventory.createItem', {
    kind: 'needle', category: 'needle', name: 'Crash needle 0.25x40mm', manufacturer: 'Seirin', unit: 'needle', unitsPerPack: 100,
    reorderPoint: 0, parLevel: 0, diameterMm: 0.25, gauge: 31, lengthMm: 40, hasGuideTube: true, isSterileSingleUse: true,
  });
  const glove = await call('inventory.createItem', { kind: 'ppe', category: 'exam_glove', name: 'Crash gloves M', unit: 'glove', unitsPerPack: 200, reorderPoint: 0, parLevel: 0, size: 'M', material: 'nitrile' });
  await receiveStock(call, needle.id, glove.id, 'BASE', addDays(today, -60), addDays(today, 3 * 365));
  for (const chartNumber of crashCharts) {
    await call('sessions.recordConsent', { chartNumber, signedOn: addDays(today, -90), formVersion: 'DN-2025-1', copyGiven: true });
  }
  let containerId: number | null = null;
  // Called by name: the compliance area joins the contract in parallel with this suite.
  if (isMethodName('compliance.registerContainer') && isMethodName('compliance.recordFillCheck')) {
    const result = await dispatch(env, 'compliance.registerContainer', { label: 'Crash room sharps', size: '1 qt', room: 'Room 1', capacityNeedles: 100_000, placedInServiceOn: addDays(today, -30) });
    if (!result.ok) throw new Error(`could not register the sharps container: ${result.error.message}`);
    containerId = (result.value as { id: number }).id;
  }
  env.db.close();
  return { managerId, therapistId: therapist.id, needleItemId: needle.id, gloveItemId: glove.id, containerId };
}

/** One delivery of a needle lot and a glove lot, large enough for thousands of sessions. */
export async function receiveStock(call: ReturnType<typeof localCaller>, needleItemId: number, gloveItemId: number, tag: string, receivedOn: string, expiryDate: string) {
  return call('inventory.receiveDelivery', {
    receivedOn,
    supplier: 'Crash Supplies',
    reference: tag,
    lines: [
      { itemId: needleItemId, lotNumber: `N${tag}`.slice(0, 20), expiryDate, quantity: 500, quantityUnit: 'pack', costCents: 1000, costPer: 'pack' },
      { itemId: gloveItemId, lotNumber: `G${tag}`.slice(0, 20), expiryDate, quantity: 200, quantityUnit: 'pack', costCents: 1500, costPer: 'pack' },
    ],
  });
}
