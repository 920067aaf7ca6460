import {
  checkItems,
  contactCodePattern,
  reviewAmendInput,
  reviewLimits as max,
  reviewRecordInput,
  suggestedContactCodes,
  type CaseFlagsView,
  type CheckItem,
  type CheckOutcome,
  type InputOf,
  type OpError,
  type Profile,
  type ReviewType,
  type ReviewVersion,
  type SettingView,
} from '../../../../db/contract/index.js';
import type { FieldError } from '../../components/ErrorSummary.js';
import { addDays, isIsoDate } from '../../../../db/contract/dates.js';
import { checkLabels } from '../../../../db/contract/words/index.js';

export interface ActionRow {
  /** Stable across removals, for React keys; not sent. */
  key: number;
  text: string;
  owner: string;
  due: string;
}

/** The review form as typed: every field a string, validated on submit. */
export interface ReviewFormValues {
  type: ReviewType | '';
  date: string;
  spoName: string;
  spoStaffCode: string;
  triggers: string[];
  checks: Record<CheckItem, CheckOutcome | ''>;
  /** Notes recorded with the checks through the CLI: kept as they are by a correction. */
  checkNotes: Partial<Record<CheckItem, string>>;
  analysis: string;
  decision: string;
  actions: ActionRow[];
  nextReviewDate: string;
  contactCode: string;
  contactId: string;
  /** Amend only: why it is corrected. */
  reason: string;
}

export type Mode = 'record' | 'amend';

/** Field id → message, in the order the fields appear on the form. */
export type FieldErrors = Map<string, string>;

export const checkFieldId = (item: CheckItem) => `check-${item}`;
export const actionFieldId = (i: number, part: 'text' | 'owner' | 'due') => `action-${String(i)}-${part}`;

/** oversight-rules.md: the rule a review answers suggests its type. */
export function suggestType(openRules: readonly string[]): ReviewType {
  if (openRules.includes('OVERSIGHT-NEW')) return 'allocation-oversight';
  if (openRules.includes('MAPPA-L1-REVIEW')) return 'mappa-l1-review';
  return 'management-oversight';
}

/** The next review a type calls for, from the policy settings: repeat oversight, or the next level 1 review. */
export function suggestNextReview(type: ReviewType | '', date: string, settings: readonly SettingView[] | null): string {
  if (!type || !isIsoDate(date) || !settings) return '';
  const key = type === 'mappa-l1-review' ? 'mappaL1ReviewDays' : 'oversightIntervalDays';
  const days = settings.find((s) => s.key === key)?.value;
  return typeof days === 'number' ? addDays(date, days) : '';
}

const noChecks = (): Record<CheckItem, CheckOutcome | ''> => ({ 'risk-assessment': '', rmp: '', 'police-da': '', 'childrens-services': '', referrals: '' });

/** The rules a review could answer: those overdue or due soon. */
export function openRules(flags: CaseFlagsView): string[] {
  return flags.rules.filter((r) => r.status !== 'not-due').map((r) => r.rule);
}

export function prefillRecord(flags: CaseFlagsView, profile: Profile | null, today: string, settings: readonly SettingView[] | null): ReviewFormValues {
  const triggers = openRules(flags);
  const type = suggestType(triggers);
  return {
    type,
    date: today,
    spoName: profile?.name ?? '',
    spoStaffCode: profile?.staffCode ?? '',
    triggers,
    checks: noChecks(),
    checkNotes: {},
    analysis: '',
    decision: '',
    actions: [],
    nextReviewDate: suggestNextReview(type, today, settings),
    contactCode: suggestedContactCodes[type] ?? '',
    contactId: '',
    reason: '',
  };
}

/** The fields of a review version the form edits. */
export type EditableVersion = Pick<ReviewVersion, 'type' | 'date' | 'spo' | 'triggers' | 'checks' | 'analysis' | 'decision' | 'actions' | 'nextReviewDate' | 'ndelius'>;

export function prefillAmend(v: EditableVersion): ReviewFormValues {
  const checks = noChecks();
  const checkNotes: Partial<Record<CheckItem, string>> = {};
  for (const c of v.checks) {
    checks[c.item] = c.outcome;
    if (c.note) checkNotes[c.item] = c.note;
  }
  return {
    type: v.type,
    date: v.date,
    spoName: v.spo.name,
    spoStaffCode: v.spo.staffCode ?? '',
    triggers: [...v.triggers],
    checks,
    checkNotes,
    analysis: v.analysis,
    decision: v.decision,
    actions: v.actions.map((a, i) => ({ key: i, ...a })),
    nextReviewDate: v.nextReviewDate ?? '',
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
    nextReviewDate: v.nextReviewDate === oldNext ? suggestNextReview(type, v.date, settings) : v.nextReviewDate,
  };
}

/** "20,000 characters or fewer": the schema's limit as GOV.UK writes a number. */
const fewer = (limit: number): string => `${limit.toLocaleString('en-GB')} characters or fewer`;

function checkDate(errors: FieldErrors, id: string, value: string, words: { missing: string; name: string }, required: boolean): boolean {
  if (value.trim() === '') {
    if (required) errors.set(id, words.missing);
    return false;
  }
  if (!isIsoDate(value.trim())) {
    errors.set(id, `${words.name} must be a real date`);
    return false;
  }
  return true;
}

/** Every problem on the form at once, in GOV.UK words; the service is asked only when there is none. */
export function validate(v: ReviewFormValues, mode: Mode, today: string): FieldErrors {
  const e: FieldErrors = new Map();
  if (!v.type) e.set('type', 'Select the type of review');
  const dateOk = checkDate(e, 'date', v.date, { missing: 'Enter the date of the review', name: 'Date of the review' }, true);
  if (dateOk && v.date > today) e.set('date', 'Date of the review must be today or in the past');
  if (!v.spoName.trim()) e.set('spoName', 'Enter the name of the SPO who did the review');
  else if (v.spoName.trim().length > max.spoName) e.set('spoName', `SPO name must be ${fewer(max.spoName)}`);
  if (v.spoStaffCode.trim().length > max.staffCode) e.set('spoStaffCode', `Staff code must be ${fewer(max.staffCode)}`);
  for (const item of checkItems) {
    if (!v.checks[item]) e.set(checkFieldId(item), `Select what you found when you looked at the ${checkLabels[item].charAt(0).toLowerCase()}${checkLabels[item].slice(1)}`);
  }
  if (v.analysis.length > max.analysis) e.set('analysis', `Analysis must be ${fewer(max.analysis)}`);
  if (!v.decision.trim()) e.set('decision', 'Enter the decision');
  else if (v.decision.length > max.decision) e.set('decision', `Decision must be ${fewer(max.decision)}`);
  v.actions.forEach((a, i) => {
    const n = String(i + 1);
    if (!a.text.trim()) e.set(actionFieldId(i, 'text'), `Enter what action ${n} is`);
    if (!a.owner.trim()) e.set(actionFieldId(i, 'owner'), `Enter who owns action ${n}`);
    const dueOk = checkDate(e, actionFieldId(i, 'due'), a.due, { missing: `Enter the due date of action ${n}`, name: `Due date of action ${n}` }, true);
    if (dueOk && dateOk && a.due < v.date) e.set(actionFieldId(i, 'due'), `Action ${n} must be due on or after the date of the review`);
  });
  const nextOk = checkDate(e, 'nextReviewDate', v.nextReviewDate, { missing: '', name: 'Next review date' }, false);
  if (nextOk && dateOk && v.nextReviewDate < v.date) e.set('nextReviewDate', 'Next review date must be on or after the date of the review');
  if (v.contactCode.trim() && !contactCodePattern.test(v.contactCode.trim().toUpperCase())) {
    e.set('contactCode', `nDelius contact code must be letters and numbers only, ${String(max.contactCode)} at most`);
  }
  if (v.contactId.trim().length > max.contactId) e.set('contactId', `nDelius contact ID must be ${fewer(max.contactId)}`);
  if (mode === 'amend' && !v.reason.trim()) e.set('reason', 'Enter the reason for the correction');
  return e;
}

function checks(v: ReviewFormValues) {
  return checkItems.flatMap((item) => {
    const outcome = v.checks[item];
    if (!outcome) return [];
    const note = v.checkNotes[item];
    return [note ? { item, outcome, note } : { item, outcome }];
  });
}

const actions = (v: ReviewFormValues) => v.actions.map((a) => ({ text: a.text.trim(), owner: a.owner.trim(), due: a.due.trim() }));

export function toRecordInput(crn: string, v: ReviewFormValues): InputOf<'reviews:record'> {
  const staffCode = v.spoStaffCode.trim();
  return {
    crn,
    // Validation has refused an empty type before this is called.
    type: v.type || 'management-oversight',
    date: v.date.trim(),
    spo: staffCode ? { name: v.spoName.trim(), staffCode } : { name: v.spoName.trim() },
    triggers: v.triggers,
    checks: checks(v),
    analysis: v.analysis,
    decision: v.decision,
    actions: actions(v),
    ...(v.nextReviewDate.trim() ? { nextReviewDate: v.nextReviewDate.trim() } : {}),
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
    date: v.date.trim(),
    spo: staffCode ? { name: v.spoName.trim(), staffCode } : { name: v.spoName.trim() },
    triggers: v.triggers,
    checks: checks(v),
    analysis: v.analysis,
    decision: v.decision,
    actions: actions(v),
    nextReviewDate: v.nextReviewDate.trim() || null,
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
    case 'checks': {
      const sent = checks(v);
      const item = sent[Number(index)]?.item ?? checkItems[0];
      return checkFieldId(item);
    }
    case 'actions': {
      const i = Number(index);
      if (!Number.isInteger(i) || i >= v.actions.length) return v.actions.length ? actionFieldId(0, 'text') : null;
      return actionFieldId(i, part === 'owner' || part === 'due' ? part : 'text');
    }
    default:
      return null;
  }
}

/** The service's words without the `field: ` prefix the CLI needs. */
export function serviceMessage(error: OpError): string {
  const text = error.field && error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A check the contract makes that the form's own did not (it should never happen): the schema's
 * issues, mapped onto fields, so nothing is sent that the service would refuse.
 */
export function schemaErrors(crn: string, id: number | null, v: ReviewFormValues): FieldErrors {
  const parsed = id === null ? reviewRecordInput.safeParse(toRecordInput(crn, v)) : reviewAmendInput.safeParse(toAmendInput(id, v));
  const e: FieldErrors = new Map();
  if (parsed.success) return e;
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    const field = fieldFor(path, v) ?? 'decision';
    if (!e.has(field)) e.set(field, `${path}: ${issue.message}`);
  }
  return e;
}

export function summaryOf(errors: FieldErrors, firstId: (field: string) => string = (f) => f): FieldError[] {
  return [...errors].map(([field, text]) => ({ href: `#${firstId(field)}`, text }));
}
