// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'lantern-data/', 'test-output/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', performance: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The pages' enhancing script runs in the browser.
    files: ['src/web/scripts/**/*.js'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly', history: 'readonly', fetch: 'readonly', DOMParser: 'readonly', FormData: 'readonly', URLSearchParams: 'readonly' } },
  },
);
