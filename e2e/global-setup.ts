// The journeys run the built app; say how to build it rather than fail later with a puzzling timeout.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export default function checkAppIsBuilt(): void {
  const root = join(__dirname, '..');
  const missing = [join(root, 'out', 'server', 'cli.js'), join(root, 'dist', 'renderer', 'index.html')].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`The app is not built (missing ${missing.join(', ')}): run \`npm run build\` before \`npx playwright test\`.`);
  }
}
