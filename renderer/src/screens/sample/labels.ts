import type { SampleOutcome, sampleAnswers, sampleCheckItems } from '../../../../db/contract/index.js';

/** What the re-reader asks of each sampled review, in the words of an HMIP-style case audit. */
export const sampleCheckLabels: Readonly<Record<(typeof sampleCheckItems)[number], string>> = {
  'rationale-recorded': 'The analysis and decision are recorded and give the reasons',
  'risk-assessment-current': 'The risk assessment was current, or the gap was acted on',
  'rmp-adequate': 'The risk management plan was looked at and is adequate',
  'safeguarding-checked': 'Police domestic-abuse and children’s services information was checked',
  'actions-specific': 'Actions are specific, with an owner and a date',
  'entered-in-ndelius': 'The review is recorded in nDelius',
};

export const sampleAnswerLabels: Readonly<Record<(typeof sampleAnswers)[number], string>> = { yes: 'Yes', no: 'No', 'not-applicable': 'Not applicable' };

export const sampleOutcomeLabels: Readonly<Record<SampleOutcome, string>> = { good: 'Good', 'requires-improvement': 'Requires improvement', inadequate: 'Inadequate' };
