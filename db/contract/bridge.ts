/**
 * How the renderer reaches the service: the Electron preload (window[bridgeName]) or the preview
 * host over HTTP. One function per operation, never a generic invoke. Only types come from the
 * operation table, so the preload, which bundles this file, never pulls in zod.
 */
import type { ExportFormat } from './export.js';
import type { InputOf, Operation, ResultOf } from './index.js';
import type { Result } from './result.js';

/** Progress of a long operation (an import, the demo caseload). */
export interface Progress {
  phase: string;
  done: number;
  total: number;
}

export type OperationBridge = {
  readonly [O in Operation]: (input: InputOf<O>, onProgress?: (p: Progress) => void) => Promise<Result<ResultOf<O>>>;
};

export const menuCommands = ['import-extract', 'export-log'] as const;
export type MenuCommand = (typeof menuCommands)[number];

/** What the Electron preload exposes on `window[bridgeName]`. */
export interface DesktopBridge {
  readonly operations: OperationBridge;
  /** The native folder dialog; `null` when the user cancels. */
  chooseExtractFolder(): Promise<Result<{ paths: string[] } | null>>;
  /** The native save dialog for an oversight log export; `null` when the user cancels. */
  chooseExportFile(format: ExportFormat): Promise<Result<{ path: string } | null>>;
  /** The native open dialog for an exported file to verify; `null` when the user cancels. */
  chooseFileToVerify(): Promise<Result<{ path: string } | null>>;
  /** Commands chosen in the application menu; returns the unsubscribe. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

export const bridgeName = 'spoOversight';
