// ESLint 9 flat config, run by `npm run lint` inside `npm test`.
// typescript-eslint's recommended rules (syntax only: the type-aware set doubles the run on
// two cores and tsc already checks the types) and React's hooks rules for the renderer.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/', '.tmp/', '.vitest/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // An unused name is an error, except one that says it is unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Only the data layer touches the database: everything else calls its named commands
    // and queries (renderer/data/*-repo.ts, binder-identity.ts, kv-keys.ts) and shows their
    // view types (data/types.ts). dexie-react-hooks stays allowed: useLiveQuery re-runs
    // those queries, it never sees the database.
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts', 'electron/**/*.ts'],
    ignores: [
      'renderer/data/**',
      // The data layer's workers: each opens its own Dexie instance of the same database.
      'renderer/workers/**',
    ],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'dexie', message: 'Only renderer/data/ uses Dexie: call a command or query of the data layer.' }],
        patterns: [{
          group: ['**/data/db', '**/data/stored-rows', '**/data/migrations', '**/data/migrations/*'],
          message: 'Only renderer/data/ opens the database or names its stored rows: use a data-layer function and the view types in data/types.ts.',
        }],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Three React Compiler rules are off: the app is not compiled by it, and what they flag is
      // the plain-React way of doing things here. A "latest value" ref written during render
      // (read by bridge callbacks and timers) and the calendar's previous-range ref:
      'react-hooks/refs': 'off',
      // Dialogs and editors reset their fields when opened or when the record changes:
      'react-hooks/set-state-in-effect': 'off',
      // Only says the compiler would skip a component using @tanstack/react-virtual:
      'react-hooks/incompatible-library': 'off',
    },
  },
);
