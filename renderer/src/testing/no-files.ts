import type { Client } from '../client.js';

const unused = () => Promise.resolve({ ok: false, error: { code: 'internal', message: 'not used in this test' } } as const);

/** The client's file functions, for a fake client in a test that never exports or verifies. */
export const noFiles: Pick<Client, 'chooseExportTarget' | 'deliverExport' | 'chooseFileToVerify'> = {
  chooseExportTarget: unused,
  deliverExport: unused,
  chooseFileToVerify: unused,
};
