// Demo staff: a manager (made by setup), therapists, front desk and an auditor, none with a PIN.
import type { DemoStep } from '../demo/seed-demo';

export const demoTherapists = ['Priya Raman', 'Marcus Lee', 'Elena Sokolova', 'Tom Brennan', 'Aisha Bello', 'Kenji Mori', 'Rosa Delgado', 'Owen Hart'];

export const seedDemoStaff: DemoStep = {
  name: 'staff',
  async run(call, _env, _progress, scale) {
    for (const name of demoTherapists.slice(0, scale.therapists)) {
      await call('staff.create', { name, role: 'therapist', jobTitle: 'Physical therapist, DPT' });
    }
    await call('staff.create', { name: 'Jordan Avery', role: 'front_desk', jobTitle: 'Front desk coordinator' });
    await call('staff.create', { name: 'Sam Ortiz', role: 'auditor', jobTitle: 'Compliance auditor (external)' });
  },
};
