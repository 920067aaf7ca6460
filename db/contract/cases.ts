/** One case as the case screen shows it: its snapshot and evidence, its rules and its reviews, in one call. */
import { z } from 'zod';
import type { TrackedAction } from './actions.js';
import { crnField } from './fields.js';
import type { CaseFlagsView } from './flags.js';
import type { CaseReviews } from './reviews.js';
import type { EvidenceKind } from './words/meanings.js';

export const casesOpenInput = z.object({ crn: crnField });

export interface CaseRegistration {
  code: string;
  /** What the code means (DOMAIN.md); null for a code the app does not know. */
  meaning: string | null;
  level: string | null;
  category: string | null;
  registrationDate: string;
  nextReviewDate: string | null;
  deregistrationDate: string | null;
  /** Registered on or before today and not deregistered by today. */
  active: boolean;
}

export interface CaseNeed {
  need: string;
  meaning: string | null;
  severity: string | null;
  linkedToHarm: boolean;
  linkedToReoffending: boolean;
}

/** One dated item of the case's evidence; the timeline is newest first. */
export interface TimelineEvent {
  date: string;
  kind: 'registration' | 'deregistration' | 'contact' | 'review';
  /** The register or contact type code, or the review type. */
  code: string;
  meaning: string | null;
  /** The contact ID, level and category, or the review's state. */
  detail: string | null;
  /** Which filter of the timeline it falls under, by the rules' code lists in force. */
  evidenceKind: EvidenceKind;
  /** For a review: its id, and whether it counts as evidence (not withdrawn). */
  reviewId?: number;
  countsAsEvidence?: boolean;
}

export interface CaseDetail {
  /** The London date `active` is judged on. */
  asOf: string;
  crn: string;
  name: string;
  dateOfBirth: string | null;
  inCaseload: boolean;
  allocationDate: string;
  caseType: string | null;
  sentenceType: string | null;
  tier: string | null;
  /** OASys RoSH as the extract holds it. */
  rosh: { level: string | null; assessedOn: string | null };
  practitioner: { staffCode: string; name: string | null; grade: string | null; gradeMeaning: string | null };
  team: { code: string | null; name: string | null; pduCode: string | null; pduName: string | null };
  /** Newest first. */
  registrations: CaseRegistration[];
  needs: CaseNeed[];
  timeline: TimelineEvent[];
  /**
   * The timeline holds `contactsShown` of the case's `contactsTotal` contacts: every contact a rule
   * counts (oversight, checks, referrals) and the latest of the rest.
   */
  contactsShown: number;
  contactsTotal: number;
}

/** Everything the case screen shows, read together and logged as one consultation. */
export interface CaseOpened {
  /** The actions agreed in the case's current reviews, open first (actions:list's order). */
  actions: TrackedAction[];
  detail: CaseDetail;
  /** Every rule that applies, with its explanation (as `flags:case`). */
  flags: CaseFlagsView;
  /** Every review with all its versions (as `reviews:list`). */
  reviews: CaseReviews;
}

export const casesInputs = {
  'cases:open': casesOpenInput,
} as const satisfies Record<keyof CasesResults, z.ZodType>;

export interface CasesResults {
  'cases:open': CaseOpened;
}
