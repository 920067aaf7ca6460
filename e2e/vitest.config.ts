import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end tests: Debian's Chromium driving the built renderer through the preview host
// (`npm run test:e2e`, which builds first). One browser and one preview host per test.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    // Keys go to a temporary per-user folder, never the real one.
    setupFiles: ['db/testing/keys-home.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Each test starts Chromium; one at a time keeps a small CI machine responsive.
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/e2e.json' },
  },
});
