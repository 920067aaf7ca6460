import { spokenDate } from '../dates.js';
import type { TrackedAction } from '../actions.js';
import { checkItems, type CheckItem, type CheckOutcome, type ContactToEnter, type Referral, type ReviewCheck, type ReviewVersion } from '../reviews.js';
import { codeText } from './meanings.js';
import { checkLabels, checkOutcomeLabels, referralAnswerLabels, reviewTypeLabels } from './reviews.js';

/*
 * A review version's fields as a person reads them, the same on the case screen and in the
 * oversight log's PDF and CSV: words first, codes beside them, dates as "12 March 2026".
 */

/** A check's outcome inside a line: "sought, not available". */
const outcomeInLine = (o: CheckOutcome): string => `${checkOutcomeLabels[o].charAt(0).toLowerCase()}${checkOutcomeLabels[o].slice(1)}`;

/** When a check was asked for and answered: "requested 20 November 2026, response awaited"; '' for a check not asked of anyone. */
export function checkDatesText(c: Pick<ReviewCheck, 'requestedOn' | 'responseOn'>): string {
  if (!c.requestedOn) return '';
  return `requested ${spokenDate(c.requestedOn)}, ${c.responseOn ? `response received ${spokenDate(c.responseOn)}` : 'response awaited'}`;
}

/** One need's answer: "Drug misuse (DRUG): referred to Forward Trust on 2 December 2026". */
export function referralText(r: Referral): string {
  const need = codeText('need', r.need);
  const answer = referralAnswerLabels[r.answer].toLowerCase();
  if (r.answer === 'referred') return `${need}: ${answer} to ${r.service ?? 'a service not named'}${r.date ? ` on ${spokenDate(r.date)}` : ''}`;
  return r.reason ? `${need}: ${answer}, ${r.reason}` : `${need}: ${answer}`;
}

/** The nDelius contacts to enter: "Police domestic-abuse enquiry requested (C369) dated 20 November 2026". */
export function contactsToEnterText(enter: readonly ContactToEnter[]): string {
  return enter.map((e) => `${codeText('contact', e.code)} dated ${spokenDate(e.date)}`).join('; ');
}

/** A check in one line: its outcome, dates, outcome in words, the needs' answers and the contacts to enter. */
export function checkLine(c: ReviewCheck): string {
  const dates = checkDatesText(c);
  const head = `${outcomeInLine(c.outcome)}${dates ? ` (${dates})` : ''}${c.note ? `: ${c.note}` : ''}`;
  const referrals = c.referrals.map(referralText);
  const enter = c.enter.length ? [`enter in nDelius: ${contactsToEnterText(c.enter)}`] : [];
  return [head, ...referrals, ...enter].join('; ');
}

/**
 * A check recorded against a flag, in a sentence: "police domestic-abuse information requested on
 * 26 November 2026, response awaited", "risk management plan checked: action needed".
 */
export function recordedCheckText(c: Pick<ReviewCheck, 'item' | 'outcome' | 'requestedOn' | 'responseOn'>): string {
  const what = checkLabels[c.item].toLowerCase();
  if (c.outcome === 'requested' && c.requestedOn) return `${what} requested on ${spokenDate(c.requestedOn)}, response awaited`;
  const dates = checkDatesText(c);
  return `${what}, ${outcomeInLine(c.outcome)}${dates ? ` (${dates})` : ''}`;
}

export function checkText(v: ReviewVersion, item: CheckItem): string {
  const c = v.checks.find((x) => x.item === item);
  return c ? checkLine(c) : 'not recorded';
}

export function actionsText(v: ReviewVersion): string {
  if (v.actions.length === 0) return 'none';
  return v.actions.map((a) => `${a.text} (owner ${a.owner}, due ${spokenDate(a.due)})`).join('\n');
}

export function ndeliusText(v: ReviewVersion): string {
  const code = v.ndelius.contactCode ? codeText('contact', v.ndelius.contactCode) : 'no contact code';
  return v.ndelius.contactId ? `${code}, contact ID ${v.ndelius.contactId}` : `${code}, not yet entered`;
}

export function spoText(v: ReviewVersion): string {
  return v.spo.staffCode ? `${v.spo.name} (${v.spo.staffCode})` : v.spo.name;
}

export function triggersText(v: ReviewVersion): string {
  return v.triggers.length ? v.triggers.map((t) => codeText('rule', t)).join('; ') : 'not stated';
}

/** Every field a correction can change, with its name and its value in words. */
export const reviewFieldTexts: readonly (readonly [string, (v: ReviewVersion) => string])[] = [
  ['Type', (v) => reviewTypeLabels[v.type]],
  ['Review date', (v) => spokenDate(v.date)],
  ['SPO', spoText],
  ['Prompted by', triggersText],
  ...checkItems.map((item) => [`Check: ${checkLabels[item]}`, (v: ReviewVersion) => checkText(v, item)] as const),
  ['Analysis', (v) => v.analysis || 'none recorded'],
  ['Decision', (v) => v.decision],
  ['Actions', actionsText],
  ['Next review', (v) => (v.nextReviewDate ? spokenDate(v.nextReviewDate) : 'not set')],
  ['nDelius', ndeliusText],
];

export interface ReviewChange {
  field: string;
  from: string;
  to: string;
}

/** What a correction changed, field by field, old → new in words. */
export function reviewChanges(prev: ReviewVersion, next: ReviewVersion): ReviewChange[] {
  return reviewFieldTexts.flatMap(([field, text]) => {
    const from = text(prev);
    const to = text(next);
    return from === to ? [] : [{ field, from, to }];
  });
}

/** Where each action of a review stands now, a line each: "1. Chase the police (owner Pat Example, due 4 December 2026): done on 2 December 2026. Two call-outs". */
export function actionProgressText(actions: readonly TrackedAction[]): string {
  if (actions.length === 0) return '';
  return actions
    .map((a) => {
      const state =
        a.status === 'open'
          ? a.overdue
            ? 'open, overdue'
            : 'open'
          : `${a.status} on ${spokenDate(a.closed?.date ?? a.due)}${a.closed?.note ? `. ${a.closed.note}` : ''}`;
      return `${String(a.number)}. ${a.text} (owner ${a.owner}, due ${spokenDate(a.due)}): ${state}`;
    })
    .join('\n');
}
