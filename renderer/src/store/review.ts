import type { InputOf, OpError, SettingView } from '../../../db/contract/index.js';
import type { Slice } from './types.js';

export interface ReviewSlice {
  /** The policy settings, for suggesting the next review date; null until read. */
  reviewSettings: SettingView[] | null;
  loadReviewSettings: () => Promise<void>;
  /** Each answers the service's error for the form to show, or null after going back to the case. */
  recordReview: (input: InputOf<'reviews:record'>) => Promise<OpError | null>;
  amendReview: (crn: string, input: InputOf<'reviews:amend'>) => Promise<OpError | null>;
  withdrawReview: (crn: string, input: InputOf<'reviews:withdraw'>) => Promise<OpError | null>;
}

export const reviewSlice: Slice<ReviewSlice> = (client) => (set, get) => {
  const backToCase = (crn: string, title: string, text: string) => {
    get().setCaseNotice({ crn, title, text });
    get().navigate({ screen: 'case', crn });
  };
  return {
    reviewSettings: null,
    loadReviewSettings: async () => {
      if (get().reviewSettings) return;
      const result = await client.call('settings:get', {});
      // Without the settings the form simply suggests no next review date.
      set({ reviewSettings: result.ok ? result.value : [] });
    },
    recordReview: async (input) => {
      const result = await client.call('reviews:record', input);
      if (!result.ok) return result.error;
      backToCase(result.value.crn, 'Review recorded', 'The oversight review is recorded and the case’s flags are up to date.');
      return null;
    },
    amendReview: async (crn, input) => {
      const result = await client.call('reviews:amend', input);
      if (!result.ok) return result.error;
      backToCase(crn, 'Review corrected', `Version ${String(result.value.current.version)} of the review is recorded with your reason; the earlier versions are kept.`);
      return null;
    },
    withdrawReview: async (crn, input) => {
      const result = await client.call('reviews:withdraw', input);
      if (!result.ok) return result.error;
      backToCase(crn, 'Review withdrawn', 'The review is withdrawn with your reason. It is kept in the history but no longer counts as evidence of oversight.');
      return null;
    },
  };
};
