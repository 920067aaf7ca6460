import { describe, expect, it } from 'vitest';
import { headers, checksum, minimalExtract } from '../testing/extract.js';
import type { InputOf, Operation } from '../contract/index.js';
import { fixture, importExtract, ok, review, TODAY } from './testing/fixture.js';

function evidence(db: Fixture['db']) {
  return db.prepare('SELECT crn, review_date, review_type FROM review_evidence ORDER BY crn, review_date').all();
}
type Fixture = Awaited<ReturnType<typeof fixture>>;

describe('recording an oversight review', () => {
  it('stores every field with a snapshot of what the SPO saw, and the suggested nDelius contact code', async () => {
    const { service } = await fixture();
    const r = await ok(service.call('reviews:record', review()));
    expect(r.id).toBeGreaterThan(0);
    expect(r.versions).toHaveLength(1);
    expect(r.countsAsEvidence).toBe(true);
    const v = r.current;
    expect(v).toMatchObject({
      version: 1,
      action: 'recorded',
      reason: null,
      crn: 'X000001',
      type: 'management-oversight',
      date: '2026-11-20',
      spo: { name: 'Sam Senior', staffCode: 'N99S001' },
      triggers: ['OVERSIGHT-NEW'],
      checks: [
        { item: 'risk-assessment', outcome: 'checked', note: null, requestedOn: null, responseOn: null },
        { item: 'police-da', outcome: 'not-available', note: 'Requested from police on 2026-11-18', requestedOn: null, responseOn: null, enter: [] },
      ],
      decision: 'Continue with weekly reporting.',
      actions: [{ text: 'Chase police DA response', owner: 'Pat Example', due: '2026-12-04' }],
      nextReviewDate: '2027-02-12',
      ndelius: { contactCode: 'MO1', contactId: null },
      recordedAt: '2026-11-23T10:00:00.000Z',
      recordedByOs: 'spo-test',
    });
    expect(v.snapshot).toMatchObject({
      asOf: TODAY,
      crn: 'X000001',
      inCaseload: true,
      tier: 'B2',
      rosh: { level: 'HIGH', assessedOn: '2026-09-10' },
      effectiveRosh: { level: 'HIGH', source: 'registration', registrationCode: 'RHRH', registeredOn: '2026-09-10' },
      mappa: null,
      registrations: [{ code: 'RHRH', level: null, category: null, registrationDate: '2026-09-10', nextReviewDate: '2027-03-10' }],
      practitioner: { staffCode: 'N99P001', name: 'Pat Example', grade: 'PSM' },
      team: { code: 'N99T01', name: 'Team One', pduCode: 'N99PDU', pduName: 'Example PDU' },
    });
  });

  it('takes the MAPPA category and level into the snapshot and suggests C281 for a MAPPA level 1 review', async () => {
    const { service } = await fixture();
    const r = await ok(service.call('reviews:record', review({ crn: 'X000002', type: 'mappa-l1-review', triggers: ['MAPPA-L1-REVIEW'] })));
    expect(r.current.snapshot.mappa).toEqual({ category: 'M2', level: 'M1', registrationDate: '2025-03-02' });
    expect(r.current.ndelius.contactCode).toBe('C281');
  });

  it('assumes no contact code for allocation oversight, and keeps the one the user gives', async () => {
    const { service } = await fixture();
    const none = await ok(service.call('reviews:record', review({ type: 'allocation-oversight' })));
    expect(none.current.ndelius.contactCode).toBeNull();
    const given = await ok(service.call('reviews:record', review({ type: 'allocation-oversight', ndeliusContactCode: 'spoa', ndeliusContactId: '123456789' })));
    expect(given.current.ndelius).toEqual({ contactCode: 'SPOA', contactId: '123456789' });
  });

  it('counts as evidence once recorded', async () => {
    const { service, db } = await fixture();
    await ok(service.call('reviews:record', review()));
    expect(evidence(db)).toEqual([{ crn: 'X000001', review_date: '2026-11-20', review_type: 'management-oversight' }]);
  });

  it('refreshes the case flags at once: onCasesChanged gets the CRN after each committed change', async () => {
    const { service, changed } = await fixture();
    const r = await ok(service.call('reviews:record', review()));
    expect(changed).toEqual([['X000001']]);
    await ok(service.call('reviews:amend', { id: r.id, reason: 'wrong date', date: '2026-11-21' }));
    await ok(service.call('reviews:withdraw', { id: r.id, reason: 'entered on the wrong case' }));
    expect(changed).toEqual([['X000001'], ['X000001'], ['X000001']]);
  });

  it('keeps the review when the flag refresh fails', async () => {
    const { db } = await fixture();
    const { createService } = await import('../service/index.js');
    const service = createService({
      db,
      osUser: 'spo-test',
      now: () => new Date('2026-11-23T10:00:00Z'),
      dataDir: '.',
      onCasesChanged: () => {
        throw new Error('rules engine down');
      },
    });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const r = await service.call('reviews:record', review());
      expect(r.ok).toBe(true);
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
    expect(evidence(db)).toHaveLength(1);
  });
});

describe('checks with their evidence, and referrals per need', () => {
  it('keeps each check’s request and response dates and outcome in words, and names the nDelius contacts to enter', async () => {
    const { service } = await fixture();
    const checks = [
      { item: 'police-da', outcome: 'checked', requestedOn: '2026-11-10', responseOn: '2026-11-17', note: 'Two call-outs found, shared with the practitioner' },
      { item: 'childrens-services', outcome: 'requested', requestedOn: '2026-11-20' },
      { item: 'rmp', outcome: 'action-needed', note: 'Plan does not cover the new partner' },
      {
        item: 'referrals',
        referrals: [
          { need: 'drug', answer: 'referred', service: 'Forward Trust', date: '2026-11-20' },
          { need: 'FINANCE', answer: 'not-referred', reason: 'Already working with Citizens Advice' },
          { need: 'ETE', answer: 'declined' },
        ],
      },
    ] satisfies NonNullable<InputOf<'reviews:record'>['checks']>;
    const r = await ok(service.call('reviews:record', review({ checks })));
    expect(r.current.checks).toEqual([
      {
        item: 'police-da',
        outcome: 'checked',
        note: 'Two call-outs found, shared with the practitioner',
        requestedOn: '2026-11-10',
        responseOn: '2026-11-17',
        referrals: [],
        enter: [
          { for: 'request', code: 'C369', date: '2026-11-10' },
          { for: 'response', code: 'C515', date: '2026-11-17' },
        ],
      },
      { item: 'childrens-services', outcome: 'requested', note: null, requestedOn: '2026-11-20', responseOn: null, referrals: [], enter: [{ for: 'request', code: 'SFGC', date: '2026-11-20' }] },
      { item: 'rmp', outcome: 'action-needed', note: 'Plan does not cover the new partner', requestedOn: null, responseOn: null, referrals: [], enter: [] },
      {
        item: 'referrals',
        outcome: 'checked',
        note: null,
        requestedOn: null,
        responseOn: null,
        referrals: [
          { need: 'DRUG', answer: 'referred', service: 'Forward Trust', date: '2026-11-20', reason: null },
          { need: 'FINANCE', answer: 'not-referred', service: null, date: null, reason: 'Already working with Citizens Advice' },
          { need: 'ETE', answer: 'declined', service: null, date: null, reason: null },
        ],
        enter: [{ for: 'referral', code: 'CLDR', date: '2026-11-20' }],
      },
    ]);
    // Read back from the database, not only as written.
    const again = await ok(service.call('reviews:get', { id: r.id }));
    expect(again.current.checks).toEqual(r.current.checks);
  });

  it('reads a check stored before checks had dates as one with none', async () => {
    const { service, db } = await fixture();
    const r = await ok(service.call('reviews:record', review()));
    const triggers = db.prepare<[], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'reviews'`).all();
    for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
    db.prepare(`UPDATE reviews SET checks_json = ? WHERE review_id = ?`).run(JSON.stringify([{ item: 'police-da', outcome: 'not-available', note: 'old' }]), r.id);
    for (const t of triggers) db.exec(t.sql);
    const back = await ok(service.call('reviews:get', { id: r.id }));
    expect(back.current.checks).toEqual([{ item: 'police-da', outcome: 'not-available', note: 'old', requestedOn: null, responseOn: null, referrals: [], enter: [] }]);
  });
});

describe('amending and withdrawing', () => {
  it('an amendment is a new version that supersedes the old one as evidence; the old one stays', async () => {
    const { service, db } = await fixture();
    const r = await ok(service.call('reviews:record', review()));
    const a = await ok(service.call('reviews:amend', { id: r.id, reason: 'review took place a day later', date: '2026-11-21', decision: 'Move to fortnightly reporting.' }));
    expect(a.id).toBe(r.id);
    expect(a.versions.map((v) => [v.version, v.action, v.reason])).toEqual([
      [1, 'recorded', null],
      [2, 'amended', 'review took place a day later'],
    ]);
    expect(a.current).toMatchObject({ date: '2026-11-21', decision: 'Move to fortnightly reporting.', analysis: r.current.analysis, checks: r.current.checks });
    // The snapshot is what the SPO saw when the review was first recorded.
    expect(a.current.snapshot).toEqual(r.current.snapshot);
    expect(evidence(db)).toEqual([{ crn: 'X000001', review_date: '2026-11-21', review_type: 'management-oversight' }]);
    expect(db.prepare('SELECT count(*) FROM reviews').pluck().get()).toBe(2);
  });

  it('clears optional fields given as null and replaces lists whole', async () => {
    const { service } = await fixture();
    const r = await ok(service.call('reviews:record', review()));
    const a = await ok(service.call('reviews:amend', { id: r.id, reason: 'no further review planned', nextReviewDate: null, actions: [], checks: [{ item: 'rmp' }] }));
    expect(a.current.nextReviewDate).toBeNull();
    expect(a.current.actions).toEqual([]);
    expect(a.current.checks).toEqual([{ item: 'rmp', outcome: 'checked', note: null, requestedOn: null, responseOn: null, referrals: [], enter: [] }]);
  });

  it('records the nDelius contact ID once entered', async () => {
    const { service } = await fixture();
    const r = await ok(service.call('reviews:record', review()));
    const a = await ok(service.call('reviews:amend', { id: r.id, reason: 'entered in nDelius', ndeliusContactId: '2500012345' }));
    expect(a.current.ndelius).toEqual({ contactCode: 'MO1', contactId: '2500012345' });
  });

  it('a retyped review not yet in nDelius takes the new type’s suggested code', async () => {
    const { service } = await fixture();
    const r = await ok(service.call('reviews:record', review({ crn: 'X000002' })));
    const a = await ok(service.call('reviews:amend', { id: r.id, reason: 'it was the MAPPA level 1 review', type: 'mappa-l1-review' }));
    expect(a.current.ndelius.contactCode).toBe('C281');
  });

  it('a withdrawn review never counts as evidence, but stays in the log with its reason', async () => {
    const { service, db } = await fixture();
    const r = await ok(service.call('reviews:record', review()));
    await ok(service.call('reviews:amend', { id: r.id, reason: 'typo', decision: 'Continue.' }));
    const w = await ok(service.call('reviews:withdraw', { id: r.id, reason: 'entered on the wrong case' }));
    expect(w.withdrawn).toBe(true);
    expect(w.countsAsEvidence).toBe(false);
    expect(w.versions.map((v) => v.action)).toEqual(['recorded', 'amended', 'withdrawn']);
    expect(w.current.reason).toBe('entered on the wrong case');
    expect(evidence(db)).toEqual([]);
    const listed = await ok(service.call('reviews:list', { crn: 'x000001' }));
    expect(listed.reviews.map((x) => [x.id, x.withdrawn, x.versions.length])).toEqual([[r.id, true, 3]]);
    expect(await ok(service.call('reviews:get', { id: r.id }))).toEqual(w);
  });

  it('lists a case’s reviews newest first, each with all its versions', async () => {
    const { service } = await fixture();
    const a = await ok(service.call('reviews:record', review({ date: '2026-10-01', nextReviewDate: '2026-12-24', actions: [] })));
    const b = await ok(service.call('reviews:record', review({ date: '2026-11-22' })));
    await ok(service.call('reviews:amend', { id: a.id, reason: 'analysis added', analysis: 'More detail.' }));
    const listed = await ok(service.call('reviews:list', { crn: 'X000001' }));
    expect(listed.reviews.map((x) => [x.id, x.versions.length])).toEqual([
      [b.id, 1],
      [a.id, 2],
    ]);
  });

  it('answers not-found for an unknown review', async () => {
    const { service } = await fixture();
    const r = await service.call('reviews:get', { id: 999 });
    expect(r).toEqual({ ok: false, error: { code: 'not-found', message: 'id: no review 999', field: 'id' } });
  });
});

describe('refusals write nothing', () => {
  type Refusal = [string, Operation, (id: number) => unknown, string];
  const refusals: Refusal[] = [
    ['a missing decision', 'reviews:record', () => ({ ...review(), decision: undefined }), 'decision'],
    ['a blank SPO name', 'reviews:record', () => review({ spo: { name: '   ' } }), 'spo.name'],
    ['a missing date', 'reviews:record', () => ({ ...review(), date: undefined }), 'date'],
    ['a missing type', 'reviews:record', () => ({ ...review(), type: undefined }), 'type'],
    ['an unknown review type', 'reviews:record', () => ({ ...review(), type: 'coffee' }), 'type'],
    ['an unknown check item', 'reviews:record', () => ({ ...review(), checks: [{ item: 'horoscope' }] }), 'checks.0.item'],
    ['a check listed twice', 'reviews:record', () => review({ checks: [{ item: 'rmp' }, { item: 'rmp' }] }), 'checks'],
    ['an action without an owner', 'reviews:record', () => ({ ...review(), actions: [{ text: 'x', due: '2026-12-01' }] }), 'actions.0.owner'],
    ['a date in the future', 'reviews:record', () => review({ date: '2026-11-24' }), 'date'],
    ['a date that is not a calendar date', 'reviews:record', () => review({ date: '2026-02-30' }), 'date'],
    ['an unknown CRN', 'reviews:record', () => review({ crn: 'X999999' }), 'crn'],
    ['a malformed CRN', 'reviews:record', () => review({ crn: '12345' }), 'crn'],
    ['a CRN that has left the caseload', 'reviews:record', () => review({ crn: 'X000002' }), 'crn'],
    ['a check awaiting its response with no request date', 'reviews:record', () => review({ checks: [{ item: 'police-da', outcome: 'requested' }] }), 'checks.0.requestedOn'],
    ['a response before its request', 'reviews:record', () => review({ checks: [{ item: 'police-da', requestedOn: '2026-11-10', responseOn: '2026-11-09' }] }), 'checks.0.responseOn'],
    ['a request in the future', 'reviews:record', () => review({ checks: [{ item: 'childrens-services', outcome: 'requested', requestedOn: '2026-11-24' }] }), 'checks.0.requestedOn'],
    ['request dates on the referrals check', 'reviews:record', () => review({ checks: [{ item: 'referrals', requestedOn: '2026-11-10' }] }), 'checks.0.requestedOn'],
    ['a referral with no service', 'reviews:record', () => review({ checks: [{ item: 'referrals', referrals: [{ need: 'DRUG', answer: 'referred', date: '2026-11-20' }] }] }), 'checks.0.referrals.0.service'],
    ['no referral with no reason', 'reviews:record', () => review({ checks: [{ item: 'referrals', referrals: [{ need: 'DRUG', answer: 'not-referred' }] }] }), 'checks.0.referrals.0.reason'],
    [
      'a referral dated in the future',
      'reviews:record',
      () => review({ checks: [{ item: 'referrals', referrals: [{ need: 'DRUG', answer: 'referred', service: 'Forward Trust', date: '2026-11-30' }] }] }),
      'checks.0.referrals.0.date',
    ],
    ['a next review date before the review date', 'reviews:record', () => review({ nextReviewDate: '2026-11-19' }), 'nextReviewDate'],
    ['an action due before the review date', 'reviews:record', () => review({ actions: [{ text: 'x', owner: 'y', due: '2026-11-01' }] }), 'actions.0.due'],
    ['a MAPPA level 1 review of a case with no MAPPA registration', 'reviews:record', () => review({ type: 'mappa-l1-review' }), 'type'],
    ['an amendment retyping a review as a MAPPA level 1 review of a case with no MAPPA registration', 'reviews:amend', (id) => ({ id, reason: 'r', type: 'mappa-l1-review' }), 'type'],
    ['an amendment without a reason', 'reviews:amend', (id) => ({ id, decision: 'x' }), 'reason'],
    ['an amendment with a blank reason', 'reviews:amend', (id) => ({ id, reason: ' ', decision: 'x' }), 'reason'],
    ['an amendment that changes nothing', 'reviews:amend', (id) => ({ id, reason: 'r', decision: 'Continue with weekly reporting.' }), 'id'],
    ['an amendment moving the date into the future', 'reviews:amend', (id) => ({ id, reason: 'r', date: '2026-12-01' }), 'date'],
    ['an amendment of an unknown review', 'reviews:amend', () => ({ id: 999, reason: 'r', decision: 'x' }), 'id'],
    ['an amendment of a withdrawn review', 'reviews:amend', (id) => ({ id: id + 1, reason: 'r', decision: 'x' }), 'id'],
    ['a withdrawal without a reason', 'reviews:withdraw', (id) => ({ id }), 'reason'],
    ['a withdrawal of an unknown review', 'reviews:withdraw', () => ({ id: 999, reason: 'r' }), 'id'],
    ['a second withdrawal', 'reviews:withdraw', (id) => ({ id: id + 1, reason: 'r' }), 'id'],
  ];

  it.each(refusals)('refuses %s, naming the field', async (_what, op, input, field) => {
    const f = await fixture();
    const first = await ok(f.service.call('reviews:record', review()));
    // A second review, withdrawn, for the refusals that need one.
    const second = await ok(f.service.call('reviews:record', review({ date: '2026-11-19', nextReviewDate: '2026-12-01', actions: [] })));
    expect(second.id).toBe(first.id + 1);
    await ok(f.service.call('reviews:withdraw', { id: second.id, reason: 'duplicate' }));
    // X000002 leaves the caseload with the next import.
    const files = minimalExtract();
    files['cases.csv'] = `${headers.cases}\nX000001,Ann Example,1980-01-02,N99P001,2026-09-17,COMMUNITY,Community Order,B2,HIGH,2026-09-10\n`;
    files['registrations.csv'] = `${headers.registrations}\nX000001,RHRH,,,2026-09-10,2027-03-10,\n`;
    files['contacts.csv'] = `${headers.contacts}\nX000001,1001,2026-09-20,COAP,N99P001\n`;
    files['needs.csv'] = `${headers.needs}\nX000001,DRUG,SEVERE,Y,N\n`;
    await importExtract(f.db, files);
    const calls = f.changed.length;

    const before = checksum(f.db);
    const result = await f.service.call(op, input(first.id) as InputOf<typeof op>);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.field).toBe(field);
      expect(result.error.message.startsWith(`${field}: `)).toBe(true);
    }
    expect(checksum(f.db)).toBe(before);
    expect(f.changed.length).toBe(calls);
  });

  it('refuses edits and deletions at the schema, whatever the caller', async () => {
    const { service, db } = await fixture();
    await ok(service.call('reviews:record', review()));
    expect(() => db.prepare(`UPDATE reviews SET decision = 'x'`).run()).toThrow(/never edited in place/);
    expect(() => db.prepare('DELETE FROM reviews').run()).toThrow(/never deleted/);
  });

  it('a review dated today in London is accepted late in the evening UTC', async () => {
    // 23:30 UTC on 31 March 2027 is 00:30 on 1 April in London (BST): 2027-04-01 is today.
    const { db } = await fixture();
    const { createService } = await import('../service/index.js');
    const service = createService({ db, osUser: 'spo-test', now: () => new Date('2027-03-31T23:30:00Z'), dataDir: '.', onCasesChanged: () => undefined });
    const r = await service.call('reviews:record', review({ date: '2027-04-01', nextReviewDate: '2027-06-01', actions: [] }));
    expect(r.ok).toBe(true);
  });
});

describe('a review must fit the case', () => {
  // X000002: MAPP level M1 (category M2) since 2025-03-02 in the minimal extract.
  it('refuses a MAPPA level 1 review dated before the MAPP registration, in words an SPO reads', async () => {
    const { service } = await fixture();
    const r = await service.call('reviews:record', review({ crn: 'X000002', type: 'mappa-l1-review', date: '2025-03-01', nextReviewDate: undefined, actions: [] }));
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        field: 'type',
        message:
          'type: a MAPPA level 1 review can be recorded only for a case managed at MAPPA level 1 on the review date; on 1 March 2025 X000002 had no active MAPPA registration (MAPP). Record a management oversight review instead',
      },
    });
  });

  it('accepts it from the registration date on', async () => {
    const { service } = await fixture();
    await ok(service.call('reviews:record', review({ crn: 'X000002', type: 'mappa-l1-review', date: '2025-03-02', nextReviewDate: undefined, actions: [] })));
  });

  it('refuses it for a case managed at another MAPPA level, naming the level', async () => {
    const files = minimalExtract();
    files['registrations.csv'] = `${headers.registrations}\nX000001,RHRH,,,2026-09-10,2027-03-10,\nX000002,MAPP,M2,M2,2025-03-02,2026-12-01,\n`;
    const { service } = await fixture({ files });
    const r = await service.call('reviews:record', review({ crn: 'X000002', type: 'mappa-l1-review' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('on 20 November 2026 X000002 was managed at MAPPA level 2 (MAPP registration of 2 March 2025)');
  });

  it('keeps a MAPPA level 1 review recorded while the case was at level 1 as evidence after the level changes, and lets it be corrected', async () => {
    const f = await fixture();
    const r = await ok(f.service.call('reviews:record', review({ crn: 'X000002', type: 'mappa-l1-review' })));
    const files = minimalExtract();
    files['registrations.csv'] = `${headers.registrations}\nX000001,RHRH,,,2026-09-10,2027-03-10,\nX000002,MAPP,M2,M2,2025-03-02,2026-12-01,\n`;
    await importExtract(f.db, files);
    expect(evidence(f.db)).toEqual([{ crn: 'X000002', review_date: '2026-11-20', review_type: 'mappa-l1-review' }]);
    const a = await ok(f.service.call('reviews:amend', { id: r.id, reason: 'decision worded better', decision: 'Level 1 management continues.' }));
    expect(a.current).toMatchObject({ type: 'mappa-l1-review', decision: 'Level 1 management continues.' });
    const moved = await f.service.call('reviews:amend', { id: r.id, reason: 'wrong date', date: '2026-11-19' });
    expect(moved.ok ? null : moved.error.field).toBe('type');
  });
});
