import { beforeAll, describe, expect, it, vi } from 'vitest';
import { bridgeName, operationNames, type Progress } from '../db/contract/index.js';
import { hostChannels } from './channels.js';

type Listener = (event: unknown, ...args: unknown[]) => void;

// The preload runs in Electron's sandbox; here it runs against a fake `electron` that records what
// it exposes and which channels it touches.
const fake = vi.hoisted(() => {
  const listeners = new Map<string, Set<Listener>>();
  const ipcRenderer = {
    invoke: vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, value: null })),
    on: vi.fn((channel: string, listener: Listener) => {
      const set = listeners.get(channel) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(channel, set);
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
    }),
    send: vi.fn(),
    sendSync: vi.fn(),
  };
  const exposed: { name: string; api: unknown }[] = [];
  const contextBridge = {
    exposeInMainWorld: vi.fn((name: string, api: unknown) => {
      exposed.push({ name, api });
    }),
  };
  /** What main would send: an IpcRendererEvent (which carries `sender`, the ipcRenderer) plus the payload. */
  const emit = (channel: string, ...args: unknown[]) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: ipcRenderer, senderId: 0 }, ...args);
  };
  return { ipcRenderer, contextBridge, exposed, emit, listeners };
});

vi.mock('electron', () => ({ contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer }));

interface Bridge {
  operations: Record<string, (input: unknown, onProgress?: (p: Progress) => void) => Promise<unknown>>;
  chooseExtractFolder(): Promise<unknown>;
  chooseExportFile(format: unknown): Promise<unknown>;
  chooseFileToVerify(): Promise<unknown>;
  onMenuCommand(listener: (...args: unknown[]) => void): () => void;
}

let bridge: Bridge;

beforeAll(async () => {
  await import('./preload.js');
  bridge = fake.exposed[0]?.api as Bridge;
});

/** Every value reachable from the exposed object. */
function reachable(root: unknown): unknown[] {
  const seen = new Set<unknown>();
  const walk = (v: unknown) => {
    if (seen.has(v) || v === null || (typeof v !== 'object' && typeof v !== 'function')) return;
    seen.add(v);
    for (const key of Object.keys(v)) walk((v as Record<string, unknown>)[key]);
  };
  walk(root);
  return [...seen];
}

describe('the preload bridge', () => {
  it('exposes one object under its own name, holding no Electron API and no ipcRenderer method', () => {
    expect(fake.exposed.map((e) => e.name)).toEqual([bridgeName]);
    const values = reachable(bridge);
    const electronParts: unknown[] = [fake.ipcRenderer, fake.contextBridge, ...Object.values(fake.ipcRenderer), ...Object.values(fake.contextBridge)];
    for (const part of electronParts) expect(values).not.toContain(part);
    expect(Object.keys(bridge).sort()).toEqual(['chooseExportFile', 'chooseExtractFolder', 'chooseFileToVerify', 'onMenuCommand', 'operations']);
  });

  it('gives each contract operation its own function, which reaches only that operation’s channel', async () => {
    expect(Object.keys(bridge.operations).sort()).toEqual([...operationNames].sort());
    expect(Object.isFrozen(bridge.operations)).toBe(true);
    for (const op of operationNames) {
      fake.ipcRenderer.invoke.mockClear();
      await bridge.operations[op]?.({ from: 'the page' });
      expect(fake.ipcRenderer.invoke.mock.calls).toEqual([[op, { from: 'the page' }]]);
    }
  });

  it('lets the page name no channel: the dialog functions reach only their own', async () => {
    fake.ipcRenderer.invoke.mockClear();
    await bridge.chooseExtractFolder();
    await bridge.chooseExportFile('host:progress');
    await bridge.chooseFileToVerify();
    expect(fake.ipcRenderer.invoke.mock.calls.map((c) => c[0])).toEqual([hostChannels.chooseExtractFolder, hostChannels.chooseExportFile, hostChannels.chooseFileToVerify]);
  });

  it('hands the page menu commands without the IPC event, only known ones, and lets it unsubscribe', () => {
    const heard: unknown[][] = [];
    const unsubscribe = bridge.onMenuCommand((...args) => heard.push(args));
    fake.emit(hostChannels.menuCommand, 'import-extract');
    fake.emit(hostChannels.menuCommand, 'format-disk');
    expect(heard).toEqual([['import-extract']]);
    unsubscribe();
    fake.emit(hostChannels.menuCommand, 'export-log');
    expect(heard).toHaveLength(1);
    expect(fake.listeners.get(hostChannels.menuCommand)?.size ?? 0).toBe(0);
  });

  it('hands progress to the call that asked for it, without the IPC event, and stops listening when the call ends', async () => {
    const progress: Progress = { phase: 'reading cases.csv', done: 1, total: 2 };
    const heard: unknown[][] = [];
    fake.ipcRenderer.invoke.mockClear();
    const pending = bridge.operations['import:commit']?.({ paths: [] }, (...args: unknown[]) => heard.push(args));
    const id = fake.ipcRenderer.invoke.mock.calls[0]?.[2];
    fake.emit(hostChannels.progress, 'not-this-call', progress);
    fake.emit(hostChannels.progress, id, progress);
    await pending;
    expect(heard).toEqual([[progress]]);
    expect(fake.listeners.get(hostChannels.progress)?.size ?? 0).toBe(0);
  });
});
