// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Only repositories touch the database: no other source file may import Kysely's query builder or drivers. */
const databaseImports = [
  { name: 'kysely', message: 'Only *.repo.ts files and src/shared/db touch the database.', allowTypeImports: true },
  { name: 'better-sqlite3', message: 'Only src/shared/db opens the database.' },
  { name: 'pg', message: 'Only src/shared/db opens the database.' },
];

/**
 * src/shared/ knows no feature: what joins features (the policy map, the services, the app) is assembled at the
 * top, in src/policies.ts, src/services.ts and src/app.ts.
 */
const noFeatureImports = {
  group: ['**/features/**', '**/features'],
  message: 'src/shared/ imports nothing from src/features/: assemble at the top (src/policies.ts, src/services.ts).',
};

/** Nor does it import the composition root back (tests may build the whole app). */
const noCompositionRootImports = {
  group: ['../', '../../', '../../../'].flatMap((up) => [`${up}policies.js`, `${up}services.js`, `${up}app.js`]),
  message:
    'src/shared/ is below the composition root: pass what it needs in, do not import src/policies.ts, services.ts or app.ts.',
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', name: ['test', 'it', 'describe', 'suite', 'before', 'after'], package: 'node:test' },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
      // Raw HTML enters pages in one sanitized component only (src/shared/views/components/trusted-html.tsx).
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Raw HTML only through SanitizedHtml, which takes sanitized markdown output.',
        },
      ],
    },
  },
  {
    files: ['src/shared/views/components/trusted-html.tsx'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Only repositories touch the database: no other source file may import Kysely's query builder or drivers.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/**/*.repo.ts', 'src/shared/db/**', 'src/**/*.test.ts', 'src/**/*.test.tsx'],
    rules: {
      'no-restricted-imports': ['error', { paths: databaseImports }],
      // Nor build a query on a handle it was given (a type-only import of Kysely passes the rule above).
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Raw HTML only through SanitizedHtml, which takes sanitized markdown output.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/]',
          message: 'Queries belong in a repository (*.repo.ts).',
        },
      ],
    },
  },
  {
    // The one sanitized raw-HTML component (the rule above is given again there and would apply otherwise).
    files: ['src/shared/views/components/trusted-html.tsx'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The same for src/shared/ (a later block replaces the rule's options, so both lists are given here).
    files: ['src/shared/**/*.ts', 'src/shared/**/*.tsx'],
    ignores: ['src/shared/db/**', 'src/shared/**/*.test.ts', 'src/shared/**/*.test.tsx', 'src/shared/evidence/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: databaseImports, patterns: [noFeatureImports, noCompositionRootImports] },
      ],
    },
  },
  {
    files: [
      'src/shared/db/**/*.ts',
      'src/shared/**/*.test.ts',
      'src/shared/**/*.test.tsx',
      'src/shared/evidence/**/*.test.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [noFeatureImports] }] },
  },
  {
    // The evidence library is bundled for the browser (/verifieer): no Node built-ins outside its tests.
    files: ['src/shared/evidence/**/*.ts'],
    ignores: ['src/shared/evidence/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'src/shared/evidence must stay isomorphic (browser bundle).' },
            noFeatureImports,
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'src/cli.ts', 'test/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['src/assets/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        fetch: 'readonly',
        HTMLAnchorElement: 'readonly',
        HTMLElement: 'readonly',
        Promise: 'readonly',
      },
    },
  },
  {
    files: ['src/features/offline/service-worker.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        self: 'readonly',
        caches: 'readonly',
        fetch: 'readonly',
        URL: 'readonly',
        Response: 'readonly',
        Promise: 'readonly',
      },
    },
  },
  {
    files: ['*.js', '*.mjs', 'scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', import: 'readonly' } },
  },
);
