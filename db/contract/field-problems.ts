/**
 * An input the schema refuses, said in GOV.UK words for the field it is about. The engine's own
 * message (`date: not a calendar date`) stays for the CLI and the log; these words are what a
 * form shows beside the field and in its error summary, so no schema text ever reaches a person.
 */
import type { z } from 'zod';
import type { FieldProblem } from './result.js';

/** How a field is named, and what kind of answer it takes (which decides the GOV.UK words). */
export interface FieldName {
  /** Starts a sentence: "Date of the review". */
  name: string;
  /** What "Enter …" or "Select …" asks for: "the date of the review". */
  ask: string;
  kind: 'date' | 'text' | 'choice' | 'number';
  /** The words for a value of the right kind the schema still refuses (a pattern, a cross-field rule). */
  refused?: string;
}

const date = (name: string, ask: string, refused?: string): FieldName => ({ name, ask, kind: 'date', ...(refused ? { refused } : {}) });
const text = (name: string, ask: string, refused?: string): FieldName => ({ name, ask, kind: 'text', ...(refused ? { refused } : {}) });
const choice = (name: string, ask: string): FieldName => ({ name, ask, kind: 'choice' });
const number = (name: string, ask: string): FieldName => ({ name, ask, kind: 'number' });

const review: Record<string, FieldName> = {
  crn: text('CRN', 'the CRN', 'CRN must be one letter and six digits, like X123456'),
  type: choice('Type of review', 'the type of review'),
  date: date('Date of review', 'the date of review'),
  'spo.name': text('SPO name', 'the name of the SPO who did the review'),
  'spo.staffCode': text('Staff code', 'the staff code'),
  triggers: text('What prompted the review', 'what prompted the review'),
  'triggers.#': text('What prompted the review', 'what prompted the review'),
  checks: choice('What you checked', 'what you found'),
  analysis: text('Analysis', 'the analysis'),
  decision: text('Decision', 'the decision'),
  actions: text('Actions', 'the actions'),
  'actions.#.text': text('Action', 'what the action is'),
  'actions.#.owner': text('Action owner', 'who owns the action'),
  'actions.#.due': date('Due date of the action', 'the due date of the action'),
  nextReviewDate: date('Next review date', 'the next review date'),
  ndeliusContactCode: text('nDelius contact code', 'the nDelius contact code', 'nDelius contact code must be letters and numbers only, 10 at most'),
  ndeliusContactId: text('nDelius contact ID', 'the nDelius contact ID'),
  reason: text('Reason', 'the reason'),
};

const extract: Record<string, FieldName> = {
  paths: choice('Files', 'the extract’s CSV files'),
  'paths.#': choice('Files', 'the extract’s CSV files'),
  encoding: choice('Encoding', 'the encoding of the files'),
};

/** Field names per operation, by path with `#` for a list index. */
export const fieldNames: Readonly<Record<string, Readonly<Record<string, FieldName>>>> = {
  'import:preview': extract,
  'import:commit': extract,
  'reviews:record': review,
  'reviews:amend': { ...review, reason: text('Reason for the correction', 'the reason for the correction') },
  'reviews:withdraw': { reason: text('Reason', 'the reason for withdrawing the review') },
  'log:export': {
    from: date('Start date', 'the start date', 'Start date must be the same as or before the end date'),
    to: date('End date', 'the end date'),
    team: text('Team code', 'the team code'),
    practitioner: text('Practitioner staff code', 'the practitioner staff code'),
    rule: text('Rule', 'the rule'),
    format: choice('Format', 'the format'),
    purpose: text('Why the log is disclosed', 'why the log is being disclosed'),
    recipient: text('Who the log is for', 'who the log is for'),
  },
  'audit:list': {
    operation: choice('Operation', 'an operation'),
    user: text('User', 'the user'),
    crn: text('CRN', 'the CRN', 'CRN must be one letter and six digits, like X123456'),
    from: date('From date', 'the from date'),
    to: date('To date', 'the to date'),
  },
  'sample:create': {
    size: number('Number of reviews', 'how many reviews to sample, from 1 to 500'),
    seed: number('Seed', 'the seed as a whole number'),
    from: date('First review date', 'the first review date'),
    to: date('Last review date', 'the last review date', 'Last review date must be the same as or after the first review date'),
    team: text('Team code', 'the team code'),
  },
  'sample:record': {
    outcome: choice('Overall judgement', 'the overall judgement'),
    note: text('Note', 'the note'),
    checks: choice('Checklist', 'an answer for each question'),
    'checks.#.note': text('Note on the question', 'the note'),
  },
  'profile:set': {
    name: text('Your name', 'your name'),
    staffCode: text('Staff code', 'your staff code', 'Staff code must be letters and numbers only, 20 at most'),
    teamCode: text('Team code', 'your team code', 'Team code must be letters and numbers only, 20 at most'),
  },
  'settings:set': {
    key: choice('Setting', 'the setting'),
    value: text('New value', 'the new value'),
    reason: text('Reason for the change', 'the reason for the change'),
  },
};

/** `nextReviewDate` → "Next review date": for a field no operation names. */
function spoken(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((p) => typeof p === 'string') ?? 'answer';
  const words = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function nameOf(op: string, path: readonly PropertyKey[]): FieldName {
  const key = path.map((p) => (typeof p === 'number' ? '#' : String(p))).join('.');
  const known = fieldNames[op]?.[key];
  if (known) return known;
  const name = spoken(path);
  return { name, ask: name.toLowerCase(), kind: 'text' };
}

const fewer = (n: number): string => `${n.toLocaleString('en-GB')} characters or fewer`;

/** One schema issue in GOV.UK words, for the field named by its path. */
export function plainIssue(op: string, issue: z.core.$ZodIssue): string {
  const f = nameOf(op, issue.path);
  // zod leaves the input out of its issues, so a missing value shows as a wrong type.
  const ask = (f.kind === 'choice' ? 'Select ' : 'Enter ') + f.ask;
  const notARealDate = issue.code === 'invalid_format' || (issue.code === 'custom' && issue.params?.['notARealDate'] === true);
  switch (f.kind) {
    case 'date':
      if (issue.code === 'invalid_type') return ask;
      if (notARealDate) return `${f.name} must be a real date`;
      // Any other refusal of a real date is a rule between fields.
      return f.refused ?? `${f.name} is not in the period asked for`;
    case 'choice':
      return ask;
    case 'number':
      if (issue.code === 'invalid_type' || issue.code === 'too_small' || issue.code === 'too_big') return `Enter ${f.ask}`;
      return `${f.name} must be a whole number`;
    case 'text':
      if (issue.code === 'too_big' && issue.origin === 'string') return `${f.name} must be ${fewer(Number(issue.maximum))}`;
      if (issue.code === 'too_big') return `${f.name} has too many entries`;
      if (issue.code === 'invalid_type' || (issue.code === 'too_small' && issue.origin === 'string')) return ask;
      return f.refused ?? `Enter ${f.ask} in the right format`;
  }
}

/** Every issue of a refused input, one per field (the first, as the form shows one message a field). */
export function fieldProblems(op: string, error: z.ZodError): FieldProblem[] {
  const seen = new Set<string>();
  const out: FieldProblem[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, message: plainIssue(op, issue) });
  }
  return out;
}
