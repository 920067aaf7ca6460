import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The app's own runtime (tsconfig.web.json: react-jsx), so components render in tests as in the app.
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['db/**/*.test.ts', 'scripts/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // Keys go to a temporary per-user folder, never the real one.
    setupFiles: ['./db/testing/keys-home.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/vitest.json' },
  },
});
