import { describe, expect, it } from 'vitest';
import { installedElectron, isSupportedElectron, newestElectron } from './electron-support.js';

describe('Electron support', () => {
  it('counts only the three newest majors as supported', () => {
    expect(isSupportedElectron('45.0.0', '45.5.0')).toBe(true);
    expect(isSupportedElectron('43.9.1', '45.5.0')).toBe(true);
    expect(isSupportedElectron('42.4.0', '45.5.0')).toBe(false);
    expect(isSupportedElectron('41.7.1', '45.5.0')).toBe(false);
  });

  it('reads the installed Electron version, and the newest one recorded is a real version', () => {
    expect(installedElectron()).toMatch(/^\d+\.\d+\.\d+/);
    expect(newestElectron.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(newestElectron.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
