import type { SampleCheckItem, SampleOutcome, sampleAnswers } from '../../../../db/contract/index.js';

/** What the re-reader asks of each sampled review, in the words of an HMIP-style case audit. */
export const sampleCheckLabels: Readonly<Record<SampleCheckItem, string>> = {
  'rationale-recorded': 'The analysis and decision are recorded and give the reasons',
  'risk-assessment-current': 'The risk assessment was current, or the gap was acted on',
  'rmp-adequate': 'The risk management plan was looked at and is adequate',
  'police-checked': 'Police domestic-abuse information was sought and acted on',
  'childrens-services-checked': 'Children’s services information was sought and acted on',
  'referrals-made': 'People were referred to services for the needs linked to harm or reoffending',
  // An earlier checklist asked about both checks at once; its answers are still shown.
  'safeguarding-checked': 'Police domestic-abuse and children’s services information was checked',
  'actions-specific': 'Actions are specific, with an owner and a date',
  'entered-in-ndelius': 'The review is recorded in nDelius',
};

export const sampleAnswerLabels: Readonly<Record<(typeof sampleAnswers)[number], string>> = { yes: 'Yes', no: 'No', 'not-applicable': 'Not applicable' };

export const sampleOutcomeLabels: Readonly<Record<SampleOutcome, string>> = { good: 'Good', 'requires-improvement': 'Requires improvement', inadequate: 'Inadequate' };
