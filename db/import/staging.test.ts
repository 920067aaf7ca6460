import { describe, expect, it } from 'vitest';
import { memoryDb, minimalExtract, writeExtract } from '../testing/extract.js';
import { runImport } from './run-import.js';
import { contactsInIndexOrder } from './snapshot.js';
import { contactsStagedInOrder, createStaging, dropStaging } from './staging.js';

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
});
