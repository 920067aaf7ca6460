import { describe, expect, it, vi } from 'vitest';
import { operationNames, type Progress } from '../db/contract/index.js';
import type { HostCall } from '../db/service/host-call.js';
import { hostChannels } from './channels.js';
import { registerIpc, type HandlerEvent, type IpcRegistrar } from './ipc.js';
import { pathGrants } from './path-grants.js';

function setup({ trusted = true } = {}) {
  const handlers = new Map<string, (event: HandlerEvent, ...args: unknown[]) => Promise<unknown>>();
  const ipc: IpcRegistrar = { handle: (channel, listener) => handlers.set(channel, listener) };
  const calls: { op: string; input: unknown; progress: boolean }[] = [];
  const call: HostCall = (op, input, onProgress) => {
    calls.push({ op, input, progress: !!onProgress });
    onProgress?.({ phase: 'reading cases.csv', done: 1, total: 2 });
    return Promise.resolve({ ok: false, error: { code: 'invalid-input', message: 'from the service' } });
  };
  const sent: unknown[][] = [];
  const event: HandlerEvent = {
    senderFrame: { url: 'app://renderer/index.html', parent: null },
    sender: { id: 1, send: (...args) => sent.push(args), isDestroyed: () => false },
  };
  const chooseExtractFolder = vi.fn(() => Promise.resolve(['/extracts/2026-11']));
  const chooseExportFile = vi.fn((_event: HandlerEvent, format: string) => Promise.resolve<string | null>(`/home/spo/oversight-log.${format}`));
  const chooseFileToVerify = vi.fn(() => Promise.resolve<string | null>('/home/spo/received/log.pdf'));
  registerIpc(ipc, { call, isTrusted: () => trusted, chooseExtractFolder, chooseExportFile, chooseFileToVerify, grants: pathGrants() });
  const invoke = (channel: string, ...args: unknown[]) => {
    const h = handlers.get(channel);
    if (!h) throw new Error(`no handler for ${channel}`);
    return h(event, ...args);
  };
  return { handlers, calls, sent, invoke, chooseExtractFolder, chooseExportFile, chooseFileToVerify };
}

describe('IPC registration', () => {
  it('registers every contract operation, and only the host channels besides', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual([...operationNames, hostChannels.chooseExtractFolder, hostChannels.chooseExportFile, hostChannels.chooseFileToVerify].sort());
  });

  it("refuses a sender that is not the app's own page without reading its input", async () => {
    const { invoke, calls, chooseExtractFolder } = setup({ trusted: false });
    expect(await invoke('import:commit', { paths: ['/etc'] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke(hostChannels.chooseExtractFolder)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
    expect(chooseExtractFolder).not.toHaveBeenCalled();
  });

  it('hands the input, unvalidated, to the service and answers its Result', async () => {
    const { invoke, calls } = setup();
    expect(await invoke('caseload:summary', { anything: true })).toEqual({ ok: false, error: { code: 'invalid-input', message: 'from the service' } });
    expect(calls).toEqual([{ op: 'caseload:summary', input: { anything: true }, progress: false }]);
  });

  it('refuses a path the user did not pick in a dialog, and accepts the picked folder and its files', async () => {
    const { invoke, calls } = setup();
    expect(await invoke('import:preview', { paths: ['/home/spo/.ssh'] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke('log:export', { out: '/etc/cron.d/x', format: 'csv' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
    await invoke(hostChannels.chooseExtractFolder);
    await invoke('import:preview', { paths: ['/extracts/2026-11', '/extracts/2026-11/cases.csv'] });
    expect(calls.map((c) => c.op)).toEqual(['import:preview']);
    expect(await invoke('import:preview', { paths: ['/extracts/2026-11/../../etc'] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('sends progress back to the sender tagged with the call id, and ignores ids it did not make', async () => {
    const { invoke, sent, calls } = setup();
    await invoke(hostChannels.chooseExtractFolder);
    calls.length = 0;
    await invoke('import:commit', { paths: ['/extracts/2026-11'] }, '7');
    await invoke('import:commit', { paths: ['/extracts/2026-11'] }, 'import:commit');
    const progress: Progress = { phase: 'reading cases.csv', done: 1, total: 2 };
    expect(sent).toEqual([[hostChannels.progress, '7', progress]]);
    expect(calls.map((c) => c.progress)).toEqual([true, false]);
  });

  it('answers the folder the user chose, or null when they cancel', async () => {
    const { invoke, chooseExtractFolder } = setup();
    expect(await invoke(hostChannels.chooseExtractFolder)).toEqual({ ok: true, value: { paths: ['/extracts/2026-11'] } });
    chooseExtractFolder.mockResolvedValueOnce(null as never);
    expect(await invoke(hostChannels.chooseExtractFolder)).toEqual({ ok: true, value: null });
  });

  it('grants the file chosen in the save dialog to log:export, in the format asked for, and nothing else', async () => {
    const { invoke, calls, chooseExportFile } = setup();
    expect(await invoke(hostChannels.chooseExportFile, 'exe')).toMatchObject({ ok: false, error: { field: 'format' } });
    expect(chooseExportFile).not.toHaveBeenCalled();
    expect(await invoke(hostChannels.chooseExportFile, 'pdf')).toEqual({ ok: true, value: { path: '/home/spo/oversight-log.pdf' } });
    await invoke('log:export', { out: '/home/spo/oversight-log.pdf', format: 'pdf' });
    expect(await invoke('log:export', { out: '/home/spo/.bashrc', format: 'csv' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke('log:export', { out: '/home/spo/oversight-log.pdf', format: 'json' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls.map((c) => c.op)).toEqual(['log:export']);
  });

  it('saves a name typed without an extension as the format chosen, and grants that file', async () => {
    const { invoke, calls, chooseExportFile } = setup();
    chooseExportFile.mockResolvedValueOnce('/home/spo/for-hmip');
    expect(await invoke(hostChannels.chooseExportFile, 'pdf')).toEqual({ ok: true, value: { path: '/home/spo/for-hmip.pdf' } });
    await invoke('log:export', { out: '/home/spo/for-hmip.pdf', format: 'pdf' });
    expect(calls.map((c) => c.op)).toEqual(['log:export']);
  });

  it('does not let log:export write into the folder picked for import', async () => {
    const { invoke, calls } = setup();
    await invoke(hostChannels.chooseExtractFolder);
    expect(await invoke('log:export', { out: '/extracts/2026-11/cases.csv', format: 'csv' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it("checks audit:verify's against like log:verify's path: only a file picked to open", async () => {
    const { invoke, calls } = setup();
    expect(await invoke('audit:verify', { against: '/home/spo/received/log.pdf' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await invoke(hostChannels.chooseFileToVerify);
    await invoke('audit:verify', { against: '/home/spo/received/log.pdf' });
    await invoke('audit:verify', {});
    expect(calls.map((c) => c.op)).toEqual(['audit:verify', 'audit:verify']);
  });

  it('grants the file chosen to verify, and answers null when the user cancels', async () => {
    const { invoke, calls, chooseFileToVerify } = setup();
    await invoke(hostChannels.chooseFileToVerify);
    await invoke('log:verify', { path: '/home/spo/received/log.pdf' });
    expect(calls.map((c) => c.op)).toEqual(['log:verify']);
    chooseFileToVerify.mockResolvedValueOnce(null);
    expect(await invoke(hostChannels.chooseFileToVerify)).toEqual({ ok: true, value: null });
  });
});
