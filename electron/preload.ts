// The sandboxed preload: bundled to CommonJS with everything it imports (scripts/build.mjs).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
// Only the plain operation list and the bridge's types: the preload bundle never pulls in zod.
import { bridgeName, menuCommands, type DesktopBridge, type MenuCommand, type OperationBridge, type Progress } from '../db/contract/bridge.js';
import type { Operation } from '../db/contract/index.js';
import { operationNames } from '../db/contract/operations.js';
import { hostChannels } from './channels.js';

let lastCallId = 0;

type Forward = (input: unknown, onProgress?: (p: Progress) => void) => Promise<unknown>;

/** The function for one operation: it can reach that operation's channel and no other. */
function operation(op: Operation): Forward {
  return (input, onProgress) => {
    if (!onProgress) return ipcRenderer.invoke(op, input);
    const id = String(++lastCallId);
    const listener = (_e: IpcRendererEvent, callId: unknown, progress: Progress) => {
      if (callId === id) onProgress(progress);
    };
    ipcRenderer.on(hostChannels.progress, listener);
    return ipcRenderer.invoke(op, input, id).finally(() => ipcRenderer.removeListener(hostChannels.progress, listener));
  };
}

const isMenuCommand = (c: unknown): c is MenuCommand => (menuCommands as readonly unknown[]).includes(c);

const bridge = {
  // Built from the contract's list, so every operation has its own function and none is generic.
  // The main process validates each input against the contract; the page sees the contract's types.
  operations: Object.freeze(Object.fromEntries(operationNames.map((op) => [op, operation(op)]))) as OperationBridge,
  chooseExtractFolder: () => ipcRenderer.invoke(hostChannels.chooseExtractFolder),
  chooseExportFile: (format) => ipcRenderer.invoke(hostChannels.chooseExportFile, format),
  chooseFileToVerify: () => ipcRenderer.invoke(hostChannels.chooseFileToVerify),
  onMenuCommand: (listener) => {
    const forward = (_e: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(hostChannels.menuCommand, forward);
    return () => ipcRenderer.removeListener(hostChannels.menuCommand, forward);
  },
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld(bridgeName, bridge);
