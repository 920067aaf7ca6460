import { ruleTitles } from '../../contract/words/index.js';
import { plusDays } from '../days.js';
import { asEvidence, describe, latestOf, type Dated } from './evidence-words.js';
import type { CaseRule } from './rule.js';

const MAPPA_L1_REVIEW = 'mappa-l1-review';

/** MAPPA-L1-REVIEW: from the later of the MAPP registration and the last level 1 review. */
export const mappaL1Review: CaseRule = {
  id: 'MAPPA-L1-REVIEW',
  title: ruleTitles['MAPPA-L1-REVIEW'],
  appliesTo: (c) => c.mappaL1,
  evaluate: ({ facts, policy: p, contactsIn }) => {
    const mapp = facts.mapp;
    if (!mapp) return null;
    const reviews = [
      ...contactsIn(p.mappaReviewContactCodes),
      ...facts.reviews.filter((r) => r.type === MAPPA_L1_REVIEW).map((r): Dated => ({ date: r.date, kind: 'review', code: r.type })),
    ];
    const latest = latestOf(reviews);
    const from = latest && latest.date >= mapp.date ? latest : null;
    return {
      dueDate: plusDays(from ? from.date : mapp.date, p.mappaL1ReviewDays),
      words: () => ({
        reason: from
          ? `MAPPA level 1 (MAPP since ${mapp.date}); last level 1 review on ${from.date} (${describe(from)})`
          : `MAPPA level 1 (MAPP since ${mapp.date}); no level 1 review since registration${latest ? ` (last on ${latest.date})` : ''}`,
        dueRule: `${from ? `last level 1 review ${from.date}` : `MAPP registration ${mapp.date}`} + ${p.mappaL1ReviewDays} days`,
        evidence: [
          { source: 'registration', code: 'MAPP', date: mapp.date, note: 'active MAPP registration, level M1' },
          ...(latest ? [asEvidence(latest, 'latest MAPPA level 1 review evidence')] : []),
        ],
        keys: ['mappaL1ReviewDays', 'mappaReviewContactCodes'],
      }),
    };
  },
};
