import { describe, expect, it } from 'vitest';
import type { FlagsReport, InputOf, Operation, ResultOf } from '../contract/index.js';
import { readFlagState } from '../rules/refresh.js';
import { headers, memoryDb, minimalExtract, tempDir, writeExtract, type ExtractFiles } from '../testing/extract.js';
import { createService } from './index.js';

/** A service over an in-memory database whose clock the test moves. */
function setup(today = '2026-11-23') {
  const db = memoryDb();
  let now = new Date(`${today}T10:00:00Z`);
  const service = createService({ db, osUser: 'tester', now: () => now, dataDir: tempDir() });
  const call = async <O extends Operation>(op: O, input: InputOf<O>): Promise<ResultOf<O>> => {
    const r = await service.call(op, input);
    if (!r.ok) throw new Error(`${op}: ${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  return {
    db,
    service,
    call,
    setToday: (d: string) => {
      now = new Date(`${d}T10:00:00Z`);
    },
    importFiles: (files: ExtractFiles) => call('import:commit', { paths: [writeExtract(files)] }),
  };
}

const policy = {
  newCaseOversightDays: 15,
  oversightIntervalDays: 84,
  mappaL1ReviewDays: 112,
  roshMissingDays: 15,
  roshReassessmentDays: 365,
  checkRequestDays: 10,
  checkResponseDays: 14,
  referralDays: 56,
  dueSoonDays: 14,
  capacityThreshold: 1,
  oversightContactCodes: ['MO1', 'MO8', 'CSPO', 'C053'],
  mappaReviewContactCodes: ['C281'],
  domesticAbuseCodes: ['ADVP', 'REG30'],
  policeCheckRequestCodes: ['C369'],
  policeCheckResponseCodes: ['C515'],
  childSafeguardingCodes: ['RCCO', 'RCPR', 'RCHD'],
  childrenCheckRequestCodes: ['SFGC'],
  childrenCheckResponseCodes: ['SFRR'],
  referralNeeds: ['DRUG', 'ALCOHOL', 'ETE', 'FINANCE'],
  referralCodes: { DRUG: ['CLDR', 'CGRF'], ALCOHOL: ['CLDR', 'CGRF'], ETE: ['CGRF'], FINANCE: ['C347', 'CGRF'] },
  restrictedGrades: ['PSQ'],
};

/**
 * minimalExtract() by hand, as of 2026-11-23:
 * - X000001: RHRH since 2026-09-10, allocated 2026-09-17, no oversight → OVERSIGHT-NEW due
 *   2026-10-02 (52 days); DRUG severe need, no CLDR/CGRF → NEED-REFERRAL due 09-17 + 56 = 11-12 (11).
 * - X000002: MAPP M1 since 2025-03-02, allocated 2025-03-01, low RoSH, no oversight →
 *   OVERSIGHT-NEW due 03-02 + 15 = 2025-03-17 (616 days); RoSH assessed 2025-03-05 → ROSH-STALE due
 *   2026-03-05 (263); MAPP next review 2026-12-01 → due soon in 8 days; C281 on 2026-10-01 →
 *   MAPPA-L1-REVIEW due 2027-01-21, not yet.
 * - N99P001: 124 of 100 points.
 */
const expected: FlagsReport = {
  asOf: '2026-11-23',
  policy,
  caseFlags: [
    {
      crn: 'X000002',
      rule: 'OVERSIGHT-NEW',
      dueDate: '2025-03-17',
      daysOverdue: 616,
      reason: 'MAPPA level 1 (MAPP since 2025-03-02); no management oversight since allocation on 2025-03-01; first oversight counted from 2025-03-02, when the case came into scope',
    },
    { crn: 'X000002', rule: 'ROSH-STALE', dueDate: '2026-03-05', daysOverdue: 263, reason: 'OASys RoSH assessment dated 2025-03-05 (LOW); reassessment due 365 days later' },
    {
      crn: 'X000001',
      rule: 'OVERSIGHT-NEW',
      dueDate: '2026-10-02',
      daysOverdue: 52,
      reason: 'High RoSH (RHRH since 2026-09-10); no management oversight since allocation on 2026-09-17',
    },
    {
      crn: 'X000001',
      rule: 'NEED-REFERRAL',
      dueDate: '2026-11-12',
      daysOverdue: 11,
      reason: 'No referral since allocation on 2026-09-17 for DRUG (severe, linked to harm; no CLDR or CGRF contact)',
    },
  ],
  dueSoon: [{ crn: 'X000002', rule: 'REGISTRATION-REVIEW', dueDate: '2026-12-01', daysUntilDue: 8, reason: 'Registration review due: MAPP (registered 2025-03-02) on 2026-12-01' }],
  staffFlags: [{ staffCode: 'N99P001', rule: 'PRACTITIONER-CAPACITY', reason: '124% of available points' }],
  notEvaluated: [],
};

describe('flags:evaluate', () => {
  it('gives the JSON of oversight-rules.md exactly, end to end from an import', async () => {
    const s = setup('2026-11-23');
    await s.importFiles(minimalExtract());
    const today = await s.call('flags:evaluate', {});
    expect(today).toEqual(expected);
    expect(Object.keys(today)).toEqual(['asOf', 'policy', 'caseFlags', 'dueSoon', 'staffFlags', 'notEvaluated']);
    expect(Object.keys(today.caseFlags[0] ?? {})).toEqual(['crn', 'rule', 'dueDate', 'daysOverdue', 'reason']);
    expect(Object.keys(today.dueSoon[0] ?? {})).toEqual(['crn', 'rule', 'dueDate', 'daysUntilDue', 'reason']);
    // The same evaluated afresh for a date that is not today.
    s.setToday('2026-11-24');
    expect(await s.call('flags:evaluate', { asOf: '2026-11-23' })).toEqual(expected);
  });

  it('refreshes the stored flags after an import commit, and again on the first read of a new day', async () => {
    const s = setup('2026-11-23');
    await s.importFiles(minimalExtract());
    expect(readFlagState(s.db)).toMatchObject({ asOf: '2026-11-23' });
    s.setToday('2026-11-24');
    const next = await s.call('flags:evaluate', {});
    expect(next.asOf).toBe('2026-11-24');
    expect(next.caseFlags.find((f) => f.crn === 'X000001' && f.rule === 'OVERSIGHT-NEW')?.daysOverdue).toBe(53);
    expect(readFlagState(s.db)).toMatchObject({ asOf: '2026-11-24' });
  });

  it('filters by team through the practitioner’s team', async () => {
    const s = setup();
    const files = minimalExtract();
    files['staff.csv'] = `${headers.staff}\nN99P001,Pat Example,PSM,N99T01,Team One,N99PDU,Example PDU,100,124\nN99P002,Sam Example,PSQ,N99T02,Team Two,N99PDU,Example PDU,80,40\n`;
    await s.importFiles(files);
    for (const asOf of [undefined, '2026-11-22']) {
      const two = await s.call('flags:evaluate', { team: 'n99t02', ...(asOf ? { asOf } : {}) });
      expect(new Set(two.caseFlags.map((f) => f.crn))).toEqual(new Set(['X000002']));
      expect(two.staffFlags).toEqual([]);
      const one = await s.call('flags:evaluate', { team: 'N99T01', ...(asOf ? { asOf } : {}) });
      expect(new Set(one.caseFlags.map((f) => f.crn))).toEqual(new Set(['X000001']));
      expect(one.staffFlags.map((f) => f.staffCode)).toEqual(['N99P001']);
    }
  });

  it('reports rules whose file the extract lacks as not evaluated, and never flags them', async () => {
    const s = setup();
    const { 'staff.csv': _staff, 'needs.csv': _needs, ...rest } = minimalExtract();
    const files: ExtractFiles = { ...rest };
    files['cases.csv'] = `${headers.cases}\nX000001,Ann Example,,N99P001,2026-09-17,,,,HIGH,2026-09-10\n`;
    files['registrations.csv'] = `${headers.registrations}\nX000001,RHRH,,,2026-09-10,,\n`;
    files['contacts.csv'] = `${headers.contacts}\n`;
    await s.importFiles(files);
    for (const asOf of [undefined, '2026-11-22']) {
      const r = await s.call('flags:evaluate', asOf ? { asOf } : {});
      expect(r.notEvaluated).toEqual([
        { rule: 'ALLOCATION-GRADE', reason: 'no staff data in the extract' },
        { rule: 'NEED-REFERRAL', reason: 'no needs data in the extract' },
        { rule: 'PRACTITIONER-CAPACITY', reason: 'no staff data in the extract' },
      ]);
      expect(r.staffFlags).toEqual([]);
      expect([...r.caseFlags, ...r.dueSoon].map((f) => f.rule)).not.toContain('ALLOCATION-GRADE');
    }
  });

  it('lists high-risk cases whose practitioner is not in the staff file as not evaluated for ALLOCATION-GRADE', async () => {
    const s = setup();
    const files = minimalExtract();
    files['cases.csv'] = `${headers.cases}\nX000001,Ann Example,,N99P009,2026-09-17,,,,HIGH,2026-09-10\nX000002,Bo Sample,,N99P002,2026-09-17,,,,HIGH,2026-09-10\n`;
    await s.importFiles(files);
    const r = await s.call('flags:evaluate', {});
    expect(r.notEvaluated).toEqual([
      { rule: 'ALLOCATION-GRADE', reason: 'not evaluated for 1 high-risk case whose staff code is not in the staff file: X000001 (N99P009)' },
    ]);
    // X000002's practitioner is a PSO: flagged from the day after allocation.
    expect(r.caseFlags.filter((f) => f.rule === 'ALLOCATION-GRADE').map((f) => f.crn)).toEqual(['X000002']);
  });

  it('never flags a case that has left the caseload', async () => {
    const s = setup();
    await s.importFiles(minimalExtract());
    const files = minimalExtract();
    files['cases.csv'] = `${headers.cases}\nX000001,Ann Example,1980-01-02,N99P001,2026-09-17,COMMUNITY,Community Order,B2,HIGH,2026-09-10\n`;
    files['registrations.csv'] = `${headers.registrations}\nX000001,RHRH,,,2026-09-10,2027-03-10,\n`;
    files['contacts.csv'] = `${headers.contacts}\nX000001,1001,2026-09-20,COAP,N99P001\n`;
    await s.importFiles(files);
    for (const asOf of [undefined, '2026-11-22']) {
      const r = await s.call('flags:evaluate', asOf ? { asOf } : {});
      expect(new Set([...r.caseFlags, ...r.dueSoon].map((f) => f.crn))).toEqual(new Set(['X000001']));
    }
    expect((await s.call('flags:case', { crn: 'X000002' })).rules).toEqual([]);
  });

  it('sorts caseFlags by days overdue then CRN then rule, dueSoon by days left then CRN then rule, staffFlags by staff code', async () => {
    const s = setup();
    const cases = ['X000003', 'X000001', 'X000002'].map((crn) => `${crn},Case ${crn},,N99P00${crn.slice(-1)},2026-09-17,,,,,`).join('\n');
    await s.importFiles({
      'cases.csv': `${headers.cases}\n${cases}\n`,
      // Every case: ROSH-MISSING due 2026-10-02; X000003 also a DA check due 09-27 and a review due 11-30.
      'registrations.csv': `${headers.registrations}\nX000003,ADVP,,,2026-09-01,2026-11-30,\nX000001,WRSM,,,2026-09-01,2026-11-30,\nX000002,WRSM,,,2026-09-01,2026-11-25,\n`,
      'contacts.csv': `${headers.contacts}\n`,
      'staff.csv': `${headers.staff}\nN99P003,C,PSM,T1,,,,10,20\nN99P001,A,PSM,T1,,,,10,10\nN99P002,B,PSM,T1,,,,10,5\n`,
      'needs.csv': `${headers.needs}\n`,
    });
    const r = await s.call('flags:evaluate', {});
    expect(r.caseFlags.map((f) => [f.crn, f.rule, f.daysOverdue])).toEqual([
      ['X000003', 'DA-POLICE-CHECK', 57],
      ['X000001', 'ROSH-MISSING', 52],
      ['X000002', 'ROSH-MISSING', 52],
      ['X000003', 'ROSH-MISSING', 52],
    ]);
    expect(r.dueSoon.map((f) => [f.crn, f.rule, f.daysUntilDue])).toEqual([
      ['X000002', 'REGISTRATION-REVIEW', 2],
      ['X000001', 'REGISTRATION-REVIEW', 7],
      ['X000003', 'REGISTRATION-REVIEW', 7],
    ]);
    expect(r.staffFlags.map((f) => f.staffCode)).toEqual(['N99P001', 'N99P003']);
    expect(await s.call('flags:evaluate', { asOf: '2026-11-23' })).toEqual(r);
  });
});

describe('reviews and flags', () => {
  it('counts an app review as oversight evidence at once, and not once it is withdrawn', async () => {
    const s = setup();
    await s.importFiles(minimalExtract());
    const review = await s.call('reviews:record', { crn: 'X000001', type: 'management-oversight', date: '2026-11-20', spo: { name: 'Sam Senior' }, decision: 'Plan reviewed' });
    // The stored flags were refreshed for the case; nothing else needed to run.
    const stored = s.db.prepare(`SELECT rule, due_date FROM flags WHERE crn = 'X000001' ORDER BY rule`).all();
    expect(stored).toEqual([{ rule: 'NEED-REFERRAL', due_date: '2026-11-12' }]);
    const c = await s.call('flags:case', { crn: 'X000001' });
    expect(c.rules.find((r) => r.rule === 'OVERSIGHT-OVERDUE')).toMatchObject({
      status: 'not-due',
      dueDate: '2027-02-12',
      reason: 'High RoSH (RHRH since 2026-09-10); last management oversight on 2026-11-20 (management oversight review recorded in the app)',
    });
    await s.call('reviews:withdraw', { id: review.id, reason: 'recorded on the wrong case' });
    const after = await s.call('flags:evaluate', {});
    expect(after.caseFlags.find((f) => f.crn === 'X000001' && f.rule === 'OVERSIGHT-NEW')).toMatchObject({ daysOverdue: 52 });
  });

  it('leaves stale flags to the next read rather than refreshing everything for one review', async () => {
    const s = setup('2026-11-23');
    await s.importFiles(minimalExtract());
    s.setToday('2026-11-24');
    await s.call('reviews:record', { crn: 'X000001', type: 'management-oversight', date: '2026-11-24', spo: { name: 'Sam Senior' }, decision: 'Plan reviewed' });
    expect(readFlagState(s.db)).toMatchObject({ asOf: '2026-11-23' });
    const r = await s.call('flags:evaluate', {});
    expect(r.asOf).toBe('2026-11-24');
    expect(r.caseFlags.filter((f) => f.crn === 'X000001').map((f) => f.rule)).toEqual(['NEED-REFERRAL']);
  });

  it('counts a MAPPA level 1 review as level 1 review evidence too', async () => {
    const s = setup();
    await s.importFiles(minimalExtract());
    await s.call('reviews:record', { crn: 'X000002', type: 'mappa-l1-review', date: '2026-11-20', spo: { name: 'Sam Senior' }, decision: 'Level 1 reviewed' });
    const c = await s.call('flags:case', { crn: 'X000002' });
    expect(c.rules.find((r) => r.rule === 'MAPPA-L1-REVIEW')).toMatchObject({ dueDate: '2027-03-12' });
    expect(c.rules.find((r) => r.rule === 'OVERSIGHT-OVERDUE')).toMatchObject({ dueDate: '2027-02-12' });
    expect(c.rules.map((r) => r.rule)).not.toContain('OVERSIGHT-NEW');
  });
});

describe('flags:case', () => {
  it('explains every rule that applies, overdue first, with the case’s status', async () => {
    const s = setup();
    await s.importFiles(minimalExtract());
    const c = await s.call('flags:case', { crn: 'x000001' });
    expect(c).toMatchObject({
      asOf: '2026-11-23',
      crn: 'X000001',
      name: 'Ann Example',
      inCaseload: true,
      staffCode: 'N99P001',
      staffName: 'Pat Example',
      teamCode: 'N99T01',
      status: { effectiveRosh: 'HIGH', roshSource: 'registration', highRisk: true, highRiskSince: '2026-09-10', mappaLevel: null, inScopeSince: '2026-09-10' },
      notEvaluated: [],
    });
    expect(c.rules.map((r) => [r.rule, r.status])).toEqual([
      ['OVERSIGHT-NEW', 'overdue'],
      ['NEED-REFERRAL', 'overdue'],
      ['REGISTRATION-REVIEW', 'not-due'],
      ['ROSH-STALE', 'not-due'],
    ]);
    expect(c.rules[1]?.explanation.settings.map((x) => [x.key, x.basis])).toEqual([
      ['referralDays', 'inference'],
      ['referralNeeds', 'inference'],
      ['referralCodes', 'nDelius'],
    ]);
  });

  it('answers not-found for an unknown CRN', async () => {
    const s = setup();
    await s.importFiles(minimalExtract());
    expect(await s.service.call('flags:case', { crn: 'Z999999' })).toEqual({ ok: false, error: { code: 'not-found', message: 'no case with CRN Z999999', field: 'crn' } });
  });
});

describe('settings', () => {
  it('lists every setting with its value, default, unit, description and basis', async () => {
    const s = setup();
    const list = await s.call('settings:get', {});
    expect(list).toHaveLength(21);
    expect(list[0]).toEqual({
      key: 'newCaseOversightDays',
      value: 15,
      default: 15,
      isDefault: true,
      unit: 'days',
      description: expect.any(String) as string,
      basis: 'local practice',
      basisNote: expect.stringContaining('not national policy') as string,
    });
  });

  it('records a change with its reason, refreshes today’s flags, and can go back to the default', async () => {
    const s = setup();
    await s.importFiles(minimalExtract());
    const set = await s.call('settings:set', { key: 'newCaseOversightDays', value: 30, reason: 'local agreement with the head of PDU' });
    expect(set).toMatchObject({ key: 'newCaseOversightDays', value: 30, default: 15, isDefault: false });
    // X000001 is now due 2026-09-17 + 30 = 2026-10-17: 37 days overdue.
    expect(s.db.prepare(`SELECT due_date, days_overdue FROM flags WHERE crn = 'X000001' AND rule = 'OVERSIGHT-NEW'`).get()).toEqual({ due_date: '2026-10-17', days_overdue: 37 });
    const r = await s.call('flags:evaluate', {});
    expect(r.policy.newCaseOversightDays).toBe(30);
    await s.call('settings:set', { key: 'newCaseOversightDays', value: 15, reason: 'back to the default' });
    expect(s.db.prepare(`SELECT count(*) FROM settings`).pluck().get()).toBe(0);
    const history = await s.call('settings:history', {});
    expect(history.map((h) => [h.key, h.old, h.new, h.reason, h.osUser])).toEqual([
      ['newCaseOversightDays', 30, 15, 'back to the default', 'tester'],
      ['newCaseOversightDays', 15, 30, 'local agreement with the head of PDU', 'tester'],
    ]);
    expect((await s.call('flags:evaluate', {})).caseFlags).toEqual(expected.caseFlags);
  });

  it('refuses a change without a reason, an invalid value, or a referral need without codes', async () => {
    const s = setup();
    expect(await s.service.call('settings:set', { key: 'dueSoonDays', value: 7, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'reason' } });
    expect(await s.service.call('settings:set', { key: 'dueSoonDays', value: -1, reason: 'r' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'Due soon window (dueSoonDays): expected at least 1 day', field: 'value' },
    });
    expect(await s.service.call('settings:set', { key: 'referralNeeds', value: ['DRUG', 'ACCOMMODATION'], reason: 'r' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('ACCOMMODATION') as string },
    });
    expect(s.db.prepare(`SELECT count(*) FROM settings_history`).pluck().get()).toBe(0);
    await s.call('settings:set', { key: 'referralCodes', value: { ...policy.referralCodes, ACCOMMODATION: ['cacc'] }, reason: 'local housing referrals' });
    const needs = await s.call('settings:set', { key: 'referralNeeds', value: ['DRUG', 'ACCOMMODATION'], reason: 'local housing referrals' });
    expect(needs.value).toEqual(['DRUG', 'ACCOMMODATION']);
    expect((await s.call('settings:get', {})).find((x) => x.key === 'referralCodes')?.value).toMatchObject({ ACCOMMODATION: ['CACC'] });
  });

  it('records nothing when the value is the one in force', async () => {
    const s = setup();
    await s.call('settings:set', { key: 'dueSoonDays', value: 14, reason: 'no change' });
    expect(await s.call('settings:history', {})).toEqual([]);
  });
});
