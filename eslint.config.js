// `npm run lint`: ESLint with typescript-eslint's type-aware rules over
// src/, test/, bench/ and scripts/ (the TypeScript through
// tsconfig.test.json, which covers src/ and test/), formatting left to
// Prettier (`prettier --check`, the second half of the script).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'docs/', 'bin/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // An async function without await is deliberate here: it implements an
      // async interface and turns a synchronous throw into a rejection.
      '@typescript-eslint/require-await': 'off',
      // String(value) of configuration values mirrors the Python tool's str();
      // the rule flags each of those deliberate conversions of unknown values.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    // Tests probe parsed JSON (APIC answers, manifests, reports) as `any`:
    // a wrong property path fails the assertion that reads it.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  prettier,
);
