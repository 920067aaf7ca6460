import type { CaseDetail, CaseFlagsView, CaseReviews, OpError, TrackedAction } from '../../../db/contract/index.js';
import type { Slice } from './types.js';

export interface CaseState {
  crn: string | null;
  detail: CaseDetail | null;
  flags: CaseFlagsView | null;
  reviews: CaseReviews | null;
  /** The actions agreed in the case's current reviews, open first. */
  actions: TrackedAction[] | null;
  loading: boolean;
  error: OpError | null;
}

/** The success banner the case screen shows once, after a review is saved. */
export interface CaseNotice {
  crn: string;
  title: string;
  text: string;
}

export interface CaseSlice {
  caseView: CaseState;
  caseNotice: CaseNotice | null;
  /** Reads the case, its rules with their explanations, and its reviews, in one call (one consultation). */
  loadCase: (crn: string) => Promise<void>;
  /** Opens a case from elsewhere in the app: no banner left over from an earlier save. */
  openCase: (crn: string) => void;
  setCaseNotice: (notice: CaseNotice | null) => void;
}

const empty: CaseState = { crn: null, detail: null, flags: null, reviews: null, actions: null, loading: false, error: null };

export const caseSlice: Slice<CaseSlice> = (client) => (set, get) => ({
  caseView: empty,
  caseNotice: null,
  loadCase: async (crn) => {
    // What was on screen for another case is dropped at once, so it is never shown under this CRN.
    set((s) => ({ caseView: s.caseView.crn === crn ? { ...s.caseView, loading: true, error: null } : { ...empty, crn, loading: true } }));
    const opened = await client.call('cases:open', { crn });
    // Another case was opened meanwhile: its answer wins.
    if (get().caseView.crn !== crn) return;
    if (!opened.ok) {
      set({ caseView: { ...empty, crn, error: opened.error } });
      return;
    }
    const { detail, flags, reviews, actions } = opened.value;
    set({ caseView: { crn, detail, flags, reviews, actions, loading: false, error: null } });
  },
  openCase: (crn) => {
    set({ caseNotice: null });
    get().navigate({ screen: 'case', crn });
  },
  setCaseNotice: (notice) => {
    set({ caseNotice: notice });
  },
});
