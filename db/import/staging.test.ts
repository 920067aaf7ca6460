import { describe, expect, it } from 'vitest';
import { memoryDb } from '../testing/extract.js';
import { contactsInIndexOrder } from './snapshot.js';
import { createStaging, dropStaging } from './staging.js';

describe('import staging', () => {
  it("gives the commit contacts in their main index's order through the staging index, with no sort in memory", () => {
    const db = memoryDb();
    createStaging(db);
    const plan = db
      .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${contactsInIndexOrder('crn, contact_date')}`)
      .all()
      .map((r) => r.detail);
    expect(plan.join('\n')).toMatch(/stage_contacts_order/);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
    dropStaging(db);
    expect(db.prepare(`SELECT count(*) FROM pragma_database_list WHERE name = 'stage'`).pluck().get()).toBe(0);
  });
});
