import { describe, expect, it } from 'vitest';
import { importExtract, NOW, ok, review } from '../reviews/testing/fixture.js';
import { headers, memoryDb, tempDir } from '../testing/extract.js';
import { createService } from './index.js';

/**
 * X000001, high RoSH with a domestic-abuse registration on 2026-10-01 and no police request: its
 * police check is overdue (due 2026-10-11). A review recording the check does not clear the flag
 * (the extract is the evidence) but says it was done.
 */
async function setup() {
  const db = memoryDb();
  await importExtract(db, {
    'cases.csv': `${headers.cases}\nX000001,Alex Example,,P1,2026-09-17,,,,HIGH,2026-09-01\n`,
    'registrations.csv': `${headers.registrations}\nX000001,ADVP,,,2026-10-01,,\n`,
    'contacts.csv': `${headers.contacts}\n`,
    'staff.csv': `${headers.staff}\nP1,Pat One,PSM,T1,,,,,\n`,
    'needs.csv': `${headers.needs}\n`,
  });
  return createService({ db, osUser: 'spo-test', now: () => NOW, dataDir: tempDir() });
}

describe('a check the SPO recorded in a review', () => {
  it('marks the flag it answers, on the case and in the queue, while the flag stays until the extract shows the contact', async () => {
    const service = await setup();
    const before = await ok(service.call('cases:open', { crn: 'X000001' }));
    expect(before.flags.rules.find((r) => r.rule === 'DA-POLICE-CHECK')?.recorded).toBeUndefined();
    const r = await ok(
      service.call('reviews:record', review({ date: '2026-11-20', checks: [{ item: 'police-da', outcome: 'not-available', note: 'Requested from police on 2026-11-18' }] })),
    );
    const after = await ok(service.call('cases:open', { crn: 'X000001' }));
    const police = after.flags.rules.find((x) => x.rule === 'DA-POLICE-CHECK');
    expect(police).toMatchObject({ status: 'overdue', recorded: { reviewId: r.id, reviewDate: '2026-11-20', item: 'police-da', outcome: 'not-available' } });
    const queue = await ok(service.call('flags:queue', { rules: ['DA-POLICE-CHECK'] }));
    expect(queue.rows[0]?.flags[0]?.recorded).toMatchObject({ reviewId: r.id, outcome: 'not-available' });
    // Another rule's flag is not marked by this check.
    expect(after.flags.rules.filter((x) => x.rule !== 'DA-POLICE-CHECK' && x.recorded)).toEqual([]);
  });

  it('does not answer a flag raised after the review, nor once the review is withdrawn', async () => {
    const service = await setup();
    // Dated before the registration that raised the flag.
    const early = await ok(service.call('reviews:record', review({ date: '2026-09-20', checks: [{ item: 'police-da', outcome: 'checked' }] })));
    expect((await ok(service.call('cases:open', { crn: 'X000001' }))).flags.rules.find((x) => x.rule === 'DA-POLICE-CHECK')?.recorded).toBeUndefined();
    const later = await ok(service.call('reviews:record', review({ date: '2026-11-20', checks: [{ item: 'police-da', outcome: 'checked' }] })));
    expect((await ok(service.call('cases:open', { crn: 'X000001' }))).flags.rules.find((x) => x.rule === 'DA-POLICE-CHECK')?.recorded?.reviewId).toBe(later.id);
    await ok(service.call('reviews:withdraw', { id: later.id, reason: 'wrong case' }));
    expect((await ok(service.call('cases:open', { crn: 'X000001' }))).flags.rules.find((x) => x.rule === 'DA-POLICE-CHECK')?.recorded).toBeUndefined();
    expect(early.id).toBeLessThan(later.id);
  });
});
