import {
  isoToDateParts,
  plainIssue,
  readDateParts,
  type DatePart,
  type DateParts,
  type DateRules,
  type DateWords,
  isEmptyDate,
  contactCodePattern,
  reviewAmendInput,
  reviewLimits as max,
  reviewRecordInput,
  suggestedContactCodes,
  type CaseFlagsView,
  type InputOf,
  type OpError,
  type Profile,
  type ReviewType,
  type ReviewVersion,
  type SettingView,
} from '../../../../db/contract/index.js';
import type { FieldError } from '../../components/ErrorSummary.js';
import { checkFieldFor, checkRowsOf, checksInput, isCheckDateField, newReferral, noChecks, referralNeeds, validateChecks, type CheckRows, type ReferralRow } from './check-form.js';
import { addDays, isIsoDate } from '../../../../db/contract/dates.js';

export interface ActionRow {
  /** Stable across removals, for React keys; not sent. */
  key: number;
  text: string;
  owner: string;
  due: DateParts;
}

/** The review form as typed: every field a string, validated on submit. */
export interface ReviewFormValues {
  type: ReviewType | '';
  date: DateParts;
  spoName: string;
  spoStaffCode: string;
  triggers: string[];
  checks: CheckRows;
  /** An answer for each need the case's `NEED-REFERRAL` names (or a correction's review answered). */
  referrals: ReferralRow[];
  analysis: string;
  decision: string;
  actions: ActionRow[];
  nextReviewDate: DateParts;
  contactCode: string;
  contactId: string;
  /** Amend only: why it is corrected. */
  reason: string;
}

export type Mode = 'record' | 'amend';

/**
 * Field id → message, in the order the fields appear on the form; for a date field, also the
 * boxes that are wrong, so only they are highlighted and the summary links to the first.
 */
export class FieldErrors extends Map<string, string> {
  readonly parts = new Map<string, DatePart[]>();
}

export const actionFieldId = (i: number, part: 'text' | 'owner' | 'due') => `action-${String(i)}-${part}`;

/** oversight-rules.md: the rule a review answers suggests its type. */
export function suggestType(openRules: readonly string[]): ReviewType {
  if (openRules.includes('OVERSIGHT-NEW')) return 'allocation-oversight';
  if (openRules.includes('MAPPA-L1-REVIEW')) return 'mappa-l1-review';
  return 'management-oversight';
}

/** The date the boxes hold, or '' when they hold none that is real. */
export const isoOf = (d: DateParts): string => {
  const read = readDateParts(d, { name: '', missing: '' });
  return read.ok ? read.iso : '';
};

/** What the boxes hold for the contract: the date when it is real, else the boxes as typed (which the schema refuses). */
const sent = (d: DateParts): string => isoOf(d) || [d.year, d.month, d.day].map((p) => p.trim()).join('-');

const sameDate = (a: DateParts, b: DateParts): boolean => a.day.trim() === b.day.trim() && a.month.trim() === b.month.trim() && a.year.trim() === b.year.trim();

/** The next review a type calls for, from the policy settings: repeat oversight, or the next level 1 review. */
export function suggestNextReview(type: ReviewType | '', date: DateParts, settings: readonly SettingView[] | null): DateParts {
  const iso = isoOf(date);
  const none = { day: '', month: '', year: '' };
  if (!type || !isIsoDate(iso) || !settings) return none;
  const key = type === 'mappa-l1-review' ? 'mappaL1ReviewDays' : 'oversightIntervalDays';
  const days = settings.find((s) => s.key === key)?.value;
  return typeof days === 'number' ? isoToDateParts(addDays(iso, days)) : none;
}

/** The rules a review could answer: those overdue or due soon. */
export function openRules(flags: CaseFlagsView): string[] {
  return flags.rules.filter((r) => r.status !== 'not-due').map((r) => r.rule);
}

export function prefillRecord(flags: CaseFlagsView, profile: Profile | null, today: string, settings: readonly SettingView[] | null): ReviewFormValues {
  const triggers = openRules(flags);
  const type = suggestType(triggers);
  return {
    type,
    date: isoToDateParts(today),
    spoName: profile?.name ?? '',
    spoStaffCode: profile?.staffCode ?? '',
    triggers,
    checks: noChecks(),
    referrals: referralNeeds(flags).map(newReferral),
    analysis: '',
    decision: '',
    actions: [],
    nextReviewDate: suggestNextReview(type, isoToDateParts(today), settings),
    contactCode: suggestedContactCodes[type] ?? '',
    contactId: '',
    reason: '',
  };
}

/** The fields of a review version the form edits. */
export type EditableVersion = Pick<ReviewVersion, 'type' | 'date' | 'spo' | 'triggers' | 'checks' | 'analysis' | 'decision' | 'actions' | 'nextReviewDate' | 'ndelius'>;

export function prefillAmend(v: EditableVersion): ReviewFormValues {
  const { checks, referrals } = checkRowsOf(v.checks);
  return {
    type: v.type,
    date: isoToDateParts(v.date),
    spoName: v.spo.name,
    spoStaffCode: v.spo.staffCode ?? '',
    triggers: [...v.triggers],
    checks,
    referrals,
    analysis: v.analysis,
    decision: v.decision,
    actions: v.actions.map((a, i) => ({ key: i, ...a, due: isoToDateParts(a.due) })),
    nextReviewDate: isoToDateParts(v.nextReviewDate),
    contactCode: v.ndelius.contactCode ?? '',
    contactId: v.ndelius.contactId ?? '',
    reason: '',
  };
}

/**
 * A new type carries its own suggestions, but never over what the user typed: the contact code
 * and next review date change only while they still hold the old type's suggestion.
 */
export function changeType(v: ReviewFormValues, type: ReviewType, settings: readonly SettingView[] | null): ReviewFormValues {
  const oldCode = v.type ? (suggestedContactCodes[v.type] ?? '') : '';
  const oldNext = suggestNextReview(v.type, v.date, settings);
  return {
    ...v,
    type,
    contactCode: v.contactCode === oldCode ? (suggestedContactCodes[type] ?? '') : v.contactCode,
    nextReviewDate: sameDate(v.nextReviewDate, oldNext) ? suggestNextReview(type, v.date, settings) : v.nextReviewDate,
  };
}

/** "20,000 characters or fewer": the schema's limit as GOV.UK writes a number. */
const fewer = (limit: number): string => `${limit.toLocaleString('en-GB')} characters or fewer`;

/** Reads a date field into `errors`; answers the ISO date, or '' when it is empty or wrong. */
function checkDate(errors: FieldErrors, id: string, value: DateParts, words: DateWords, rules: DateRules): string {
  const read = readDateParts(value, words, rules);
  if (read.ok) return read.iso;
  errors.set(id, read.message);
  errors.parts.set(id, read.parts);
  return '';
}

/** Sets a date field's message for the whole date (a rule between dates), all three boxes wrong. */
function wholeDate(errors: FieldErrors, id: string, message: string) {
  errors.set(id, message);
  errors.parts.set(id, ['day', 'month', 'year']);
}

/** Every problem on the form at once, in GOV.UK words; the service is asked only when there is none. */
export function validate(v: ReviewFormValues, mode: Mode, today: string): FieldErrors {
  const e = new FieldErrors();
  if (!v.type) e.set('type', 'Select the type of review');
  const date = checkDate(e, 'date', v.date, { name: 'Date of review', missing: 'Enter the date of review' }, { required: true, today, when: 'today-or-past' });
  if (!v.spoName.trim()) e.set('spoName', 'Enter the name of the SPO who did the review');
  else if (v.spoName.trim().length > max.spoName) e.set('spoName', `SPO name must be ${fewer(max.spoName)}`);
  if (v.spoStaffCode.trim().length > max.staffCode) e.set('spoStaffCode', `Staff code must be ${fewer(max.staffCode)}`);
  validateChecks(e, v.checks, v.referrals, today);
  if (v.analysis.length > max.analysis) e.set('analysis', `Analysis must be ${fewer(max.analysis)}`);
  if (!v.decision.trim()) e.set('decision', 'Enter the decision');
  else if (v.decision.length > max.decision) e.set('decision', `Decision must be ${fewer(max.decision)}`);
  v.actions.forEach((a, i) => {
    const n = String(i + 1);
    if (!a.text.trim()) e.set(actionFieldId(i, 'text'), `Enter what action ${n} is`);
    else if (a.text.trim().length > max.actionText) e.set(actionFieldId(i, 'text'), `Action ${n} must be ${fewer(max.actionText)}`);
    if (!a.owner.trim()) e.set(actionFieldId(i, 'owner'), `Enter who owns action ${n}`);
    else if (a.owner.trim().length > max.actionOwner) e.set(actionFieldId(i, 'owner'), `Owner of action ${n} must be ${fewer(max.actionOwner)}`);
    const id = actionFieldId(i, 'due');
    const due = checkDate(e, id, a.due, { name: `Due date of action ${n}`, missing: `Enter the due date of action ${n}` }, { required: true });
    if (due && date && due < date) wholeDate(e, id, `Action ${n} must be due on or after the date of review`);
  });
  const next = checkDate(e, 'nextReviewDate', v.nextReviewDate, { name: 'Next review date', missing: '' }, {});
  if (next && date && next < date) wholeDate(e, 'nextReviewDate', 'Next review date must be on or after the date of review');
  if (v.contactCode.trim() && !contactCodePattern.test(v.contactCode.trim().toUpperCase())) {
    e.set('contactCode', `nDelius contact code must be letters and numbers only, ${String(max.contactCode)} at most`);
  }
  if (v.contactId.trim().length > max.contactId) e.set('contactId', `nDelius contact ID must be ${fewer(max.contactId)}`);
  if (mode === 'amend') {
    if (!v.reason.trim()) e.set('reason', 'Enter the reason for the correction');
    else if (v.reason.trim().length > max.reason) e.set('reason', `Reason for the correction must be ${fewer(max.reason)}`);
  }
  return e;
}

const checks = (v: ReviewFormValues) => checksInput(v.checks, v.referrals);

const actions = (v: ReviewFormValues) => v.actions.map((a) => ({ text: a.text.trim(), owner: a.owner.trim(), due: sent(a.due) }));

export function toRecordInput(crn: string, v: ReviewFormValues): InputOf<'reviews:record'> {
  const staffCode = v.spoStaffCode.trim();
  return {
    crn,
    // Validation has refused an empty type before this is called.
    type: v.type || 'management-oversight',
    date: sent(v.date),
    spo: staffCode ? { name: v.spoName.trim(), staffCode } : { name: v.spoName.trim() },
    triggers: v.triggers,
    checks: checks(v),
    analysis: v.analysis,
    decision: v.decision,
    actions: actions(v),
    ...(isEmptyDate(v.nextReviewDate) ? {} : { nextReviewDate: sent(v.nextReviewDate) }),
    ...(v.contactCode.trim() ? { ndeliusContactCode: v.contactCode.trim() } : {}),
    ...(v.contactId.trim() ? { ndeliusContactId: v.contactId.trim() } : {}),
  };
}

export function toAmendInput(id: number, v: ReviewFormValues): InputOf<'reviews:amend'> {
  const staffCode = v.spoStaffCode.trim();
  return {
    id,
    reason: v.reason.trim(),
    type: v.type || 'management-oversight',
    date: sent(v.date),
    spo: staffCode ? { name: v.spoName.trim(), staffCode } : { name: v.spoName.trim() },
    triggers: v.triggers,
    checks: checks(v),
    analysis: v.analysis,
    decision: v.decision,
    actions: actions(v),
    nextReviewDate: isEmptyDate(v.nextReviewDate) ? null : sent(v.nextReviewDate),
    ndeliusContactCode: v.contactCode.trim() || null,
    ndeliusContactId: v.contactId.trim() || null,
  };
}

/** The form field a contract path (`spo.name`, `actions.0.due`, `checks.2`) is about; null when none is. */
export function fieldFor(path: string, v: ReviewFormValues): string | null {
  const [head, index, part] = path.split('.');
  switch (head) {
    case 'type':
    case 'date':
    case 'triggers':
    case 'analysis':
    case 'decision':
    case 'nextReviewDate':
    case 'reason':
      return head;
    case 'spo':
      return index === 'staffCode' ? 'spoStaffCode' : 'spoName';
    case 'ndeliusContactCode':
      return 'contactCode';
    case 'ndeliusContactId':
      return 'contactId';
    case 'checks':
      return checkFieldFor(path.split('.').slice(1), v.checks, v.referrals);
    case 'actions': {
      const i = Number(index);
      if (!Number.isInteger(i) || i >= v.actions.length) return v.actions.length ? actionFieldId(0, 'text') : null;
      return actionFieldId(i, part === 'owner' || part === 'due' ? part : 'text');
    }
    default:
      return null;
  }
}

/** What the service refused, in the form's words: the fields it names, else one problem for the whole form. */
export function serviceErrors(error: OpError, v: ReviewFormValues): { fields: FieldErrors; problem: string | null } {
  const fields = new FieldErrors();
  // error.fields carries GOV.UK words; an engine refusal naming only `field` is worded here.
  const named = error.fields ?? (error.field ? [{ field: error.field, message: undefined }] : []);
  for (const p of named) {
    const id = fieldFor(p.field, v);
    if (id && !fields.has(id)) fields.set(id, refusedWords(p.field, p.message));
  }
  return { fields, problem: fields.size > 0 ? null : problemWords(error) };
}

/**
 * A refusal of one field in the form's words. Without plain words, it is one of the engine's own
 * checks of a review that passed the form's (the clock moved on past midnight, say).
 */
function refusedWords(path: string, plain: string | undefined): string {
  const [head, index] = path.split('.');
  const n = String(Number(index) + 1);
  const notReal = plain?.endsWith('must be a real date') ?? false;
  if (head === 'date') return notReal ? 'Date of review must be a real date' : (plain ?? 'Date of review must be today or in the past');
  if (head === 'nextReviewDate') return plain ?? 'Next review date must be on or after the date of review';
  if (head === 'actions' && path.endsWith('.due')) return notReal ? `Due date of action ${n} must be a real date` : (plain ?? `Action ${n} must be due on or after the date of review`);
  return plain ?? 'Check this answer and try again';
}

/** A refusal not about one field, in plain words. */
export function problemWords(error: OpError): string {
  if (error.code === 'internal') return 'Something went wrong on this computer. Try again; if it happens again, the details are in the application log.';
  if (error.code === 'not-found') return 'The case or review could not be found. Go back to the case and try again.';
  if (error.code === 'conflict') return 'Someone else changed the case at the same time. Go back to the case and try again.';
  if (/changes nothing/.test(error.message)) return 'The correction changes nothing. Change the parts that were wrong, then save it.';
  if (/left the caseload/.test(error.message)) return 'The case has left the caseload: no new review can be recorded.';
  if (/withdrawn/.test(error.message)) return 'This review was withdrawn; it cannot be corrected or withdrawn again.';
  return 'The review could not be saved. Check your answers and try again.';
}

/**
 * A check the contract makes that the form's own did not (it should never happen): the schema's
 * issues, mapped onto fields in GOV.UK words, so nothing is sent that the service would refuse.
 */
export function schemaErrors(crn: string, id: number | null, v: ReviewFormValues): FieldErrors {
  const op = id === null ? 'reviews:record' : 'reviews:amend';
  const parsed = id === null ? reviewRecordInput.safeParse(toRecordInput(crn, v)) : reviewAmendInput.safeParse(toAmendInput(id, v));
  const e = new FieldErrors();
  if (parsed.success) return e;
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    const field = fieldFor(path, v) ?? 'decision';
    if (!e.has(field)) e.set(field, refusedWords(path, plainIssue(op, issue)));
  }
  return e;
}

/** The summary's links, each to its field; for a date, to its first wrong box. */
export function summaryOf(errors: FieldErrors): FieldError[] {
  return [...errors].map(([field, text]) => ({ href: `#${firstPartId(errors, field)}`, text }));
}

/** The id the summary links to: a date field's first wrong box (its day when the whole date is wrong). */
export function firstPartId(errors: FieldErrors, field: string): string {
  const parts = errors.parts.get(field);
  if (parts) return `${field}-${parts[0] ?? 'day'}`;
  return isDateField(field) ? `${field}-day` : field;
}

const isDateField = (field: string): boolean => field === 'date' || field === 'nextReviewDate' || /^action-\d+-due$/.test(field) || isCheckDateField(field);
