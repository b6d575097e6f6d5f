import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** A relative import that climbs to one of the repository's top-level `folders`. */
const layer = (folders, message) => ({ patterns: [{ regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`, message }] });

export default tseslint.config(
  // Exercise starters are deliberately unfinished learner scaffolding (unused parameters are the
  // point); the content suite proves they load and fail their tests. Solutions and tests stay linted.
  // The Exercism fixture tracks imitate a third-party format (stubs, Jest specs) the importer reads.
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'main/store/migrations/**',
      'release/**',
      'courses/*/exercises/*/starter/**',
      '.scratch/**',
      'main/courses/exercism/fixtures/**',
      'sandbox/harness/*/cases/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: "Only main/electron/ may import 'electron'; services stay plain Node." }] }],
    },
  },
  { files: ['main/electron/**'], rules: { 'no-restricted-imports': 'off' } },
  {
    // The environment is read once, into the app's config (main/app/app-config.ts), by the entry
    // points; services receive values. Tests, test helpers and scripts/ may read it.
    files: ['main/**/*.ts', 'server/**/*.ts', 'preload/**/*.ts'],
    ignores: ['main/app/app-config.ts', 'main/cli/index.ts', 'main/electron/main.ts', '**/*.test.ts', '**/testing/**', 'main/cli/testing-run-cli.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read the environment in main/app/app-config.ts (readAppConfig) and pass the value down.' },
      ],
    },
  },
  {
    // The renderer is a sandboxed web page: no Node, no main-process code.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through the contract client.' }],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node; ask main through the contract.' },
            { group: ['**/main/**', '../../main/*', '../../../main/*'], message: 'The renderer may import only preload/ (the contract), not main/.' },
          ],
        },
      ],
    },
  },
  {
    // The contract is shared by every side: it may import zod and nothing environment-specific.
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'preload/ receives Electron objects from main/electron/preload.ts.' }],
          patterns: [{ group: ['node:*', '**/main/**', '**/renderer/**'], message: 'preload/ is common code: zod only.' }],
        },
      ],
    },
  },
  // The layers (docs in common/README.md): the app and the hosted API share code only through
  // common/, which imports neither. A rule of its own, so the per-folder `no-restricted-imports`
  // settings above stay as they are; it refuses type-only imports too.
  {
    files: ['main/**/*.{ts,tsx}'],
    // The command that starts the hosted API, and tests (and their harnesses) that start a real one, may reach server/.
    ignores: ['main/cli/commands/server.ts', 'main/**/*.test.ts', 'main/**/testing/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', layer(['server'], 'main/ may not import server/; share code through common/.')] },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        layer(['main', 'preload', 'renderer'], 'server/ may not import the app; share code through common/.'),
      ],
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        layer(['main', 'server', 'preload', 'renderer'], 'common/ is shared by the app and the hosted API: it imports neither.'),
      ],
    },
  },
);
