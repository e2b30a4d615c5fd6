// Lint for the whole workspace: typescript-eslint's type-aware recommended rules, the project's
// own habits (no `any`, type-only imports, one import line per module) and the import
// boundaries that keep the pure libs pure and the libs independent of the apps. Formatting is
// Prettier's alone (eslint-config-prettier switches off every rule that would disagree).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Infrastructure that the pure cores (event model, scoring math) must never reach.
const infrastructure = ['@nestjs/*', '@prisma/*', '@coil/database', 'pg', 'ioredis', 'bullmq'];

// A lib reaches another lib through its barrel (`@coil/<lib>`) and never reaches an app.
const libBoundaries = [
  {
    regex: '(^|/)apps(/|$)',
    message: 'A lib never imports an app: move the shared code into a lib.',
  },
  {
    regex: '^(\\.\\./)+(libs/)?[a-z0-9-]+/src(/|$)',
    message: "Import another lib through its barrel, '@coil/<lib>', not by a relative path.",
  },
  {
    regex: '^@coil/[a-z0-9-]+/',
    message: "Import a lib through its barrel, '@coil/<lib>', not a file inside it.",
  },
];

const pureBoundaries = [
  ...libBoundaries,
  {
    group: infrastructure,
    message: 'libs/domain, libs/scoring and libs/signals are pure: no Nest, Prisma, pg, Redis or queue imports.',
  },
];

export default defineConfig(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', '.nx/**', 'tmp/**', 'libs/database/src/generated/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // Types come from tsconfig.json, which also tells the type-import rule that Nest reads
      // constructor parameter types at run time (emitDecoratorMetadata).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // The code's habit: `import type { A }` when every name is a type, `import { a, type B }`
      // when they mix, and one import declaration per module.
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      'no-duplicate-imports': 'error',
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: libBoundaries }] },
  },
  {
    files: ['libs/domain/**/*.ts', 'libs/scoring/**/*.ts', 'libs/signals/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: pureBoundaries }] },
  },
  {
    // Tests read HTTP bodies and job payloads that their libraries type as `any` and check
    // them with assertions, and their fakes implement async interfaces without awaiting.
    files: ['**/*.spec.ts', 'test/**/*.ts', 'libs/*/src/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
