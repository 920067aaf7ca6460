import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { squirrelStep } from './squirrel.js';

const exe = join('C:', 'Users', 'sam', 'AppData', 'Local', 'spo_oversight', 'app-0.1.0', 'spo-oversight.exe');
const update = join('C:', 'Users', 'sam', 'AppData', 'Local', 'spo_oversight', 'Update.exe');

describe('the Squirrel.Windows installer starting the app', () => {
  it('makes the shortcuts and quits after an install or an update, opening nothing', () => {
    expect(squirrelStep(['spo-oversight.exe', '--squirrel-install', '0.1.0'], 'win32', exe)).toEqual({ quit: true, run: { command: update, args: ['--createShortcut=spo-oversight.exe'] } });
    expect(squirrelStep(['spo-oversight.exe', '--squirrel-updated', '0.2.0'], 'win32', exe)).toEqual({ quit: true, run: { command: update, args: ['--createShortcut=spo-oversight.exe'] } });
  });

  it('removes only the shortcuts on uninstall, and quits', () => {
    expect(squirrelStep(['spo-oversight.exe', '--squirrel-uninstall'], 'win32', exe)).toEqual({ quit: true, run: { command: update, args: ['--removeShortcut=spo-oversight.exe'] } });
  });

  it('quits at once as an obsolete version', () => {
    expect(squirrelStep(['spo-oversight.exe', '--squirrel-obsolete'], 'win32', exe)).toEqual({ quit: true, run: null });
  });

  it('starts normally on the first run, from the MSI, and anywhere but Windows', () => {
    expect(squirrelStep(['spo-oversight.exe', '--squirrel-firstrun'], 'win32', exe)).toEqual({ quit: false });
    expect(squirrelStep(['spo-oversight.exe'], 'win32', exe)).toEqual({ quit: false });
    expect(squirrelStep(['spo-oversight', '--squirrel-install'], 'linux', '/usr/lib/spo-oversight/spo-oversight')).toEqual({ quit: false });
  });
});
