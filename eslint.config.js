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
