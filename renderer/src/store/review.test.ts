import { describe, expect, it } from 'vitest';
import type { InputOf, Review } from '../../../db/contract/index.js';
import { fakeClient } from '../testing/fake-client.js';
import { createAppStore } from './index.js';

const input: InputOf<'reviews:record'> = { crn: 'X000001', type: 'management-oversight', date: '2026-11-20', spo: { name: 'Sam Senior' }, decision: 'Continue.' };

function review(version: number, action: 'recorded' | 'amended' | 'withdrawn'): Review {
  const v = {
    reviewId: 7,
    version,
    action,
    reason: action === 'recorded' ? null : 'why',
    crn: 'X000001',
    type: 'management-oversight' as const,
    date: '2026-11-20',
    spo: { name: 'Sam Senior', staffCode: null },
    triggers: [],
    snapshot: {
      takenAt: '2026-11-20T10:00:00Z',
      asOf: '2026-11-20',
      crn: 'X000001',
      inCaseload: true,
      allocationDate: '2026-09-17',
      tier: null,
      rosh: { level: null, assessedOn: null },
      effectiveRosh: { level: 'UNKNOWN' as const, source: 'none' as const, registrationCode: null, registeredOn: null },
      mappa: null,
      registrations: [],
      practitioner: { staffCode: 'N99P001', name: null, grade: null },
      team: { code: null, name: null, pduCode: null, pduName: null },
    },
    checks: [],
    analysis: '',
    decision: 'Continue.',
    actions: [],
    nextReviewDate: null,
    ndelius: { contactCode: 'MO1', contactId: null },
    recordedAt: '2026-11-20T10:00:00Z',
    recordedByOs: 'spo',
    recordedBy: 'Sam Senior',
  };
  return { id: 7, crn: 'X000001', current: v, withdrawn: action === 'withdrawn', countsAsEvidence: action !== 'withdrawn', versions: [v] };
}

describe('the review slice', () => {
  it('records a review, then shows the case with a success banner', async () => {
    const { client, calls } = fakeClient({ 'reviews:record': () => ({ ok: true, value: review(1, 'recorded') }) });
    const store = createAppStore(client);
    expect(await store.getState().recordReview(input)).toBeNull();
    expect(calls).toEqual([{ op: 'reviews:record', input }]);
    expect(store.getState()).toMatchObject({ route: { screen: 'case', crn: 'X000001' }, caseNotice: { crn: 'X000001', title: 'Review recorded' } });
  });

  it('answers the service’s refusal for the form, staying where it is', async () => {
    const error = { code: 'invalid-input' as const, message: 'date: 2026-12-01 is in the future', field: 'date' };
    const store = createAppStore(fakeClient({ 'reviews:record': () => ({ ok: false, error }) }).client);
    store.getState().navigate({ screen: 'review', crn: 'X000001', mode: 'record' });
    expect(await store.getState().recordReview(input)).toEqual(error);
    expect(store.getState()).toMatchObject({ route: { screen: 'review', mode: 'record' }, caseNotice: null });
  });

  it('corrects and withdraws with a reason, saying so on the case', async () => {
    const store = createAppStore(
      fakeClient({ 'reviews:amend': () => ({ ok: true, value: review(2, 'amended') }), 'reviews:withdraw': () => ({ ok: true, value: review(3, 'withdrawn') }) }).client,
    );
    expect(await store.getState().amendReview('X000001', { id: 7, reason: 'typo', decision: 'Continue weekly.' })).toBeNull();
    expect(store.getState().caseNotice?.text).toContain('Version 2');
    expect(await store.getState().withdrawReview('X000001', { id: 7, reason: 'wrong case' })).toBeNull();
    expect(store.getState().caseNotice).toMatchObject({ title: 'Review withdrawn' });
    expect(store.getState().caseNotice?.text).toContain('no longer counts as evidence');
  });

  it('reads the policy settings once, and goes on without them if they cannot be read', async () => {
    const { client, calls } = fakeClient({ 'settings:get': () => ({ ok: false, error: { code: 'io', message: 'disk' } }) });
    const store = createAppStore(client);
    await store.getState().loadReviewSettings();
    await store.getState().loadReviewSettings();
    expect(store.getState().reviewSettings).toEqual([]);
    expect(calls).toHaveLength(1);
  });
});
