import { describe, expect, it } from 'vitest';
import { windowOptions } from './window-options.js';

describe('a window', () => {
  it('isolates the page: context isolation, sandbox, no Node anywhere', () => {
    const prefs = windowOptions({ preload: '/app/preload.cjs', devTools: false }).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and every risky feature off', () => {
    const prefs = windowOptions({ preload: '/p', devTools: false }).webPreferences;
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('turns the webview tag off, so the page cannot even create a webview', () => {
    expect(windowOptions({ preload: '/p', devTools: true }).webPreferences?.webviewTag).toBe(false);
  });

  it('offers developer tools only when asked (running from the repository)', () => {
    expect(windowOptions({ preload: '/p', devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('waits to be shown until the page is ready', () => {
    expect(windowOptions({ preload: '/p', devTools: false }).show).toBe(false);
  });
});
