import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 8: no code path copies, moves or deletes a database's `-wal` or `-shm` file. Copied apart
 * from the database they tear it; deleted or left beside the wrong file they lose or corrupt
 * committed writes. Backups and restores use SQLite's backup API (db/backup/backup.ts) instead.
 */

const root = resolve(import.meta.dirname, '..', '..');
const scanned = ['db', 'electron', 'renderer', 'scripts', 'bench', 'e2e'];
/** Where the rule does not apply, and why. */
const exceptions: Record<string, string> = {
  'db/hosts/cli/check-policy.ts': 'only asks whether a -wal or -journal is there (an unclean shutdown); it never opens, copies, moves or deletes one',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('.') ? [] : sourceFiles(path);
    return /\.(ts|tsx|mjs|js|cjs)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** Code (not comments) that names a `-wal`/`-shm` file, or builds the name from a journal suffix. */
const namesSidecar = /['"`][^'"`\n]*-(wal|shm)\b|\+\s*['"`]-(wal|shm)/;
const comment = /^\s*(\/\/|\*|\/\*)/;

describe('WAL sidecar files', () => {
  it('are never named in code outside SQLite: nothing copies, moves or deletes -wal or -shm', () => {
    const hits: string[] = [];
    for (const top of scanned) {
      for (const file of sourceFiles(join(root, top))) {
        const rel = relative(root, file);
        if (rel in exceptions) continue;
        readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
          if (!comment.test(line) && namesSidecar.test(line)) hits.push(`${rel}:${i + 1}: ${line.trim()}`);
        });
      }
    }
    expect(hits).toEqual([]);
  });

  it('would catch a copy of a -wal file', () => {
    expect(namesSidecar.test("copyFileSync(`${db}-wal`, `${out}-wal`);")).toBe(true);
    expect(namesSidecar.test("for (const s of ['', '-wal', '-shm']) rmSync(db + s);")).toBe(true);
    expect(namesSidecar.test(" * its `-wal` and `-shm` are never copied")).toBe(true);
    expect(comment.test(" * its `-wal` and `-shm` are never copied")).toBe(true);
  });
});
