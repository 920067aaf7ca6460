import { describe, expect, it } from 'vitest';
import type { ExportResult, ExportVerification, Operation, Result } from '../../../db/contract/index.js';
import type { Client } from '../client.js';
import { checkExportForm, exportInput, type ExportForm } from './export-log.js';
import { createAppStore } from './index.js';

const none = { day: '', month: '', year: '' };
const form: ExportForm = { from: none, to: none, team: '', practitioner: '', rule: '', format: 'pdf', purpose: 'Inspection', recipient: 'HMI Probation' };

const exported: ExportResult = { path: 'oversight-log-2026-11-20.pdf', format: 'pdf', digest: 'ab'.repeat(32), fingerprint: '8dfa 87c3 eea6 90a3 d11a d0f2 f6fd 1437', rowCount: 3, reviewCount: 2, chainHead: { id: 9, hash: 'cd'.repeat(32) }, crns: ['X000001'] };

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
    expect(checkExportForm({ ...form, purpose: ' ', recipient: '' }).messages).toEqual({ purpose: 'Enter why the log is being disclosed', recipient: 'Enter who the log is for' });
    expect(checkExportForm({ ...form, from: { day: '31', month: '2', year: '2026' } })).toEqual({ messages: { from: 'Start date must be a real date' }, parts: { from: ['day'] } });
    expect(checkExportForm({ ...form, from: { day: '1', month: '11', year: '2026' }, to: { day: '1', month: '10', year: '2026' } }).messages).toEqual({
      to: 'End date must be the same as or after the start date',
    });
    expect(checkExportForm(form)).toEqual({ messages: {}, parts: {} });
  });

  it('gives the limit of an over-long purpose', () => {
    expect(checkExportForm({ ...form, purpose: 'x'.repeat(201) }).messages).toEqual({ purpose: 'Why the log is being disclosed must be 200 characters or fewer' });
  });

  it('sends the dates the boxes hold as ISO dates', () => {
    expect(exportInput({ ...form, from: { day: '1', month: '9', year: '2026' } }, '/x.pdf')).toMatchObject({ from: '2026-09-01' });
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
    expect(Object.keys(store.getState().exportLog.fieldErrors.messages)).toEqual(['purpose', 'recipient']);
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
    const refusal = { code: 'invalid-input', message: 'from: must not be after to', field: 'from', fields: [{ field: 'from', message: 'Start date must be the same as or before the end date' }] } as const;
    const { client } = fakeClient({ export: { ok: false, error: { ...refusal, fields: [...refusal.fields] } } });
    const store = createAppStore(client);
    store.getState().setExportField('purpose', 'Inspection');
    store.getState().setExportField('recipient', 'HMI Probation');
    await store.getState().runExport();
    expect(store.getState().exportLog.fieldErrors.messages).toEqual({ from: 'Start date must be the same as or before the end date' });
    expect(store.getState().exportLog.error).toBeNull();
  });

  it('shows a refusal for matching no reviews in its own words: beside the team it names, or in the summary', async () => {
    const run = async (error: { code: 'not-found'; message: string; field?: string }) => {
      const { client, log } = fakeClient({ export: { ok: false, error } });
      const store = createAppStore(client);
      store.getState().setExportField('purpose', 'Inspection');
      store.getState().setExportField('recipient', 'HMI Probation');
      await store.getState().runExport();
      expect(log.filter((l) => l.startsWith('deliver'))).toEqual([]);
      return store.getState().exportLog;
    };
    const team = await run({ code: 'not-found', message: 'No reviews match: no team N99Z99 in this caseload', field: 'team' });
    expect(team).toMatchObject({ error: null, done: null, attempt: 1, fieldErrors: { messages: { team: 'No reviews match: no team N99Z99 in this caseload' } } });
    const period = await run({ code: 'not-found', message: 'No reviews match: no reviews between 1 March 2026 and 31 March 2026' });
    expect(period).toMatchObject({ error: 'No reviews match: no reviews between 1 March 2026 and 31 March 2026', done: null, fieldErrors: { messages: {} } });
  });

  it('words a failure not about one field plainly, never with the engine’s text', async () => {
    const { client } = fakeClient({ export: { ok: false, error: { code: 'io', message: 'out: cannot write /x: EACCES', field: 'out' } } });
    const store = createAppStore(client);
    store.getState().setExportField('purpose', 'Inspection');
    store.getState().setExportField('recipient', 'HMI Probation');
    await store.getState().runExport();
    expect(store.getState().exportLog.error).toMatch(/^The oversight log was not exported: /);
    expect(store.getState().exportLog.error).not.toMatch(/EACCES|out:/);
  });
});

describe('verifying a file', () => {
  it('verifies the chosen file and keeps its name for the verdict', async () => {
    const verdict: ExportVerification = { intact: false, signature: { status: 'bad-signature' }, reason: 'the digest does not match the content' };
    const { client, log } = fakeClient({ verify: { ok: true, value: verdict } });
    const store = createAppStore(client);
    await store.getState().verifyFile(new File(['x'], 'received.pdf'));
    expect(log).toEqual(['choose received.pdf', 'log:verify {"path":"/uploads/received.pdf"}']);
    expect(store.getState().exportLog.verify).toEqual({ running: false, result: verdict, error: null, file: 'received.pdf' });
  });
});
