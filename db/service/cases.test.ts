import { describe, expect, it } from 'vitest';
import { fixture, ok, review } from '../reviews/testing/fixture.js';
import { headers, minimalExtract } from '../testing/extract.js';

describe('cases:open', () => {
  it('answers the case fields, the practitioner and team, and the codes in words', async () => {
    const { service } = await fixture();
    const c = (await ok(service.call('cases:open', { crn: 'x000001' }))).detail;
    expect(c).toMatchObject({
      asOf: '2026-11-23',
      crn: 'X000001',
      name: 'Ann Example',
      dateOfBirth: '1980-01-02',
      inCaseload: true,
      allocationDate: '2026-09-17',
      tier: 'B2',
      rosh: { level: 'HIGH', assessedOn: '2026-09-10' },
      practitioner: { staffCode: 'N99P001', name: 'Pat Example', grade: 'PSM', gradeMeaning: 'Probation officer' },
      team: { code: 'N99T01', name: 'Team One', pduCode: 'N99PDU', pduName: 'Example PDU' },
      registrations: [
        { code: 'RHRH', meaning: 'High RoSH', registrationDate: '2026-09-10', nextReviewDate: '2027-03-10', deregistrationDate: null, active: true },
      ],
      needs: [{ need: 'DRUG', meaning: 'Drug misuse', severity: 'SEVERE', linkedToHarm: true, linkedToReoffending: false }],
      contactsShown: 1,
      contactsTotal: 1,
    });
  });

  it('lays out registrations, contacts and reviews newest first, a withdrawn review marked as not evidence', async () => {
    const { service } = await fixture();
    const first = await ok(service.call('reviews:record', review({ date: '2026-11-20' })));
    const second = await ok(service.call('reviews:record', review({ date: '2026-11-21' })));
    await ok(service.call('reviews:withdraw', { id: second.id, reason: 'entered on the wrong case' }));
    const c = (await ok(service.call('cases:open', { crn: 'X000001' }))).detail;
    expect(c.timeline.map((e) => [e.date, e.kind, e.code, e.meaning])).toEqual([
      ['2026-11-21', 'review', 'management-oversight', 'management oversight review'],
      ['2026-11-20', 'review', 'management-oversight', 'management oversight review'],
      ['2026-09-20', 'contact', 'COAP', 'Office appointment'],
      ['2026-09-10', 'registration', 'RHRH', 'High RoSH'],
    ]);
    expect(c.timeline[0]).toMatchObject({ reviewId: second.id, countsAsEvidence: false, detail: 'withdrawn: not evidence' });
    expect(c.timeline[1]).toMatchObject({ reviewId: first.id, countsAsEvidence: true });
  });

  it('marks a deregistered registration inactive and shows its ending on the timeline', async () => {
    const files = minimalExtract();
    files['registrations.csv'] = `${headers.registrations}\nX000002,MAPP,M1,M2,2025-03-02,2026-12-01,\nX000002,ADVP,,,2025-01-05,,2026-06-30\n`;
    files['contacts.csv'] = `${headers.contacts}\nX000002,1002,2026-10-01,C281,N99S001\nX000002,1003,2026-10-02,C369,N99P002\n`;
    const { service } = await fixture({ files });
    const c = (await ok(service.call('cases:open', { crn: 'X000002' }))).detail;
    expect(c.registrations.map((r) => [r.code, r.active])).toEqual([
      ['MAPP', true],
      ['ADVP', false],
    ]);
    expect(c.timeline.map((e) => [e.date, e.kind, e.code, e.detail])).toEqual([
      ['2026-10-02', 'contact', 'C369', 'contact ID 1003'],
      ['2026-10-01', 'contact', 'C281', 'contact ID 1002'],
      ['2026-06-30', 'deregistration', 'ADVP', null],
      ['2025-03-02', 'registration', 'MAPP', 'category 2, level 1'],
      ['2025-01-05', 'registration', 'ADVP', null],
    ]);
    expect(c.timeline[1]?.meaning).toBe('MAPPA level 1 review');
  });

  it('shows at most the latest 100 contacts and says how many there are', async () => {
    const files = minimalExtract();
    const rows = Array.from({ length: 130 }, (_, i) => `X000001,${5000 + i},2026-${i < 65 ? '10' : '11'}-${String((i % 28) + 1).padStart(2, '0')},COAP,N99P001`);
    files['contacts.csv'] = `${headers.contacts}\n${rows.join('\n')}\n`;
    const { service } = await fixture({ files });
    const c = (await ok(service.call('cases:open', { crn: 'X000001' }))).detail;
    expect([c.contactsShown, c.contactsTotal]).toEqual([100, 130]);
    const dates = c.timeline.filter((e) => e.kind === 'contact').map((e) => e.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('keeps every contact a rule counts on the timeline however old, each with its kind of evidence', async () => {
    const files = minimalExtract();
    const everyday = Array.from({ length: 120 }, (_, i) => `X000001,${5000 + i},2026-11-${String((i % 20) + 1).padStart(2, '0')},COAP,N99P001`);
    const old = ['X000001,4001,2025-01-10,MO1,N99S001', 'X000001,4002,2025-01-11,C369,N99P001', 'X000001,4003,2025-01-12,C347,N99P001', 'X000001,4004,2025-01-13,CHVS,N99P001'];
    files['contacts.csv'] = `${headers.contacts}\n${[...everyday, ...old].join('\n')}\n`;
    const { service } = await fixture({ files });
    const c = (await ok(service.call('cases:open', { crn: 'X000001' }))).detail;
    expect([c.contactsShown, c.contactsTotal]).toEqual([103, 124]);
    const early = c.timeline.filter((e) => e.kind === 'contact' && e.date < '2026-01-01').map((e) => [e.code, e.evidenceKind]);
    expect(early).toEqual([
      ['C347', 'referrals'],
      ['C369', 'checks'],
      ['MO1', 'oversight'],
    ]);
    expect(c.timeline.find((e) => e.code === 'COAP')?.evidenceKind).toBe('other');
  });

  it('refuses an unknown CRN naming the field', async () => {
    const { service } = await fixture();
    expect(await service.call('cases:open', { crn: 'X999999' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'crn: no case with CRN X999999', field: 'crn' },
    });
    expect(await service.call('cases:open', { crn: 'nonsense' })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'crn' } });
  });

  it('answers the case, its rules with their explanations and its reviews together, as flags:case and reviews:list would', async () => {
    const { service } = await fixture();
    const r = await ok(service.call('reviews:record', review({ date: '2026-11-20' })));
    const opened = await ok(service.call('cases:open', { crn: 'X000001' }));
    expect(opened.flags).toEqual(await ok(service.call('flags:case', { crn: 'X000001' })));
    expect(opened.reviews).toEqual(await ok(service.call('reviews:list', { crn: 'X000001' })));
    expect(opened.reviews.reviews.map((x) => x.id)).toEqual([r.id]);
  });

  it('logs one opening as exactly one consultation entry naming the CRN, what was shown and the reviews read', async () => {
    const { service } = await fixture();
    const r = await ok(service.call('reviews:record', review({ date: '2026-11-20' })));
    await ok(service.call('cases:open', { crn: 'X000001' }));
    const log = (await ok(service.call('audit:list', { crn: 'X000001' }))).entries.filter((e) => e.op !== 'audit:list');
    expect(log.map((e) => [e.operation, e.op, e.crns, e.justification])).toEqual([
      ['consultation', 'cases:open', ['X000001'], 'case opened'],
      ['alteration', 'reviews:record', ['X000001'], 'Management oversight review recorded, prompted by First SPO oversight (OVERSIGHT-NEW)'],
    ]);
    expect(log[0]?.details).toMatchObject({ asOf: '2026-11-23', reviews: [r.id], contacts: 1 });
  });
});
