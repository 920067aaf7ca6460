import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const contractOnly = 'the contract may import only zod and its own files: no Node, no Electron, nothing else from db/';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', '.test-results/', 'bench-results/', 'build/', 'e2e/artifacts/'] },
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
