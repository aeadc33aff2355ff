import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const TFJS = {
  group: ['@tensorflow/*'],
  message:
    'tfjs is imported only in src/training/ (the worker and its engine), so it never reaches the page bundle.',
};

/** no-restricted-imports does not see import(): a lazy tfjs import would slip past it. */
const LAZY_TFJS = {
  selector: 'ImportExpression[source.value=/^@tensorflow\\//]',
  message: TFJS.message,
};

const ENGINE_MESSAGE =
  'Reach training only through src/training/trainer-client.ts; its vocabulary is in src/core/training/.';

/**
 * Imports of src/training/ (matched by `prefix`, which depends on the folder's depth) other than
 * the client: the engine stays behind trainer-client.ts; shared types live in core/training/.
 */
const engineExcept = (prefix) => ({
  regex: `${prefix}(?!trainer-client$)`,
  message: ENGINE_MESSAGE,
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench/results',
      'bench/dist',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // Boundaries: the one-way arrows of DESIGN.md. In flat config a later block's no-restricted-imports
  // replaces an earlier one for the files both match, so each folder's block lists all of its own.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/training/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [TFJS] }],
      'no-restricted-syntax': ['error', LAZY_TFJS],
    },
  },
  {
    // Outside core/ and data/, `../` (or `../../` from a feature) leads to src/training/.
    files: ['src/{app,components,features,store}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        LAZY_TFJS,
        {
          selector: 'ImportExpression[source.value=/^(\\.\\.\\/)+training\\/(?!trainer-client$)/]',
          message: ENGINE_MESSAGE,
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/data/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            TFJS,
            {
              group: ['react', 'react-dom', '**/store/**', '**/features/**'],
              message: 'core/ and data/ stay pure: no React, no store, no features.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            TFJS,
            {
              regex: '^\\.\\./(features|store|training)(/|$)',
              message:
                'Shared components take what they show as props: no features, store or training.',
            },
          ],
        },
      ],
    },
  },
  {
    // Every feature is one folder directly under features/, so `../x/` is another feature
    // (`../../` leaves features/). Same-feature imports start with './'.
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            TFJS,
            engineExcept('^\\.\\./\\.\\./training/'),
            {
              regex: '^\\.\\./[^./]',
              message:
                'Features do not import each other: move what they share to src/components/ or src/core/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            TFJS,
            engineExcept('^\\.\\./training/'),
            { regex: '^\\.\\./features/', message: 'The store knows no UI: features read it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [TFJS, engineExcept('^\\.\\./training/')] }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', 'e2e/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
