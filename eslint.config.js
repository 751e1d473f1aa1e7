// Lint with the layer rules of docs/design.md ("Layers") as import zones, so editors show them.
// The whole graph (cycles, and every arrow back up) is checked by dependency-cruiser
// (.dependency-cruiser.cjs) in `npm run lint`; these zones mirror its most important rules.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'worker_threads',
  'url',
  'stream',
  'util',
  'events',
  'buffer',
];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'seeds/reference-data.ts'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: { parserOptions: { ecmaVersion: 2023, sourceType: 'module' } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Frozen migrations are written against Kysely<any> on purpose (docs/style.md, "Database code").
    files: ['db/migrations/**/*.ts', 'tests/db/migrations.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // A subset of Electron's own declarations, kept in Electron's shape so it can be diffed against them.
    files: ['electron/desktop/electron-subset.d.ts'],
    rules: { '@typescript-eslint/unified-signatures': 'off', '@typescript-eslint/no-extraneous-class': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    rules: restrict(
      ['**/db/**', '**/app/**', '**/worker/**', '**/export/**', '**/electron/**', '**/seeds/**', 'electron', 'better-sqlite3*', ...nodeBuiltins],
      'The renderer may import only core/ and UI packages.',
    ),
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: restrict(
      [
        '**/db/**',
        '**/app/**',
        '**/worker/**',
        '**/export/**',
        '**/electron/**',
        '**/renderer/**',
        '**/seeds/**',
        'electron',
        'react',
        'react-dom',
        'better-sqlite3*',
        ...nodeBuiltins,
      ],
      'core/ is pure TypeScript: no Node, DOM, Electron or UI imports.',
    ),
  },
  {
    files: ['db/**/*.ts'],
    rules: restrict(
      ['**/app/**', '**/worker/**', '**/export/**', '**/electron/**', '**/renderer/**', '**/seeds/demo/**', 'electron', 'react', 'react-dom'],
      'db/ imports only core/ and shipped data: no layer above it, and never the demo generator.',
    ),
  },
  {
    files: ['export/**/*.ts'],
    rules: restrict(
      ['**/db/**', '**/app/**', '**/worker/**', '**/electron/**', '**/renderer/**', '**/seeds/**', 'electron', 'react', 'react-dom'],
      'export/ makes files from core/ documents only.',
    ),
  },
  {
    files: ['app/**/*.ts'],
    rules: restrict(
      ['**/worker/**', '**/electron/**', '**/renderer/**', '**/seeds/demo/**', 'electron', 'react', 'react-dom'],
      'app/ sees the worker only through app/state.ts, and never imports the demo generator (the worker hands it in).',
    ),
  },
  {
    files: ['seeds/demo/**/*.ts'],
    rules: restrict(['**/worker/**', '**/electron/**', '**/renderer/**'], 'The demo generator runs app/ operations on the state the worker hands it.'),
  },
  {
    files: ['worker/**/*.ts'],
    rules: restrict(['**/electron/**', '**/renderer/**', 'electron', 'react', 'react-dom'], 'The worker runtime never imports the hosts or the renderer.'),
  },
  {
    files: ['electron/**/*.ts'],
    rules: restrict(
      ['**/db/**', '**/app/**', '**/export/**', '**/seeds/**', '**/renderer/**', '**/worker/*', '!**/worker/worker-client', '!**/worker/operations'],
      "The hosts reach the database only through worker/worker-client and the worker's public types (worker/operations).",
    ),
  },
  {
    files: ['core/**/*.ts'],
    languageOptions: { globals: {} },
  },
  {
    files: [
      'db/**/*.ts',
      'app/**/*.ts',
      'worker/**/*.ts',
      'export/**/*.ts',
      'electron/**/*.ts',
      'seeds/**/*.{ts,mjs}',
      'scripts/**/*.{js,mjs}',
      'tests/**/*.ts',
      '*.config.{js,ts}',
      '.dependency-cruiser.cjs',
      '.ci/**',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
);
