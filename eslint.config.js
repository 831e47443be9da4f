// Code rules. The layer rules (which folder may import what, DESIGN.md §2) and the import-cycle
// rule are dependency-cruiser's: .dependency-cruiser.cjs, run by `npm run lint` after ESLint.
import vitest from '@vitest/eslint-plugin';
import i18next from 'eslint-plugin-i18next';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**', 'electron/core/demo/caviar-data.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  // Tests that can fail (issue 21): every test asserts, no assertion hides behind a branch or
  // outside a test. Helpers whose name starts with `expect` assert (e.g. expectRefused).
  {
    files: ['test/core/**/*.ts', 'test/glue/**/*.ts', 'test/renderer/**/*.{ts,tsx}'],
    plugins: { vitest },
    rules: {
      'vitest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'fc.assert'] }],
      'vitest/no-conditional-expect': 'error',
      'vitest/no-standalone-expect': 'error',
    },
  },
  {
    // No hard-coded user-facing text in the renderer's JSX (DESIGN.md §10): JSX text through
    // eslint-plugin-i18next, and the attributes people read (title, placeholder, label, text…) when
    // they hold words. Codes, paths and examples such as NL_NCB, EUR, /media/usb stay literal.
    files: ['renderer/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': ['error', { mode: 'jsx-text-only' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXAttribute[name.name=/^(title|placeholder|aria-label|aria-description|label|text|helperText|content|alt)$/] > Literal[value=/^(?!.*\\x2F)(?=.*[a-z]{2})/]',
          message: 'User-facing text goes through t() (renderer/src/i18n/en.json).',
        },
        {
          selector: 'JSXAttribute[name.name=/^(title|placeholder|aria-label|aria-description|label|text|helperText|content|alt)$/] > JSXExpressionContainer > Literal[value=/^(?!.*\\x2F)(?=.*[a-z]{2})/]',
          message: 'User-facing text goes through t() (renderer/src/i18n/en.json).',
        },
      ],
    },
  },
);
