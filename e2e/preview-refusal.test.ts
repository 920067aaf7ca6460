import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection.js';
import { latestVersion } from '../db/migrations/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (file: string, args: string[]) => spawnSync(process.execPath, [join(root, file), ...args], { encoding: 'utf8', timeout: 60_000 });

describe('the preview host given a database it cannot open', () => {
  it('says why in one line naming the file, with no stack trace, and exits 2', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'spo-preview-refusal-')), 'newer.sqlite');
    expect(run('bin/spo-oversight.mjs', ['settings', 'get', '--db', file]).status).toBe(0);
    // As a later version of the app would leave it: a schema this build does not know.
    const db = openDatabase(file, { migrate: false });
    db.pragma('user_version = 99');
    db.close();

    const preview = run('dist/preview.mjs', ['--db', file, '--no-open']);
    expect(preview.stderr.trim().split('\n')).toEqual([
      `spo-oversight preview: ${file}: This database was written by a newer version of SPO Oversight (schema 99; this app knows up to ${String(latestVersion)}). Update the app to open it.`,
    ]);
    expect(preview.status).toBe(2);
  });
});
