import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { aboutDetail, menuTemplate } from './menu.js';

function items(menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return menu.flatMap((m) => [m, ...(Array.isArray(m.submenu) ? items(m.submenu) : [])]);
}

function actions() {
  return { importExtract: vi.fn(), exportLog: vi.fn(), about: vi.fn() };
}

describe('the application menu', () => {
  it('offers Import extract…, Export log… and About, each doing its own job', () => {
    const a = actions();
    const all = items(menuTemplate(a, { platform: 'win32', devTools: false }));
    const click = (label: string) => {
      const item = all.find((i) => i.label === label);
      expect(item, label).toBeDefined();
      (item?.click as () => void)();
    };
    click('Import extract…');
    click('Export log…');
    click('About SPO Oversight');
    expect([a.importExtract.mock.calls.length, a.exportLog.mock.calls.length, a.about.mock.calls.length]).toEqual([1, 1, 1]);
  });

  it('keeps zoom for users who enlarge text, and developer tools out unless running from the repository', () => {
    const roles = (devTools: boolean) => items(menuTemplate(actions(), { platform: 'linux', devTools })).map((i) => i.role);
    expect(roles(false)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('puts About in the application menu on macOS', () => {
    const [first] = menuTemplate(actions(), { platform: 'darwin', devTools: false });
    expect(first?.label).toBe('SPO Oversight');
    expect(items([first ?? {}]).map((i) => i.label)).toContain('About SPO Oversight');
  });
});

describe('the About box', () => {
  it('gives the version and where the data is kept', () => {
    const text = aboutDetail({ version: '0.1.0', dataFile: 'C:\\Users\\spo\\AppData\\Roaming\\SPO Oversight\\spo-oversight.sqlite', electron: '41.7.1', chrome: '146', node: '24' });
    expect(text).toContain('Version 0.1.0');
    expect(text).toContain('Data: C:\\Users\\spo\\AppData\\Roaming\\SPO Oversight\\spo-oversight.sqlite');
    expect(text).toContain('OFFICIAL-SENSITIVE');
  });
});
