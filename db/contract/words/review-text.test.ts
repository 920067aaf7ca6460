import { describe, expect, it } from 'vitest';
import type { ReviewVersion } from '../reviews.js';
import { checkText, reviewChanges } from './review-text.js';

const base = {
  type: 'management-oversight',
  date: '2026-11-20',
  spo: { name: 'Sam Senior', staffCode: 'N99S001' },
  triggers: ['OVERSIGHT-NEW'],
  checks: [{ item: 'police-da', outcome: 'not-available', note: null, requestedOn: null, responseOn: null, referrals: [], enter: [] }],
  analysis: '',
  decision: 'Continue.',
  actions: [{ text: 'Chase the police', owner: 'Pat Example', due: '2026-12-04' }],
  nextReviewDate: null,
  ndelius: { contactCode: 'MO1', contactId: null },
} as unknown as ReviewVersion;

describe('what a correction changed', () => {
  it('lists each changed field old → new in words, and nothing that stayed the same', () => {
    const next = {
      ...base,
      date: '2026-11-21',
      checks: [
        {
          item: 'police-da',
          outcome: 'checked',
          note: 'Two call-outs',
          requestedOn: '2026-11-10',
          responseOn: '2026-11-17',
          referrals: [],
          enter: [
            { for: 'request', code: 'C369', date: '2026-11-10' },
            { for: 'response', code: 'C515', date: '2026-11-17' },
          ],
        },
      ],
      ndelius: { contactCode: 'MO1', contactId: '2500012345' },
    } as unknown as ReviewVersion;
    expect(reviewChanges(base, next)).toEqual([
      { field: 'Review date', from: '20 November 2026', to: '21 November 2026' },
      {
        field: 'Check: Police domestic-abuse information',
        from: 'sought, not available',
        to:
          'checked (requested 10 November 2026, response received 17 November 2026): Two call-outs; enter in nDelius: Police domestic-abuse enquiry requested (C369) dated 10 November 2026; Police domestic-abuse enquiry response (C515) dated 17 November 2026',
      },
      { field: 'nDelius', from: 'Management oversight (MO1), not yet entered', to: 'Management oversight (MO1), contact ID 2500012345' },
    ]);
    expect(reviewChanges(base, { ...base })).toEqual([]);
  });
});

describe('a check in words', () => {
  it('gives each need’s answer and the referral contact to enter', () => {
    const v = {
      ...base,
      checks: [
        {
          item: 'referrals',
          outcome: 'checked',
          note: null,
          requestedOn: null,
          responseOn: null,
          referrals: [
            { need: 'DRUG', answer: 'referred', service: 'Forward Trust', date: '2026-11-20', reason: null },
            { need: 'FINANCE', answer: 'not-referred', service: null, date: null, reason: 'Already with Citizens Advice' },
          ],
          enter: [{ for: 'referral', code: 'CLDR', date: '2026-11-20' }],
        },
      ],
    } as unknown as ReviewVersion;
    expect(checkText(v, 'referrals')).toBe(
      'checked; Drug misuse (DRUG): referred to Forward Trust on 20 November 2026; Finance (FINANCE): not referred, Already with Citizens Advice; enter in nDelius: Drug and alcohol treatment provider liaison (CLDR) dated 20 November 2026',
    );
    expect(checkText(v, 'rmp')).toBe('not recorded');
  });
});
