import type { CaseloadTeams, InputOf, OpError, SettingView } from '../../../db/contract/index.js';
import { spokenDate } from '../../../db/contract/dates.js';
import type { Slice } from './types.js';

export interface ReviewSlice {
  /** The policy settings, for suggesting the next review date; null until read. */
  reviewSettings: SettingView[] | null;
  loadReviewSettings: () => Promise<void>;
  /** The staff file's teams and practitioners, for choosing an action's owner; null until read (empty if it cannot be). */
  reviewStaff: CaseloadTeams['teams'] | null;
  loadReviewStaff: () => Promise<void>;
  /** Each answers the service's error for the form to show, or null after going back to the case. */
  recordReview: (input: InputOf<'reviews:record'>) => Promise<OpError | null>;
  amendReview: (crn: string, input: InputOf<'reviews:amend'>) => Promise<OpError | null>;
  withdrawReview: (crn: string, input: InputOf<'reviews:withdraw'>) => Promise<OpError | null>;
  /** Marks an action done or drops it; back on the case with a banner, or the refusal. */
  closeAction: (crn: string, kind: 'done' | 'drop', input: InputOf<'actions:drop'> | InputOf<'actions:done'>) => Promise<OpError | null>;
}

export const reviewSlice: Slice<ReviewSlice> = (client) => (set, get) => {
  const backToCase = (crn: string, title: string, text: string) => {
    get().setCaseNotice({ crn, title, text });
    get().navigate({ screen: 'case', crn });
  };
  return {
    reviewSettings: null,
    reviewStaff: null,
    loadReviewStaff: async () => {
      if (get().reviewStaff) return;
      const result = await client.call('caseload:teams', {});
      // Without the staff file the owner is typed in full.
      set({ reviewStaff: result.ok ? result.value.teams : [] });
    },
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
    closeAction: async (crn, kind, input) => {
      const result = kind === 'done' ? await client.call('actions:done', input) : await client.call('actions:drop', input as InputOf<'actions:drop'>);
      if (!result.ok) return result.error;
      const a = result.value;
      backToCase(
        crn,
        kind === 'done' ? 'Action marked done' : 'Action dropped',
        `“${a.text}” (owner ${a.owner}) is ${kind === 'done' ? 'marked done' : 'dropped'} on ${spokenDate(input.date)}. The review itself is unchanged, and the case’s flags are up to date.`,
      );
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
