import { describe, expect, it } from 'vitest';
import type { CaseDetail, CaseFlagsView, CaseReviews } from '../../../db/contract/index.js';
import { applyDeepLink, caseFromHash } from '../deep-link.js';
import { fakeClient, type Answers } from '../testing/fake-client.js';
import { createAppStore } from './index.js';

const detail: CaseDetail = {
  asOf: '2026-11-23',
  crn: 'X000001',
  name: 'Ann Example',
  dateOfBirth: null,
  inCaseload: true,
  allocationDate: '2026-09-17',
  caseType: null,
  sentenceType: null,
  tier: 'B2',
  rosh: { level: 'HIGH', assessedOn: '2026-09-10' },
  practitioner: { staffCode: 'N99P001', name: 'Pat Example', grade: 'PSM', gradeMeaning: 'Probation officer' },
  team: { code: 'N99T01', name: 'Team One', pduCode: null, pduName: null },
  registrations: [],
  needs: [],
  timeline: [],
  contactsShown: 0,
  contactsTotal: 0,
};
const flags: CaseFlagsView = {
  asOf: '2026-11-23',
  crn: 'X000001',
  name: 'Ann Example',
  inCaseload: true,
  staffCode: 'N99P001',
  staffName: 'Pat Example',
  teamCode: 'N99T01',
  status: { effectiveRosh: 'HIGH', roshSource: 'oasys', highRisk: true, highRiskSince: '2026-09-10', mappaLevel: null, mappaSince: null, inScopeSince: '2026-09-10' },
  rules: [],
  notEvaluated: [],
};
const reviews: CaseReviews = { crn: 'X000001', reviews: [] };

const caseAnswers: Answers = {
  'cases:open': () => ({ ok: true, value: { detail, flags, reviews, actions: [] } }),
};

describe('the case slice', () => {
  it('reads the case, its flags and its reviews in one call, so opening a case is one consultation', async () => {
    const { client, calls } = fakeClient(caseAnswers);
    const store = createAppStore(client);
    await store.getState().loadCase('X000001');
    expect(calls.map((c) => c.op)).toEqual(['cases:open']);
    expect(store.getState().caseView).toEqual({ crn: 'X000001', detail, flags, reviews, actions: [], loading: false, error: null });
  });

  it('says why a case could not be read, showing nothing of it', async () => {
    const { client } = fakeClient({ ...caseAnswers, 'cases:open': () => ({ ok: false, error: { code: 'not-found', message: 'crn: no case with CRN X000001', field: 'crn' } }) });
    const store = createAppStore(client);
    await store.getState().loadCase('X000001');
    expect(store.getState().caseView).toMatchObject({ crn: 'X000001', detail: null, flags: null, loading: false, error: { code: 'not-found' } });
  });

  it('opens a case without a banner left from an earlier save', () => {
    const store = createAppStore(fakeClient({}).client);
    store.getState().setCaseNotice({ crn: 'X000009', title: 'Review recorded', text: '' });
    store.getState().openCase('X000001');
    expect(store.getState()).toMatchObject({ caseNotice: null, route: { screen: 'case', crn: 'X000001' } });
  });
});

describe('a #case/X123456 address', () => {
  const win = (hash: string) => {
    const replaced: string[] = [];
    return { replaced, location: { hash, pathname: '/', search: '' }, history: { replaceState: (_d: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)) } };
  };

  it('opens that case once the user is known, and leaves the address', () => {
    expect([caseFromHash('#case/x123456'), caseFromHash('#case/X12345'), caseFromHash('#token=ab')]).toEqual(['X123456', null, null]);
    const store = createAppStore(fakeClient({}).client);
    store.setState({ profile: { osUser: 'spo', name: 'Sam', staffCode: 'N99S001', teamCode: 'N99T01', updatedAt: '' }, route: { screen: 'home' } });
    const w = win('#case/X123456');
    applyDeepLink(store, w);
    expect(store.getState().route).toEqual({ screen: 'case', crn: 'X123456' });
    expect(w.replaced).toEqual(['/']);
  });

  it('never skips first run', () => {
    const store = createAppStore(fakeClient({}).client);
    store.setState({ profile: null, route: { screen: 'first-run' } });
    applyDeepLink(store, win('#case/X123456'));
    expect(store.getState().route).toEqual({ screen: 'first-run' });
  });
});
