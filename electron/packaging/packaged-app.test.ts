import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagedApp, userDataDir } from './packaged-app.js';

describe('where Forge leaves the packaged app', () => {
  it('names the executable on each platform, and reads fuses from the .app bundle on macOS', () => {
    expect(packagedApp('out', 'win32', 'x64')).toEqual({ dir: join('out', 'SPO Oversight-win32-x64'), executable: join('out', 'SPO Oversight-win32-x64', 'spo-oversight.exe'), fuses: join('out', 'SPO Oversight-win32-x64', 'spo-oversight.exe') });
    expect(packagedApp('out', 'linux', 'x64').executable).toBe(join('out', 'SPO Oversight-linux-x64', 'spo-oversight'));
    expect(packagedApp('out', 'darwin', 'arm64')).toEqual({
      dir: join('out', 'SPO Oversight-darwin-arm64'),
      executable: join('out', 'SPO Oversight-darwin-arm64', 'SPO Oversight.app', 'Contents', 'MacOS', 'spo-oversight'),
      fuses: join('out', 'SPO Oversight-darwin-arm64', 'SPO Oversight.app'),
    });
  });
});

describe('where the installed app keeps its data', () => {
  it('is the user’s own app-data folder, named after the product, on each platform', () => {
    expect(userDataDir('win32', { APPDATA: join('C:', 'Users', 'sam', 'AppData', 'Roaming') }, join('C:', 'Users', 'sam'))).toBe(join('C:', 'Users', 'sam', 'AppData', 'Roaming', 'SPO Oversight'));
    expect(userDataDir('darwin', {}, '/Users/sam')).toBe(join('/Users/sam', 'Library', 'Application Support', 'SPO Oversight'));
    expect(userDataDir('linux', {}, '/home/sam')).toBe(join('/home/sam', '.config', 'SPO Oversight'));
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/tmp/cfg' }, '/home/sam')).toBe(join('/tmp/cfg', 'SPO Oversight'));
  });
});
