// A vitest setup file (unit and e2e): every test file keeps the keys it makes in a temporary
// per-user folder of its own, never in the real one (db/keys/paths.ts reads XDG_CONFIG_HOME on
// every platform). Child processes the tests start (the CLI, the preview host) inherit it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.XDG_CONFIG_HOME = mkdtempSync(join(tmpdir(), 'spo-test-config-'));
