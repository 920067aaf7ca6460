import type { EffectiveRosh } from '../../../../db/contract/index.js';

/** Each RoSH level's tag colour; the colour only repeats what its words (db/contract/words) say. */
export const roshTags: Readonly<Record<EffectiveRosh, string>> = {
  VERY_HIGH: 'govuk-tag--red',
  HIGH: 'govuk-tag--orange',
  MEDIUM: 'govuk-tag--yellow',
  LOW: 'govuk-tag--green',
  UNKNOWN: 'govuk-tag--grey',
};
