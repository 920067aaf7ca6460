import { operationNames, type ExportFormat, type Operation, type Progress, type Result } from '../db/contract/index.js';
import type { HostCall } from '../db/service/host-call.js';
import { hostChannels } from './channels.js';
import { isExportFormat } from './export-log.js';
import { checkPaths, withExtension, type PathGrants } from './path-grants.js';
import type { IpcSender } from './sender.js';

/** What a handler sees of an IPC event (IpcMainInvokeEvent, or a fake in the tests). */
export interface HandlerEvent extends IpcSender {
  sender: { id: number; send(channel: string, ...args: unknown[]): void; isDestroyed(): boolean };
}

/** ipcMain, as far as registration needs it. */
export interface IpcRegistrar {
  handle(channel: string, listener: (event: HandlerEvent, ...args: unknown[]) => Promise<unknown>): void;
}

export interface IpcDeps {
  call: HostCall;
  isTrusted(event: HandlerEvent): boolean;
  /** The native folder dialog over the sender's window; null when cancelled. */
  chooseExtractFolder(event: HandlerEvent): Promise<string[] | null>;
  /** The native save dialog for an export in `format`; null when cancelled. */
  chooseExportFile(event: HandlerEvent, format: ExportFormat): Promise<string | null>;
  /** The native open dialog for an exported file; null when cancelled. */
  chooseFileToVerify(event: HandlerEvent): Promise<string | null>;
  /** What the user has picked in the app's dialogs: the only paths the page may name. */
  grants: PathGrants;
}

export const refused = {
  ok: false,
  error: { code: 'forbidden', message: 'refused: the request did not come from the app’s own window' },
} as const satisfies Result<never>;

/** Progress ids come from our preload; anything else is ignored rather than echoed back. */
const progressId = /^[0-9]{1,12}$/;

/**
 * One handler per contract operation, registered from the contract's list so a new operation is
 * served without touching this file. Each checks its sender first, then hands the input, still
 * unknown, to the service, whose dispatch validates it and answers a Result — never a throw.
 */
export function registerIpc(ipc: IpcRegistrar, deps: IpcDeps): void {
  for (const op of operationNames) {
    ipc.handle(op, (event, input, id) => {
      if (!deps.isTrusted(event)) return Promise.resolve(refused);
      const ungranted = checkPaths(op, input, deps.grants);
      if (ungranted) return Promise.resolve(ungranted);
      const onProgress =
        typeof id === 'string' && progressId.test(id)
          ? (p: Progress) => {
              if (!event.sender.isDestroyed()) event.sender.send(hostChannels.progress, id, p);
            }
          : undefined;
      return deps.call(op satisfies Operation, input, onProgress);
    });
  }
  ipc.handle(hostChannels.chooseExtractFolder, async (event) => {
    if (!deps.isTrusted(event)) return refused;
    const paths = await deps.chooseExtractFolder(event);
    if (paths) deps.grants.grantRead(paths);
    return { ok: true, value: paths ? { paths } : null } satisfies Result<{ paths: string[] } | null>;
  });
  ipc.handle(hostChannels.chooseExportFile, async (event, format) => {
    if (!deps.isTrusted(event)) return refused;
    if (!isExportFormat(format)) return { ok: false, error: { code: 'invalid-input', message: 'format must be csv, pdf or json', field: 'format' } } satisfies Result<never>;
    const chosen = await deps.chooseExportFile(event, format);
    // Written exactly where the user said, as the type they asked for; granted for writing only.
    const path = chosen ? withExtension(chosen, format) : null;
    if (path) deps.grants.grantWrite(path, format);
    return { ok: true, value: path ? { path } : null } satisfies Result<{ path: string } | null>;
  });
  ipc.handle(hostChannels.chooseFileToVerify, async (event) => {
    if (!deps.isTrusted(event)) return refused;
    const path = await deps.chooseFileToVerify(event);
    if (path) deps.grants.grantRead([path]);
    return { ok: true, value: path ? { path } : null } satisfies Result<{ path: string } | null>;
  });
}
