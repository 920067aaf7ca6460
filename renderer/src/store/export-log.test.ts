import { describe, expect, it } from 'vitest';
import type { ExportResult, ExportVerification, Operation, Result } from '../../../db/contract/index.js';
import type { Client } from '../client.js';
import { checkExportForm, exportInput, type ExportForm } from './export-log.js';
import { createAppStore } from './index.js';

const form: ExportForm = { from: '', to: '', team: '', practitioner: '', rule: '', format: 'pdf', purpose: 'Inspection', recipient: 'HMI Probation' };

const exported: ExportResult = { path: '/exports/log.pdf', format: 'pdf', digest: 'ab'.repeat(32), rowCount: 3, reviewCount: 2, chainHead: { id: 9, hash: 'cd'.repeat(32) }, crns: ['X000001'] };

function fakeClient(answer: { target?: Result<{ path: string } | null>; export?: Result<ExportResult>; verify?: Result<ExportVerification> }) {
  const log: string[] = [];
  const client: Client = {
    host: 'browser',
    call: (op: Operation, input: unknown) => {
      log.push(`${op} ${JSON.stringify(input)}`);
      const value = op === 'log:export' ? answer.export : op === 'log:verify' ? answer.verify : undefined;
      return Promise.resolve((value ?? { ok: false, error: { code: 'internal', message: `no answer for ${op}` } }) as never);
    },
    chooseExtractFolder: () => Promise.resolve({ ok: true, value: null }),
    uploadExtract: () => Promise.resolve({ ok: true, value: { paths: [] } }),
    chooseExportTarget: (format) => {
      log.push(`target ${format}`);
      return Promise.resolve(answer.target ?? { ok: true, value: { path: `/exports/log.${format}` } });
    },
    deliverExport: (path) => {
      log.push(`deliver ${path}`);
      return Promise.resolve({ ok: true, value: null });
    },
    chooseFileToVerify: (file) => {
      log.push(`choose ${file?.name ?? 'dialog'}`);
      return Promise.resolve({ ok: true, value: { path: '/uploads/received.pdf' } });
    },
    onMenuCommand: () => () => undefined,
  };
  return { client, log };
}

describe('the export form', () => {
  it('needs a purpose and a recipient, real dates, and a range that is not backwards', () => {
    expect(checkExportForm({ ...form, purpose: ' ', recipient: '' })).toEqual({ purpose: 'Enter why the log is being disclosed', recipient: 'Enter who the log is for' });
    expect(checkExportForm({ ...form, from: '1/9/2026' })).toEqual({ from: 'Enter the start date as a date, like 2026-09-01' });
    expect(checkExportForm({ ...form, from: '2026-11-01', to: '2026-10-01' })).toEqual({ to: 'The end date must be the same as or after the start date' });
    expect(checkExportForm(form)).toEqual({});
  });

  it('sends only the filters that were given', () => {
    expect(exportInput({ ...form, team: ' n07t01 ', rule: 'OVERSIGHT-NEW' }, '/x.pdf')).toEqual({
      format: 'pdf',
      out: '/x.pdf',
      purpose: 'Inspection',
      recipient: 'HMI Probation',
      team: 'n07t01',
      rule: 'OVERSIGHT-NEW',
    });
  });
});

describe('exporting', () => {
  it('writes nothing while the form has problems', async () => {
    const { client, log } = fakeClient({});
    const store = createAppStore(client);
    await store.getState().runExport();
    expect(log).toEqual([]);
    expect(Object.keys(store.getState().exportLog.fieldErrors)).toEqual(['purpose', 'recipient']);
  });

  it('asks where to write, exports there, hands the file over and shows the digest', async () => {
    const { client, log } = fakeClient({ export: { ok: true, value: exported } });
    const store = createAppStore(client);
    for (const [k, v] of Object.entries(form) as [keyof ExportForm, string][]) store.getState().setExportField(k, v);
    await store.getState().runExport();
    expect(log).toEqual(['target pdf', `log:export ${JSON.stringify(exportInput(form, '/exports/log.pdf'))}`, 'deliver /exports/log.pdf']);
    expect(store.getState().exportLog).toMatchObject({ running: false, done: exported, error: null });
  });

  it('does nothing more when the user cancels the save dialog', async () => {
    const { client, log } = fakeClient({ target: { ok: true, value: null } });
    const store = createAppStore(client);
    store.getState().setExportField('purpose', 'Inspection');
    store.getState().setExportField('recipient', 'HMI Probation');
    await store.getState().runExport();
    expect(log).toEqual(['target csv']);
    expect(store.getState().exportLog).toMatchObject({ running: false, done: null, error: null });
  });

  it("puts the service's complaint about a field beside that field", async () => {
    const { client } = fakeClient({ export: { ok: false, error: { code: 'invalid-input', message: 'must not be after to', field: 'from' } } });
    const store = createAppStore(client);
    store.getState().setExportField('purpose', 'Inspection');
    store.getState().setExportField('recipient', 'HMI Probation');
    await store.getState().runExport();
    expect(store.getState().exportLog.fieldErrors).toEqual({ from: 'must not be after to' });
  });
});

describe('verifying a file', () => {
  it('verifies the chosen file and keeps its name for the verdict', async () => {
    const verdict: ExportVerification = { intact: false, reason: 'the digest does not match the content' };
    const { client, log } = fakeClient({ verify: { ok: true, value: verdict } });
    const store = createAppStore(client);
    await store.getState().verifyFile(new File(['x'], 'received.pdf'));
    expect(log).toEqual(['choose received.pdf', 'log:verify {"path":"/uploads/received.pdf"}']);
    expect(store.getState().exportLog.verify).toEqual({ running: false, result: verdict, error: null, file: 'received.pdf' });
  });
});
