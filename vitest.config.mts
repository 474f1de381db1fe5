// Unit and integration tests (Node): db areas, the server transport, electron config, renderer pure functions.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['db/**/*.test.ts', 'server/**/*.test.ts', 'electron/**/*.test.ts', 'build/**/*.test.ts', 'renderer/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
  },
});
