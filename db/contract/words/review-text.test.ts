import { describe, expect, it } from 'vitest';
import type { ReviewVersion } from '../reviews.js';
import { reviewChanges } from './review-text.js';

const base = {
  type: 'management-oversight',
  date: '2026-11-20',
  spo: { name: 'Sam Senior', staffCode: 'N99S001' },
  triggers: ['OVERSIGHT-NEW'],
  checks: [{ item: 'police-da', outcome: 'not-available', note: null }],
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
      checks: [{ item: 'police-da', outcome: 'checked', note: 'Two call-outs' }],
      ndelius: { contactCode: 'MO1', contactId: '2500012345' },
    } as unknown as ReviewVersion;
    expect(reviewChanges(base, next)).toEqual([
      { field: 'Review date', from: '20 November 2026', to: '21 November 2026' },
      { field: 'Check: Police domestic-abuse information', from: 'sought, not available', to: 'checked: Two call-outs' },
      { field: 'nDelius', from: 'Management oversight (MO1), not yet entered', to: 'Management oversight (MO1), contact ID 2500012345' },
    ]);
    expect(reviewChanges(base, { ...base })).toEqual([]);
  });
});
