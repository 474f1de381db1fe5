// Lint: TypeScript recommended rules plus the dependency rule between folders (see architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'http'];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-results/', 'playwright-report/', 'bench/data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The domain and the browser transport know nothing of Electron or React.
    files: ['db/**/*.ts', 'server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'react', 'react-*', '@mantine/*', '**/renderer/**', '**/electron/**'], message: 'db/ and server/ must not depend on Electron, React or the renderer.' }] }],
    },
  },
  {
    files: ['db/**/*.ts'],
    ignores: ['db/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'react', 'react-*', '@mantine/*', '**/renderer/**', '**/electron/**', '**/server/**'], message: 'db/ imports nothing of ours outside db/.' }] }],
    },
  },
  {
    // The renderer reaches the domain only through pure contract and schema modules.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['better-sqlite3', ...nodeBuiltins, 'electron', '**/server/**', '**/electron/**'], message: 'The renderer talks to the API client only.' }] }],
    },
  },
);
