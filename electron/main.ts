// The Electron main process: the composition root. It only wires the parts, each hardened and
// tested on its own; there is no business logic here.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { MenuCommand } from '../db/contract/index.js';
import { londonToday } from '../db/contract/dates.js';
import { workerCheck } from '../db/backup/background-check.js';
import { DomainError } from '../db/errors.js';
import type { Service } from '../db/service/index.js';
import { hostCaller } from '../db/service/host-call.js';
import { openService } from '../db/service/open.js';
import { appKeys, forgetAdopted } from './app-keys.js';
import { hostChannels } from './channels.js';
import { databaseFile } from './data-file.js';
import { defaultExportName, exportFilter } from './export-log.js';
import { registerIpc } from './ipc.js';
import { pathGrants } from './path-grants.js';
import { aboutDetail, menuTemplate } from './menu.js';
import { nativeBinding } from './native.js';
import { appScheme, registerAppProtocol } from './protocol.js';
import { appOrigin, denyPermissions, guardContents } from './security.js';
import { isTrustedSender } from './sender.js';
import { squirrelStep } from './squirrel.js';
import { windowOptions } from './window-options.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const repoRoot = here('../../');
const rendererDir = here('../renderer/');
const preload = here('./preload.cjs');

// Before ready: app:// must be known as a standard, secure scheme when the first page loads.
protocol.registerSchemesAsPrivileged([appScheme]);
app.enableSandbox();

const squirrel = squirrelStep(process.argv, process.platform, process.execPath);
if (squirrel.quit) {
  // Started by the Squirrel installer: shortcuts only, then quit, before any window or database.
  const quit = () => {
    app.quit();
  };
  if (squirrel.run) spawn(squirrel.run.command, squirrel.run.args, { detached: true }).once('close', quit).once('error', quit);
  else quit();
} else if (!app.requestSingleInstanceLock()) {
  // Two windows over one database would mean two importers sharing staging tables.
  app.quit();
} else {
  app.on('web-contents-created', (_e, contents) => {
    guardContents(contents, (url) => shell.openExternal(url));
  });
  void app.whenReady().then(start);
}

function start(): void {
  const native = nativeBinding(app.isPackaged, repoRoot, {
    electron: process.versions.electron,
    modules: process.versions.modules,
    platform: process.platform,
    arch: process.arch,
  });
  if (!native.ok) {
    dialog.showErrorBox('SPO Oversight cannot start', native.problem);
    app.exit(1);
    return;
  }
  const userData = app.getPath('userData');
  const dataFile = databaseFile(process.argv, userData, app.isPackaged, process.cwd());
  // After ready: safeStorage (and on Linux its backend) is only known once the app is ready.
  const resolved = appKeys(safeStorage, { argv: process.argv, packaged: app.isPackaged, platform: process.platform, userData, databaseFile: dataFile });
  if (!resolved.ok) {
    dialog.showErrorBox('SPO Oversight cannot open its database', resolved.problem);
    app.exit(1);
    return;
  }
  const { key, auditKey, signingKey } = resolved.keys;
  // The start-up check runs in a worker thread beside main.mjs: the window opens while it reads the file.
  let service: Service;
  try {
    service = openService(dataFile, { nativeBinding: native.path, key, auditKey, signingKey, startupCheck: workerCheck(here('./check-worker.mjs')), trendWorker: here('./sweep-worker.mjs') });
  } catch (e) {
    // A database from a newer version of the app, or one that cannot be read: said, not thrown.
    if (!(e instanceof DomainError)) throw e;
    dialog.showErrorBox('SPO Oversight cannot open its database', e.message);
    app.exit(1);
    return;
  }
  forgetAdopted(resolved.keys);
  const call = hostCaller(service);
  const devTools = !app.isPackaged;

  denyPermissions(session.defaultSession);
  registerAppProtocol(protocol, rendererDir);

  const win = new BrowserWindow(windowOptions({ preload, devTools }));
  const appContents = new Set<number>([win.webContents.id]);
  registerIpc(ipcMain, {
    call,
    isTrusted: (event) => isTrustedSender(event, appContents),
    grants: pathGrants(),
    chooseExtractFolder: async () => {
      const chosen = await dialog.showOpenDialog(win, { title: 'Choose the extract folder', properties: ['openDirectory'] });
      return chosen.canceled ? null : chosen.filePaths;
    },
    chooseExportFile: async (_event, format) => {
      const chosen = await dialog.showSaveDialog(win, {
        title: 'Export the oversight log',
        defaultPath: defaultExportName(londonToday(new Date()), format),
        filters: [exportFilter(format)],
      });
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    },
    chooseFileToVerify: async () => {
      const chosen = await dialog.showOpenDialog(win, {
        title: 'Choose an exported oversight log to verify',
        properties: ['openFile'],
        filters: [{ name: 'Oversight log exports', extensions: ['csv', 'pdf', 'json'] }],
      });
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
    },
  });

  const sendMenuCommand = (command: MenuCommand) => {
    win.webContents.send(hostChannels.menuCommand, command);
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        {
          importExtract: () => {
            sendMenuCommand('import-extract');
          },
          exportLog: () => {
            sendMenuCommand('export-log');
          },
          about: () =>
            void dialog.showMessageBox(win, {
              type: 'info',
              title: 'About SPO Oversight',
              message: 'SPO Oversight',
              detail: aboutDetail({ version: app.getVersion(), dataFile, electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node }),
            }),
        },
        { platform: process.platform, devTools },
      ),
    ),
  );

  win.once('ready-to-show', () => {
    win.show();
  });
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => {
    service.close();
    app.quit();
  });
  // `npm start` stops the app with SIGINT: close the window as its close button would, so the
  // database is closed before the app quits, rather than dying by the signal.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (!win.isDestroyed()) win.close();
    });
  }
  void win.loadURL(`${appOrigin}/index.html`);
}
