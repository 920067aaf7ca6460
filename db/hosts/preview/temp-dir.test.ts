import { mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRunDir, previewTempRoot, processAlive, sweepStaleRuns } from './temp-dir.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'spo-temp-dir-test-'));
const posix = process.platform !== 'win32';

describe("the preview's temporary folders", () => {
  it('keeps each run in a folder only this user can open', () => {
    const root = previewTempRoot(scratch());
    const dir = createRunDir(root, 4242, () => true);
    expect(dir.startsWith(root)).toBe(true);
    if (posix) {
      expect(statSync(root).mode & 0o777).toBe(0o700);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
    }
  });

  it('removes the folders of runs whose process has gone, and keeps the running ones and anything else', () => {
    const root = previewTempRoot(scratch());
    const crashed = join(root, 'run-111-0123456789abcdef');
    mkdirSync(crashed);
    writeFileSync(join(crashed, 'cases.csv'), 'left behind');
    mkdirSync(join(root, 'run-222-0123456789abcdef'));
    mkdirSync(join(root, 'not-a-run'));
    expect(sweepStaleRuns(root, (pid) => pid === 222)).toEqual(['run-111-0123456789abcdef']);
    expect(readdirSync(root).sort()).toEqual(['not-a-run', 'run-222-0123456789abcdef']);
  });

  it('sweeps at start, including a folder left under its own pid by an earlier run', () => {
    const root = previewTempRoot(scratch());
    mkdirSync(join(root, 'run-4242-0123456789abcdef'));
    mkdirSync(join(root, 'run-111-0123456789abcdef'));
    const dir = createRunDir(root, 4242, () => true);
    expect(readdirSync(root).sort()).toEqual(['run-111-0123456789abcdef', dir.slice(root.length + 1)].sort());
  });

  it.runIf(posix)('refuses a root another account could read, or a link to elsewhere', () => {
    const open = scratch();
    const root = join(open, `spo-oversight-preview-${String(process.getuid?.() ?? 0)}`);
    mkdirSync(root, { mode: 0o755 });
    expect(() => previewTempRoot(open)).toThrow(/not a private folder/);
    const linked = scratch();
    symlinkSync(scratch(), join(linked, `spo-oversight-preview-${String(process.getuid?.() ?? 0)}`));
    expect(() => previewTempRoot(linked)).toThrow(/not a private folder/);
  });

  it('tells a running process from one that has gone', () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(2 ** 30)).toBe(false);
  });
});
