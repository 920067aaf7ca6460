import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const contractOnly = 'the contract may import only zod and its own files: no Node, no Electron, nothing else from db/';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', '.test-results/', 'bench-results/', 'build/', 'e2e/artifacts/', 'out/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    // Test helpers live in a testing/ folder beside the code they test (db/testing/ and
    // renderer/src/testing/ are the shared ones). Product code may not import them, nor the test
    // libraries. This is typescript-eslint's copy of no-restricted-imports, so it applies on top of
    // the contract's and the renderer's own no-restricted-imports below: flat config would replace
    // one rule's options with the other's, not merge them.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/testing/**', 'e2e/**', 'bench/**', 'scripts/**', '**/vitest.config.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)testing(/|$)', message: 'a testing/ folder holds test helpers: product code may not import them (move what product code needs out of testing/)' },
            { regex: '^(vitest|fast-check)(/.*)?$', message: 'test libraries are for tests and testing/ helpers only, never product code' },
          ],
        },
      ],
    },
  },
  {
    // The engine (db/ outside db/hosts/) is what the hosts call: the CLI and the preview host in
    // db/hosts/, and the desktop shell in electron/. It never imports a host, nor Electron.
    files: ['db/**/*.ts'],
    ignores: ['db/hosts/**', '**/*.test.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)hosts/', message: 'the engine never imports a host (db/hosts/): a host calls the service, not the reverse' },
            { regex: '(^|/)electron(/|$)', message: 'the engine never imports the desktop shell or Electron' },
          ],
        },
      ],
    },
  },
  {
    // The contract is shared with the renderer: it may import zod and its own files, nothing else
    // (no Node, no Electron, nothing else from db/).
    files: ['db/contract/*.ts'],
    ignores: ['db/contract/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!zod$|\\./)', message: contractOnly }] }] },
  },
  {
    files: ['db/contract/words/*.ts'],
    ignores: ['db/contract/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!zod$|\\./|\\.\\./[\\w-]+\\.js$)', message: contractOnly }] }] },
  },
  {
    // The renderer is web code: type-checked against tsconfig.web.json (DOM, no Node types), with
    // the React hooks rules, and able to reach the engine only through the contract.
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.tsx'],
    ...reactHooks.configs.flat['recommended-latest'],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { projectService: false, project: ['./tsconfig.web.json', './tsconfig.web-test.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      // Says only that the React Compiler would skip a component (useVirtualizer); the app does not use the compiler.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(node:.*|electron|better-sqlite3|fs|path|os|crypto|child_process|http|net|url|stream|util)(/.*)?$', message: 'the renderer has no Node or Electron: ask the host through client.ts' },
            { regex: '(^|/)db/(?!contract/)', message: 'the renderer may import only db/contract/ from db/' },
            { regex: '(^|/)electron/', message: 'the renderer reaches Electron only through the preload bridge, in client.ts' },
          ],
        },
      ],
    },
  },
);
