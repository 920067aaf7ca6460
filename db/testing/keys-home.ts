// A vitest setup file (unit and e2e), run for each test file:
// - every test file keeps the keys it makes in a temporary per-user folder of its own, never in
//   the real one (db/keys/paths.ts reads XDG_CONFIG_HOME on every platform);
// - everything it puts in the temporary folder goes in one folder of its own (os.tmpdir() reads
//   TMPDIR on each call), removed when the file's tests end, so runs leave nothing behind.
// Child processes the tests start (the CLI, the preview host, Chromium) inherit both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const scratch = mkdtempSync(join(tmpdir(), 'spo-test-run-'));
process.env.TMPDIR = scratch;
process.env.XDG_CONFIG_HOME = mkdtempSync(join(scratch, 'spo-test-config-'));

// Hooks run last-registered first, so this runs after the file's own afterAll has stopped its children.
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
});
