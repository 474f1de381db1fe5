import { openAppEnvironment } from '../../app-environment';
import { seedDemoClinic } from '../../demo/seed-demo';
import { verifyClinic } from '../../audit/verify-records';
async function main() {
  const path = process.argv[2]!;
  const env = openAppEnvironment(path);
  const t = Date.now();
  await seedDemoClinic(env, () => {}, { years: Number(process.argv[3] ?? 1), therapists: 4, seed: 1 });
  console.log('seeded', Date.now() - t, 'ms');
  const t2 = Date.now();
  const r = verifyClinic(env.db);
  console.log('verify', Date.now() - t2, 'ms', JSON.stringify({ intact: r.isIntact, chain: r.chain.firstProblem, count: r.records.problemCount, problems: r.records.problems.slice(0, 8), checked: r.records.checked, warnings: r.warnings.length }, null, 1));
}
void main();
