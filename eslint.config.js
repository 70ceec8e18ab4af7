// Lint rules: async safety (no-floating-promises, return-await), exhaustive switches, and the import
// boundaries of docs/architecture.md (pure packages never reach I/O; routes never reach repositories).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ioModules = [
  'pg',
  'pg-copy-streams',
  '@electric-sql/pglite',
  '@electric-sql/pglite/*',
  'kysely',
  'fastify',
  'node:fs',
  'node:fs/promises',
  'fs',
  'node:net',
  'node:http',
  'node:child_process',
  'node:worker_threads',
  'exceljs',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.tools/**',
      '.data/**',
      'coverage/**',
      'test-results/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // in-try-catch: the missing-await-inside-try/finally bug (ARCHITECTURE §6) is an error.
      '@typescript-eslint/return-await': ['error', 'error-handling-correctness-only'],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['packages/core/**', 'packages/rules/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...ioModules, '@bitterroot/server', '@bitterroot/web', '**/apps/**'],
              message: 'packages/core and packages/rules are pure: no I/O, no apps.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/contracts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...ioModules, '@bitterroot/server', '**/apps/**'],
              message: 'contracts may import only core and zod.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...ioModules, '@bitterroot/server', '**/apps/server/**'],
              message: 'the web app may import only contracts and core.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/*.repository.ts', '**/db/*', 'kysely', 'pg'],
              message: 'routes call their service, never repositories or the database.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.repository.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/*.service.ts', '**/*.routes.ts', 'fastify'],
              message: 'repositories know the database and core only.',
            },
          ],
        },
      ],
    },
  },
);
