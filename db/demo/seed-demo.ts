// Builds the demo clinic through the same API the app uses. Each area adds its step to demoSteps.
import { makeContext } from '../api/dispatch';
import type { AppEnvironment } from '../api/handler-context';
import { localCaller, type LocalCaller } from '../api/local-caller';
import { seedDemoCompliance, seedDemoContainers, seedDemoCredentials } from '../compliance/compliance-demo';
import { seedDemoInventory, seedDemoStockEvents } from '../inventory/inventory-demo';
import { seedDemoSessions } from '../sessions/sessions-demo';
import { seedDemoStaff } from '../staff/staff-demo';

export type DemoProgress = (step: string) => void;

/** How big a clinic to build: the default is the demo; benchmarks ask for ten busy years. */
export interface DemoScale {
  years: number;
  therapists: number;
  /** Seed of the pseudo-random choices, so the same scale always builds the same clinic. */
  seed: number;
}

export const defaultDemoScale: DemoScale = { years: 2, therapists: 4, seed: 1 };

export interface DemoStep {
  name: string;
  run(call: LocalCaller, env: AppEnvironment, progress: DemoProgress, scale: DemoScale): Promise<void>;
}

/** In order: later steps use what earlier ones made (staff before sessions, lots before use). */
export const demoSteps: DemoStep[] = [seedDemoStaff, seedDemoInventory, seedDemoCredentials, seedDemoContainers, seedDemoSessions, seedDemoStockEvents, seedDemoCompliance];

export async function seedDemoClinic(
  env: AppEnvironment,
  progress: DemoProgress = () => {},
  scale: DemoScale = defaultDemoScale,
): Promise<{ clinicName: string }> {
  const call = localCaller(env);
  const clinicName = 'Riverside Physical Therapy (demo)';
  await call('clinic.setup', {
    name: clinicName,
    address: '120 River Road, Richmond, VA 23219',
    timeZone: 'America/New_York',
    firstManager: { name: 'Dana Whitfield', jobTitle: 'Clinic manager' },
  });
  markDemoClinic(env);
  for (const [index, step] of demoSteps.entries()) {
    progress(`[${index + 1}/${demoSteps.length}] ${step.name}`);
    await step.run(call, env, progress, scale);
  }
  return { clinicName };
}

/** Flags the clinic as the demo one (it then opens signed in as its demo manager), with its audit event. */
function markDemoClinic(env: AppEnvironment): void {
  const ctx = makeContext(env, null, new Date());
  env.db.transaction(() => {
    const { clinic_uuid: clinicId } = env.db.prepare('SELECT clinic_uuid FROM clinics WHERE id = 1').get() as { clinic_uuid: string };
    env.db.prepare('UPDATE clinics SET is_demo = 1 WHERE id = 1').run();
    ctx.audit({ action: 'update', entityType: 'clinic', entityId: clinicId, before: { isDemo: false }, after: { isDemo: true }, reason: 'created by seed-demo' });
  }).immediate();
}
