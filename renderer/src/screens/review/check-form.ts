import {
  checkItems,
  isDatedCheck,
  isoToDateParts,
  readDateParts,
  reviewLimits as max,
  type CaseFlagsView,
  type CheckItem,
  type CheckOutcome,
  type DateParts,
  type DatePart,
  type InputOf,
  type ReferralAnswer,
  type ReviewCheck,
} from '../../../../db/contract/index.js';
import { emptyDateParts, isEmptyDate } from '../../../../db/contract/date-parts.js';
import { checkLabels, describeCode } from '../../../../db/contract/words/index.js';

/*
 * The "What you checked" part of the review form: each check's outcome, its request and response
 * dates and its outcome in words; for referrals, an answer for each need the case's flag names.
 */

export interface CheckRow {
  outcome: CheckOutcome | '';
  /** The outcome in words. */
  note: string;
  requestedOn: DateParts;
  responseOn: DateParts;
}

export interface ReferralRow {
  need: string;
  answer: ReferralAnswer | '';
  service: string;
  date: DateParts;
  reason: string;
}

export type CheckRows = Record<CheckItem, CheckRow>;

/** What the check part needs of the form's errors: a message per field, and a date's wrong boxes. */
export interface Errors {
  set(id: string, message: string): unknown;
  has(id: string): boolean;
  readonly parts: Map<string, DatePart[]>;
}

export const checkFieldId = (item: CheckItem, part?: 'note' | 'requestedOn' | 'responseOn'): string => (part ? `check-${item}-${part}` : `check-${item}`);
export const referralFieldId = (need: string, part?: 'service' | 'date' | 'reason'): string => (part ? `referral-${need}-${part}` : `referral-${need}`);

/** The ids of this part's date fields, so the error summary links to a date's first box. */
export const isCheckDateField = (id: string): boolean => /^check-[a-z-]+-(requestedOn|responseOn)$/.test(id) || /^referral-[A-Z0-9_]+-date$/.test(id);

const emptyRow = (): CheckRow => ({ outcome: '', note: '', requestedOn: { ...emptyDateParts }, responseOn: { ...emptyDateParts } });

export const noChecks = (): CheckRows => ({ 'risk-assessment': emptyRow(), rmp: emptyRow(), 'police-da': emptyRow(), 'childrens-services': emptyRow(), referrals: emptyRow() });

/** Whether a check's outcome asks for its dates (or, for referrals, the needs): a check not applicable has none. */
export const showsDetails = (row: CheckRow): boolean => row.outcome !== '' && row.outcome !== 'not-applicable';

/** The needs the case's `NEED-REFERRAL` flag names, in the order of its evidence. */
export function referralNeeds(flags: CaseFlagsView): string[] {
  const rule = flags.rules.find((r) => r.rule === 'NEED-REFERRAL');
  return [...new Set((rule?.explanation.evidence ?? []).filter((e) => e.source === 'need').map((e) => e.code))];
}

export const newReferral = (need: string): ReferralRow => ({ need, answer: '', service: '', date: { ...emptyDateParts }, reason: '' });

/** The rows a stored review's checks fill. */
export function checkRowsOf(checks: readonly ReviewCheck[]): { checks: CheckRows; referrals: ReferralRow[] } {
  const rows = noChecks();
  let referrals: ReferralRow[] = [];
  for (const c of checks) {
    rows[c.item] = { outcome: c.outcome, note: c.note ?? '', requestedOn: isoToDateParts(c.requestedOn), responseOn: isoToDateParts(c.responseOn) };
    if (c.item === 'referrals') {
      referrals = c.referrals.map((r) => ({ need: r.need, answer: r.answer, service: r.service ?? '', date: isoToDateParts(r.date), reason: r.reason ?? '' }));
    }
  }
  return { checks: rows, referrals };
}

const lower = (s: string): string => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;
const fewer = (limit: number): string => `${limit.toLocaleString('en-GB')} characters or fewer`;

function readDate(e: Errors, id: string, value: DateParts, name: string, missing: string, today: string, required: boolean): string {
  const read = readDateParts(value, { name, missing }, { required, today, when: 'today-or-past' });
  if (read.ok) return read.iso;
  e.set(id, read.message);
  e.parts.set(id, read.parts);
  return '';
}

/** Every problem in the checks, in GOV.UK words, in the order of the form. */
export function validateChecks(e: Errors, checks: CheckRows, referrals: readonly ReferralRow[], today: string): void {
  for (const item of checkItems) {
    const row = checks[item];
    const what = lower(checkLabels[item]);
    if (!row.outcome) {
      e.set(checkFieldId(item), `Select what you found when you looked at the ${what}`);
      continue;
    }
    if (row.note.trim().length > max.checkNote) e.set(checkFieldId(item, 'note'), `Outcome of the ${what} must be ${fewer(max.checkNote)}`);
    if (isDatedCheck(item) && showsDetails(row)) {
      const awaiting = row.outcome === 'requested';
      const reqId = checkFieldId(item, 'requestedOn');
      const resId = checkFieldId(item, 'responseOn');
      const requested = readDate(e, reqId, row.requestedOn, `Date the ${what} was requested`, `Enter the date the ${what} was requested`, today, awaiting);
      // Awaiting the response, the form hides the response date and does not send it.
      const response = awaiting ? '' : readDate(e, resId, row.responseOn, `Date the response about the ${what} was received`, '', today, false);
      if (response && !requested && !e.has(reqId)) wholeDate(e, reqId, `Enter the date the ${what} was requested, as well as the response date`);
      else if (response && requested && response < requested) wholeDate(e, resId, `Response about the ${what} must be on or after the date it was requested`);
    }
  }
  if (!showsDetails(checks.referrals)) return;
  for (const r of referrals) {
    const need = lower(describeCode('need', r.need).words);
    if (!r.answer) {
      e.set(referralFieldId(r.need), `Select whether the person was referred for ${need}`);
      continue;
    }
    if (r.answer === 'referred') {
      if (!r.service.trim()) e.set(referralFieldId(r.need, 'service'), `Enter the service the person was referred to for ${need}`);
      else if (r.service.trim().length > max.referralService) e.set(referralFieldId(r.need, 'service'), `Service for ${need} must be ${fewer(max.referralService)}`);
      readDate(e, referralFieldId(r.need, 'date'), r.date, `Date of the referral for ${need}`, `Enter the date of the referral for ${need}`, today, true);
    } else {
      const reasonId = referralFieldId(r.need, 'reason');
      if (r.answer === 'not-referred' && !r.reason.trim()) e.set(reasonId, `Enter why the person was not referred for ${need}`);
      else if (r.reason.trim().length > max.referralReason) e.set(reasonId, `Reason for ${need} must be ${fewer(max.referralReason)}`);
    }
  }
}

function wholeDate(e: Errors, id: string, message: string): void {
  e.set(id, message);
  e.parts.set(id, ['day', 'month', 'year']);
}

/** The date the boxes hold when it is real, else the boxes as typed (which the schema refuses). */
const sentDate = (d: DateParts): string => {
  const read = readDateParts(d, { name: '', missing: '' });
  return read.ok && read.iso ? read.iso : [d.year, d.month, d.day].map((p) => p.trim()).join('-');
};

type CheckInput = NonNullable<InputOf<'reviews:record'>['checks']>[number];

/** The checks as the contract takes them: only what the chosen outcome calls for. */
export function checksInput(checks: CheckRows, referrals: readonly ReferralRow[]): CheckInput[] {
  return checkItems.flatMap((item): CheckInput[] => {
    const row = checks[item];
    if (!row.outcome) return [];
    const c: CheckInput = { item, outcome: row.outcome };
    if (row.note.trim()) c.note = row.note.trim();
    if (!showsDetails(row)) return [c];
    if (isDatedCheck(item)) {
      if (!isEmptyDate(row.requestedOn)) c.requestedOn = sentDate(row.requestedOn);
      if (row.outcome !== 'requested' && !isEmptyDate(row.responseOn)) c.responseOn = sentDate(row.responseOn);
    }
    if (item === 'referrals' && referrals.length) {
      c.referrals = referrals.map((r) => {
        const answer = r.answer || 'not-referred';
        if (answer === 'referred') return { need: r.need, answer, service: r.service.trim(), date: sentDate(r.date) };
        return r.reason.trim() ? { need: r.need, answer, reason: r.reason.trim() } : { need: r.need, answer };
      });
    }
    return [c];
  });
}

/** The form field a contract path under `checks` names (`checks.1.responseOn`, `checks.4.referrals.0.date`). */
export function checkFieldFor(path: readonly string[], checks: CheckRows, referrals: readonly ReferralRow[]): string {
  const [index, part, ref, refPart] = path;
  const sent = checksInput(checks, referrals);
  const item = sent[Number(index)]?.item ?? checkItems[0];
  if (part === 'requestedOn' || part === 'responseOn' || part === 'note') return checkFieldId(item, part);
  if (part === 'referrals') {
    const need = sent[Number(index)]?.referrals?.[Number(ref)]?.need;
    if (!need) return checkFieldId('referrals');
    return refPart === 'service' || refPart === 'date' || refPart === 'reason' ? referralFieldId(need, refPart) : referralFieldId(need);
  }
  return checkFieldId(item);
}
