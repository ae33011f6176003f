import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import i18next from 'eslint-plugin-i18next';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { rendererTypeOnlyPatterns, restrictedZones } from './eslint/layers.js';

/**
 * Views whose words all come from the catalogs in resources/locales/: a literal in their JSX text or
 * in a label a person reads or hears is an error. Every view is one, and so are the helpers that
 * word the media and deck imports' messages.
 */
const translatedViews = [
  'renderer/**/*.tsx',
  'renderer/console/media/**/*.ts',
  'renderer/console/packs/deck/**/*.ts',
];

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util'];

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Type-aware rules: a promise is awaited, returned or marked `void`, and never passed where a
    // plain callback is expected (an unhandled rejection otherwise goes unseen).
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'tests/**/*.ts', '*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer is a web page: it reaches main only through window.kiosk.
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3', ...nodeBuiltins].map((name) => ({
            name,
            message: 'The renderer may not import main-process modules; use window.kiosk.',
          })),
          patterns: [
            { group: ['node:*'], message: 'The renderer may not import Node modules.' },
            ...rendererTypeOnlyPatterns(),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      // Services, the core and both shells' pure logic run under plain Node and are tested there.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only electron/main and electron/preload may import electron.',
            },
          ],
        },
      ],
    },
  },
  {
    // The layer map (eslint/layers.js, drawn in ARCHITECTURE.md): who may import whom, and no
    // import cycles.
    files: ['electron/**/*.{ts,mts}', 'renderer/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver()],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: restrictedZones() }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: translatedViews,
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'should-validate-template': true,
          'jsx-attributes': {
            include: ['aria-label', 'aria-description', 'alt', 'title', 'placeholder', 'label'],
          },
        },
      ],
    },
  },
  {
    files: ['electron/web/bridge.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
