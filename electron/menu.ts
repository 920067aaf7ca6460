import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  importExtract: () => void;
  exportLog: () => void;
  about: () => void;
}

/** The application menu. Zoom stays in View: many users enlarge text (WCAG 1.4.4). */
export function menuTemplate(actions: MenuActions, options: { platform: NodeJS.Platform; devTools: boolean }): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: 'About SPO Oversight', click: actions.about };
  return [
    ...(mac ? [{ label: 'SPO Oversight', submenu: [about, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { type: 'separator' }, { role: 'quit' }] } satisfies MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import extract…', accelerator: 'CmdOrCtrl+I', click: actions.importExtract },
        { label: 'Export log…', accelerator: 'CmdOrCtrl+E', click: actions.exportLog },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(options.devTools ? [{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] satisfies MenuItemConstructorOptions[] : []),
      ],
    },
    { role: 'windowMenu' },
    ...(mac ? [] : [{ label: 'Help', submenu: [about] } satisfies MenuItemConstructorOptions]),
  ];
}

export interface AboutFacts {
  version: string;
  dataFile: string;
  electron: string;
  chrome: string;
  node: string;
}

/** The About box: the version and where the data is, which support and data-protection staff ask first. */
export function aboutDetail(f: AboutFacts): string {
  return [
    `Version ${f.version}`,
    `Data: ${f.dataFile}`,
    'Treat this file and every export as OFFICIAL-SENSITIVE.',
    '',
    `Electron ${f.electron}, Chromium ${f.chrome}, Node ${f.node}`,
  ].join('\n');
}
