import type { CheckItem, CheckOutcome, ReviewAction, ReviewType } from '../../../../db/contract/index.js';

/*
 * The words for review types, checks and outcomes. db/export/labels.ts holds the same words for
 * the oversight log; the renderer may import only the contract from db/, so they are repeated
 * here and must be kept in step.
 */

export const typeLabels: Readonly<Record<ReviewType, string>> = {
  'management-oversight': 'Management oversight',
  'allocation-oversight': 'Allocation oversight',
  'mappa-l1-review': 'MAPPA level 1 review',
};

export const typeHints: Readonly<Record<ReviewType, string>> = {
  'management-oversight': 'A periodic look at a high-risk or MAPPA level 1 case',
  'allocation-oversight': 'The first SPO oversight of a newly allocated case',
  'mappa-l1-review': 'The review of a MAPPA level 1 case (every 16 weeks by MAPPA guidance)',
};

export const checkLabels: Readonly<Record<CheckItem, string>> = {
  'risk-assessment': 'Risk assessment',
  rmp: 'Risk management plan',
  'police-da': 'Police domestic-abuse information',
  'childrens-services': "Children's services information",
  referrals: 'Referrals',
};

export const outcomeLabels: Readonly<Record<CheckOutcome, string>> = {
  checked: 'Checked',
  'action-needed': 'Checked: action needed',
  'not-available': 'Sought, not available',
  'not-applicable': 'Not applicable',
};

export const actionLabels: Readonly<Record<ReviewAction, string>> = {
  recorded: 'Recorded',
  amended: 'Corrected',
  withdrawn: 'Withdrawn',
};
