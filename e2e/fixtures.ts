// Test fixtures: a fresh clinic server per test (empty, or the seeded demo clinic), stopped and deleted afterwards.
import { test as base, expect } from '@playwright/test';
import { startClinicServer, type RunningClinic } from './clinic-server';

interface ClinicFixtures {
  /** A server on a new, empty clinic file: the app opens on first-run setup. */
  clinic: RunningClinic;
  /** A server on a new file holding the demo clinic: the app opens signed in as its demo manager. */
  seeded: RunningClinic;
  /** Console messages where the browser refused something under the content security policy. */
  cspViolations: string[];
}

export const test = base.extend<ClinicFixtures>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern; these have none.
  // eslint-disable-next-line no-empty-pattern
  clinic: async ({}, use) => {
    const server = await startClinicServer();
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },
  // eslint-disable-next-line no-empty-pattern
  seeded: async ({}, use) => {
    const server = await startClinicServer({ seedDemo: true });
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },
  cspViolations: async ({ page }, use) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Refused to|Content Security Policy/.test(message.text()) && !/frame-ancestors.*ignored/.test(message.text())) {
        violations.push(message.text());
      }
    });
    await use(violations);
  },
});

export { expect };
