import type { ReviewAction, ReviewType } from '../../../../db/contract/index.js';

/* Words only the review screens use; those shared with the engine are in db/contract/words. */

export const typeHints: Readonly<Record<ReviewType, string>> = {
  'management-oversight': 'A periodic look at a high-risk or MAPPA level 1 case',
  'allocation-oversight': 'The first SPO oversight of a newly allocated case',
  'mappa-l1-review': 'The review of a MAPPA level 1 case (every 16 weeks by MAPPA guidance)',
};

export const actionLabels: Readonly<Record<ReviewAction, string>> = {
  recorded: 'Recorded',
  amended: 'Corrected',
  withdrawn: 'Withdrawn',
};
