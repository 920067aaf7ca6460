import { describe, expect, it } from 'vitest';
import type { ImportReport, Operation, Profile } from '../../../db/contract/index.js';
import type { Client } from '../client.js';
import { createAppStore, type AppStore } from './index.js';
import { importChoice } from './import.js';
import type { Answers } from '../testing/fake-client.js';
import { noFiles } from '../testing/no-files.js';

const profile: Profile = { osUser: 'spo', name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01', updatedAt: '2026-11-20T10:00:00Z' };

function report(p: Partial<ImportReport> = {}): ImportReport {
  return {
    dryRun: true,
    committed: false,
    alreadyImported: false,
    files: [],
    cases: { new: 2, updated: 0, unchanged: 0, leftCaseload: 0 },
    rows: { registrations: 0, contacts: 0, staff: 0, needs: 0 },
    rejected: 0,
    errors: [],
    errorsOmitted: 0,
    warnings: [],
    unknownColumns: [],
    ...p,
  };
}

/** A client answering from a table, recording each call. */
function fakeClient(answers: Answers, host: Client['host'] = 'browser') {
  const calls: { op: Operation; input: unknown }[] = [];
  const client: Client = {
    host,
    call: (op, input, onProgress) => {
      calls.push({ op, input });
      onProgress?.({ phase: 'working', done: 1, total: 2 });
      const answer = answers[op];
      return Promise.resolve(answer ? answer(input) : { ok: false, error: { code: 'internal', message: `no answer for ${op}` } });
    },
    chooseExtractFolder: () => Promise.resolve({ ok: true, value: { paths: ['/extracts/2026-11'] } }),
    uploadExtract: (files) => Promise.resolve({ ok: true, value: { paths: [`/uploads/${String(files.length)}`] } }),
    ...noFiles,
    onMenuCommand: () => () => undefined,
  };
  return { client, calls };
}

let store: AppStore;

describe('starting the app', () => {
  it('asks who is using it when nobody has said', async () => {
    store = createAppStore(fakeClient({ 'profile:get': () => ({ ok: true, value: null }) }).client);
    await store.getState().start();
    expect(store.getState().route).toEqual({ screen: 'first-run' });
  });

  it('opens the caseload for someone it knows, and once they have said who they are', async () => {
    store = createAppStore(fakeClient({ 'profile:get': () => ({ ok: true, value: profile }) }).client);
    await store.getState().start();
    expect(store.getState().route).toEqual({ screen: 'home' });

    const { client } = fakeClient({ 'profile:get': () => ({ ok: true, value: null }), 'profile:set': () => ({ ok: true, value: profile }) });
    store = createAppStore(client);
    await store.getState().start();
    expect(await store.getState().saveProfile({ name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' })).toBeNull();
    expect(store.getState()).toMatchObject({ profile, route: { screen: 'home' } });
  });

  it('says why it could not start', async () => {
    store = createAppStore(fakeClient({ 'profile:get': () => ({ ok: false, error: { code: 'io', message: 'disk gone' } }) }).client);
    await store.getState().start();
    expect(store.getState()).toMatchObject({ route: { screen: 'starting' }, startupError: { message: 'disk gone' } });
  });
});

describe('an import', () => {

  it('checks the uploaded files, then imports them exactly as checked', async () => {
    const { client, calls } = fakeClient({
      'import:preview': () => ({ ok: true, value: report() }),
      'import:commit': () => ({ ok: true, value: report({ dryRun: false, committed: true }) }),
      'caseload:summary': () => ({ ok: true, value: { casesInCaseload: 2, casesLeft: 0, staff: 0, teams: 0, lastImport: null } }),
    });
    store = createAppStore(client);
    await store.getState().uploadExtract([new File(['x'], 'cases.csv')]);
    expect(store.getState().importFlow).toMatchObject({ stage: 'report', paths: ['/uploads/1'], source: 'cases.csv' });
    await store.getState().commitImport();
    expect(store.getState().importFlow.stage).toBe('imported');
    expect(calls.map((c) => c.op)).toEqual(['import:preview', 'import:commit', 'caseload:summary']);
    expect(calls[1]?.input).toEqual({ paths: ['/uploads/1'], skipInvalid: false });
    expect(store.getState().caseload.summary?.casesInCaseload).toBe(2);
  });

  it('reads a file as Windows-1252 only after the user confirms, and commits it that way', async () => {
    const question: NonNullable<ImportReport['encodingQuestion']> = [{ file: 'cases.csv', encoding: 'windows-1252', characters: [{ char: 'ë', line: 2 }] }];
    const { client, calls } = fakeClient({
      'import:preview': (input) => ({ ok: true, value: (input as { encoding?: string }).encoding ? report() : report({ encodingQuestion: question, errors: [{ file: 'cases.csv', reason: 'not UTF-8' }] }) }),
      'import:commit': () => ({ ok: true, value: report({ committed: true }) }),
      'caseload:summary': () => ({ ok: true, value: { casesInCaseload: 2, casesLeft: 0, staff: 0, teams: 0, lastImport: null } }),
    }, 'desktop');
    store = createAppStore(client);
    await store.getState().chooseExtractFolder();
    const first = store.getState().importFlow.report;
    expect(first && importChoice(first)).toBe('blocked');
    await store.getState().confirmEncoding();
    await store.getState().commitImport();
    expect(calls.map((c) => c.input)).toEqual([
      { paths: ['/extracts/2026-11'], skipInvalid: false },
      { paths: ['/extracts/2026-11'], skipInvalid: false, encoding: 'windows-1252' },
      { paths: ['/extracts/2026-11'], skipInvalid: false, encoding: 'windows-1252' },
      {},
    ]);
  });

  it('goes back to the report, saying nothing was imported, when the commit is refused', async () => {
    const refused = report({ rejected: 1, errors: [{ file: 'cases.csv', line: 2, column: 'crn', reason: 'bad' }] });
    const { client } = fakeClient({ 'import:preview': () => ({ ok: true, value: report() }), 'import:commit': () => ({ ok: true, value: refused }) });
    store = createAppStore(client);
    await store.getState().uploadExtract([new File(['x'], 'cases.csv')]);
    await store.getState().commitImport();
    expect(store.getState().importFlow).toMatchObject({ stage: 'report', report: refused, error: { message: expect.stringContaining('Nothing was imported') as string } });
  });

  it('asks for files before uploading nothing', async () => {
    const { client, calls } = fakeClient({});
    store = createAppStore(client);
    await store.getState().uploadExtract([]);
    expect(store.getState().importFlow).toMatchObject({ stage: 'choose', error: { field: 'files' } });
    expect(calls).toEqual([]);
  });
});

describe('what a dry-run report lets the user do', () => {
  it('import a clean extract; skip rows with errors only when every error is a row’s; nothing when already imported', () => {
    expect(importChoice(report())).toBe('import');
    expect(importChoice(report({ rejected: 1, errors: [{ file: 'cases.csv', line: 3, column: 'crn', reason: 'bad' }] }))).toBe('import-skipping');
    expect(importChoice(report({ errors: [{ file: 'cases.csv', line: 1, reason: 'unknown header' }] }))).toBe('blocked');
    expect(importChoice(report({ alreadyImported: true }))).toBe('already-imported');
  });
});

describe('the store', () => {
  it('resets to the state it was made with', async () => {
    store = createAppStore(fakeClient({ 'profile:get': () => ({ ok: true, value: profile }) }).client);
    await store.getState().start();
    store.getState().reset();
    expect(store.getState()).toMatchObject({ profile: null, route: { screen: 'starting' }, importFlow: { stage: 'choose' } });
  });
});
