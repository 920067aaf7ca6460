import { describe, expect, it } from 'vitest';
import { memoryDb, minimalExtract, writeExtract } from '../testing/extract.js';
import { runImport } from './run-import.js';
import { contactsInIndexOrder } from './snapshot.js';
import { contactsStagedInOrder, createStaging, dropStaging, Stager, stagingTable } from './staging.js';

async function importedContacts(stageInMemoryBytes: number): Promise<unknown[]> {
  // Contacts out of CRN order, as an extract may list them.
  const rows = Array.from({ length: 500 }, (_, i) => `X00000${String((i % 2) + 1)},${String(5000 - i)},2026-${String((i % 9) + 1).padStart(2, '0')}-1${String(i % 10)},${i % 3 ? 'C281' : 'COAP'},N99P001`);
  const files = minimalExtract();
  const dir = writeExtract({ ...files, 'contacts.csv': `${String(files['contacts.csv'])}${rows.join('\n')}\n` });
  const db = memoryDb();
  const report = await runImport(db, { paths: [dir], skipInvalid: false, commit: true, osUser: 'spo-test', now: () => new Date(), limits: { stageInMemoryBytes } });
  expect(report.committed).toBe(true);
  return db.prepare('SELECT contact_id, crn, contact_date, contact_type_code, staff_code, raw_json FROM contacts ORDER BY contact_id').all();
}

describe('import staging', () => {
  it('commits the same contacts whether the extract was staged for an in-order copy or sorted at the commit', async () => {
    const inOrder = await importedContacts(0);
    expect(inOrder).toHaveLength(502);
    expect(await importedContacts(Number.MAX_SAFE_INTEGER)).toEqual(inOrder);
  });

  it("gives the commit contacts in their main index's order through the staging index, with no sort in memory", () => {
    const db = memoryDb();
    createStaging(db, true);
    const plan = db
      .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${contactsInIndexOrder('crn, contact_date')}`)
      .all()
      .map((r) => r.detail);
    expect(plan.join('\n')).toMatch(/stage_contacts_order/);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
    dropStaging(db);
    expect(db.prepare(`SELECT count(*) FROM pragma_database_list WHERE name = 'stage'`).pluck().get()).toBe(0);
  });

  it('stages a small extract without that index: its keys are sorted once, in memory, at the commit', () => {
    const db = memoryDb();
    createStaging(db, false);
    expect(contactsStagedInOrder(db)).toBe(false);
    dropStaging(db);
    createStaging(db, true);
    expect(contactsStagedInOrder(db)).toBe(true);
  });

  it('never leaves its transaction open across an await: other work running while a large file is read is never inside it', async () => {
    // About 3 MiB of contacts: several chunks of the file, each staged in its own transaction.
    const rows = Array.from({ length: 60_000 }, (_, i) => `X00000${String((i % 2) + 1)},${String(10_000 + i)},2026-0${String((i % 9) + 1)}-1${String(i % 10)},COAP,N99P001`);
    const files = minimalExtract();
    const dir = writeExtract({ ...files, 'contacts.csv': `${String(files['contacts.csv'])}${rows.join('\n')}\n` });
    const db = memoryDb();
    const seen: boolean[] = [];
    let reading = true;
    const watch = (): void => {
      seen.push(db.inTransaction);
      if (reading) setImmediate(watch);
    };
    setImmediate(watch);
    const report = await runImport(db, { paths: [dir], skipInvalid: false, commit: false, osUser: 'spo-test', now: () => new Date(), limits: { stageInMemoryBytes: 0 } });
    reading = false;
    expect(report.rows.contacts).toBe(60_002);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((open) => !open)).toBe(true);
  });

  it('rolls back the rows of a chunk that did not finish, and keeps those of chunks that did', () => {
    const db = memoryDb();
    createStaging(db, false);
    const stager = new Stager(db);
    const row = (id: string, line: number) => ({ bind: ['X000001', id, '2026-09-01', 'COAP', null, null, null, 'contacts.csv', line], file: 'contacts.csv', line });
    expect(stager.add('contacts', row('1', 2))).toEqual([]);
    stager.endChunk();
    expect(stager.add('contacts', row('1', 3))).toEqual([{ row: row('1', 3), first: { file: 'contacts.csv', line: 2 } }]);
    stager.add('contacts', row('2', 4));
    expect(db.inTransaction).toBe(true);
    stager.abort();
    expect(db.inTransaction).toBe(false);
    expect(db.prepare(`SELECT contact_id FROM ${stagingTable('contacts')}`).pluck().all()).toEqual(['1']);
    dropStaging(db);
  });
});
