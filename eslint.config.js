// Lint keeps the layers of docs/architecture.md: each folder may import only what it may use.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noElectron = {
  name: 'electron',
  message: 'Only the Electron adapter files may import electron.',
};
const nodeBuiltins = {
  group: ['node:*'],
  message: 'Shared and renderer code runs anywhere: no node:*.',
};
// Inside the main process the edges run store -> service -> Electron adapter, never back.
const noWindow = {
  group: ['**/renderer/**', '**/preload/**'],
  message: 'Main-process services do not reach into the window.',
};
const noAdapter = {
  // src/main/electron/** and src/main/index.ts, however the path is written.
  regex: '(^|/)electron/|^\\.\\.(/(index(\\.[jt]s)?)?)?$|(^|/)main(/index(\\.[jt]s)?)?$',
  message: 'Store and services run without Electron: no src/main/electron, no src/main/index.ts.',
};
const noService = {
  group: ['**/service', '**/service/**'],
  message: 'The store sits below the services: a service may use the store, never the reverse.',
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    plugins: { 'simple-import-sort': simpleImportSort },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**', 'vis-*', 'lowdb*'],
              message: 'src/shared is pure: it imports only src/shared and zod.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/main/**', '**/preload/**', 'lowdb*'],
              message: 'The renderer talks to the app only through window.api.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.ts'],
    ignores: ['src/renderer/src/timeline/timeline-view.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/main/**', '**/preload/**', 'lowdb*'],
              message: 'The renderer talks to the app only through window.api.',
            },
            {
              group: ['vis-timeline*', 'vis-data*'],
              message: 'Only timeline-view.ts imports vis-timeline.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**/*.ts', 'src/main/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noWindow, noAdapter] }],
    },
  },
  {
    // Replaces the block above for the store (same rule name), so it repeats its patterns.
    files: ['src/main/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron], patterns: [noWindow, noAdapter, noService] },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['zod', '**/main/**', '**/renderer/**', 'lowdb*'],
              message: 'The preload only exposes the API: no schemas, no services.',
            },
          ],
        },
      ],
    },
  },
  {
    // The bundle's ESM shim declares these at the top of each built main file: a module-level
    // declaration of the same name is a SyntaxError that only the build shows (it happened).
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'Program > VariableDeclaration > VariableDeclarator > Identifier.id[name=/^(require|module|exports|__dirname|__filename)$/]',
          message: 'The bundler declares this name in out/main: choose another (e.g. requireHere).',
        },
        {
          selector:
            'Program > FunctionDeclaration > Identifier.id[name=/^(require|module|exports|__dirname|__filename)$/]',
          message: 'The bundler declares this name in out/main: choose another.',
        },
      ],
    },
  },
  {
    // Type-only imports are not followed: a cycle of them changes nothing at run time.
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      // Our relative imports name no extension: resolve them to the .ts files.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    // In tests a failed assumption should fail loudly at the line that made it.
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
