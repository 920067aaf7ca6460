/** QA samples: a seeded, stratified sample of reviews re-read against a checklist (issue 7). */
import { z } from 'zod';
import { isoDate, optionalText, teamCodeField } from './fields.js';
import type { ReviewType } from './reviews.js';
import { effectiveRoshLevels } from './rules.js';

// A sample is stratified by the case's effective RoSH.
export const sampleRiskLevels = effectiveRoshLevels;
export const sampleOutcomes = ['good', 'requires-improvement', 'inadequate'] as const;
export type SampleOutcome = (typeof sampleOutcomes)[number];
export const sampleAnswers = ['yes', 'no', 'not-applicable'] as const;

/**
 * What the re-reader checks of each sampled review. The police and children's-services checks are
 * asked about separately (issue 15), and so are referrals and actions.
 */
export const sampleCheckItems = [
  'rationale-recorded',
  'risk-assessment-current',
  'rmp-adequate',
  'police-checked',
  'childrens-services-checked',
  'referrals-made',
  'actions-specific',
  'entered-in-ndelius',
] as const;
/** Every item a re-reading may hold: today's checklist and one an earlier version asked ('safeguarding-checked', both checks at once). */
export const sampleCheckItemsEver = [...sampleCheckItems, 'safeguarding-checked'] as const;
export type SampleCheckItem = (typeof sampleCheckItemsEver)[number];

/** The same SPO: by the review's staff code where it has one, else by name (case and spacing aside). */
export function isSameSpo(reader: { name: string; staffCode: string }, spo: { name: string; staffCode: string | null }): boolean {
  if (spo.staffCode) return spo.staffCode.trim().toUpperCase() === reader.staffCode.trim().toUpperCase();
  const plain = (n: string) => n.trim().replace(/\s+/g, ' ').toLowerCase();
  return plain(spo.name) === plain(reader.name);
}

export const sampleCreateInput = z
  .object({
    size: z.number({ error: 'required' }).int().min(1).max(500),
    /** Drawn at random and recorded when omitted. */
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    /** Reviews dated in this range, inclusive. */
    from: isoDate,
    to: isoDate,
    team: teamCodeField.optional(),
  })
  .refine((i) => i.from <= i.to, { message: 'must not be before from', path: ['to'] });

export const sampleRecordInput = z.object({
  sampleId: z.number({ error: 'required' }).int().positive(),
  position: z.number({ error: 'required' }).int().positive(),
  checks: z
    .array(z.object({ item: z.enum(sampleCheckItems), answer: z.enum(sampleAnswers), note: optionalText(4000).default('') }))
    .max(sampleCheckItems.length)
    .refine((cs) => new Set(cs.map((c) => c.item)).size === cs.length, 'each item is answered at most once'),
  outcome: z.enum(sampleOutcomes),
  note: optionalText(20_000).default(''),
});

export const sampleGetInput = z.object({ id: z.number({ error: 'required' }).int().positive() });
export const sampleListInput = z.object({});

export interface SampleStratum {
  staffCode: string;
  risk: (typeof sampleRiskLevels)[number];
  /** Reviews in the stratum. */
  population: number;
  chosen: number;
}

export interface SampleResult {
  checks: { item: SampleCheckItem; answer: (typeof sampleAnswers)[number]; note: string }[];
  outcome: SampleOutcome;
  note: string;
  recordedAt: string;
  recordedByOs: string;
  recordedBy: string | null;
}

export interface SampleItem {
  position: number;
  reviewId: number;
  /** The review version current when the sample was drawn. */
  reviewVersion: number;
  crn: string;
  staffCode: string;
  risk: (typeof sampleRiskLevels)[number];
  reviewType: ReviewType;
  reviewDate: string;
  /** The SPO who recorded the review (as sampled): they cannot re-read it for QA. */
  spo: { name: string; staffCode: string | null };
  /** The latest re-reading; null until recorded. */
  result: SampleResult | null;
  /** Earlier re-readings, oldest first. */
  history: SampleResult[];
}

export interface SampleSummary {
  id: number;
  createdAt: string;
  createdByOs: string;
  createdBy: string | null;
  seed: number;
  size: number;
  from: string;
  to: string;
  team: string | null;
  population: number;
  /** Items drawn (at most size). */
  items: number;
  /** Items with a result. */
  recorded: number;
}

export interface Sample extends SampleSummary {
  strata: SampleStratum[];
  chosen: SampleItem[];
}

export const sampleInputs = {
  'sample:create': sampleCreateInput,
  'sample:record': sampleRecordInput,
  'sample:list': sampleListInput,
  'sample:get': sampleGetInput,
} as const satisfies Record<keyof SampleResults, z.ZodType>;

export interface SampleResults {
  'sample:create': Sample;
  'sample:record': Sample;
  'sample:list': SampleSummary[];
  'sample:get': Sample;
}
