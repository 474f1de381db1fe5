// Before the journeys: check the app is built (say how rather than fail later with a puzzling timeout) and
// clear the previous run's demo template.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export default function prepareJourneys(): void {
  const root = join(__dirname, '..');
  const missing = [join(root, 'out', 'server', 'cli.js'), join(root, 'dist', 'renderer', 'index.html')].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`The app is not built (missing ${missing.join(', ')}): run \`npm run build\` before \`npx playwright test\`.`);
  }
  // The demo clinic is dated from today and built by this run's code: never reuse an earlier run's copy.
  rmSync(join(root, 'test-results', 'demo-template'), { recursive: true, force: true });
}
