import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowSettings {
  /** The bundled preload (CommonJS: sandboxed preloads cannot be ES modules). */
  preload: string;
  /** Developer tools only when running from the repository, never in a packaged app. */
  devTools: boolean;
}

/** Every window the app opens is made here, hardened (Electron security checklist, items 2–4 and 8–10). */
export function windowOptions({ preload, devTools }: WindowSettings): BrowserWindowConstructorOptions {
  return {
    title: 'SPO Oversight',
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    // Shown on ready-to-show, so the user never sees an unstyled page.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools,
    },
  };
}
