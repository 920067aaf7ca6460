import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStamp, findNativeBinding, nativeBinding, nativeDir } from './native.js';

const running = { electron: '41.7.1', modules: '145', platform: 'win32', arch: 'x64' };

describe('the Electron build of the database engine', () => {
  it('is used when its stamp matches the running Electron', () => {
    expect(checkStamp({ ...running }, running)).toBeNull();
  });

  it('is refused when built for another Electron, platform or architecture', () => {
    expect(checkStamp({ ...running, electron: '40.0.0', modules: '143' }, running)).toBe('it was built for electron 40.0.0, but this is 41.7.1');
    expect(checkStamp({ ...running, arch: 'arm64' }, running)).toBe('it was built for arch arm64, but this is x64');
    expect(checkStamp(null, running)).toMatch(/missing/);
  });

  it('is looked for apart from node_modules, and a missing build says how to make it', () => {
    const root = mkdtempSync(join(tmpdir(), 'spo-native-'));
    expect(findNativeBinding(root, running)).toMatchObject({ ok: false, problem: expect.stringContaining('npm start') as string });
    mkdirSync(join(root, nativeDir), { recursive: true });
    writeFileSync(join(root, nativeDir, 'stamp.json'), JSON.stringify(running));
    expect(findNativeBinding(root, running)).toEqual({ ok: true, path: join(root, 'build', 'electron-native', 'better_sqlite3.node') });
  });

  it('is the one the packager rebuilt in the packaged app’s own node_modules, never a repository’s build', () => {
    const root = mkdtempSync(join(tmpdir(), 'spo-native-'));
    mkdirSync(join(root, nativeDir), { recursive: true });
    writeFileSync(join(root, nativeDir, 'stamp.json'), JSON.stringify(running));
    expect(nativeBinding(true, root, running)).toEqual({ ok: true, path: undefined });
    expect(nativeBinding(false, root, running)).toEqual({ ok: true, path: join(root, 'build', 'electron-native', 'better_sqlite3.node') });
    expect(nativeBinding(false, mkdtempSync(join(tmpdir(), 'spo-native-')), running).ok).toBe(false);
  });
});
