import { describe, expect, it } from 'vitest';
import { fieldProblems } from './field-problems.js';
import { inputs } from './index.js';

const refused = (op: keyof typeof inputs, input: unknown) => {
  const parsed = inputs[op].safeParse(input);
  if (parsed.success) throw new Error(`${op} accepted ${JSON.stringify(input)}`);
  return fieldProblems(op, parsed.error);
};

/** What an engine message looks like: a field key and a colon, or zod's own words. */
const engineText = /\b[a-z]+[A-Z]\w*:|expected|invalid|zod|undefined|calendar/i;

describe('refused input in GOV.UK words', () => {
  it('asks for an empty required field with "Enter" or "Select"', () => {
    const problems = refused('reviews:record', { crn: 'X123456', date: '2026-01-01', spo: { name: ' ' }, decision: '' });
    expect(problems).toEqual([
      { field: 'type', message: 'Select the type of review' },
      { field: 'spo.name', message: 'Enter the name of the SPO who did the review' },
      { field: 'decision', message: 'Enter the decision' },
    ]);
  });

  it('says an impossible date must be a real date, also inside a list of actions', () => {
    const problems = refused('reviews:record', {
      crn: 'X123456',
      type: 'management-oversight',
      date: '2026-02-31',
      spo: { name: 'Sam' },
      decision: 'd',
      actions: [{ text: 't', owner: 'o', due: '31/02/2026' }],
    });
    expect(problems).toEqual([
      { field: 'date', message: 'Date of review must be a real date' },
      { field: 'actions.0.due', message: 'Due date of the action must be a real date' },
    ]);
  });

  it('gives the limit of an over-long text as GOV.UK writes a number', () => {
    expect(refused('reviews:amend', { id: 1, reason: 'r', analysis: 'a'.repeat(20_001) })).toEqual([{ field: 'analysis', message: 'Analysis must be 20,000 characters or fewer' }]);
  });

  it('words a rule between two dates for the field it is about', () => {
    expect(refused('sample:create', { size: 5, from: '2026-03-02', to: '2026-03-01' })).toEqual([
      { field: 'to', message: 'Last review date must be the same as or after the first review date' },
    ]);
    expect(refused('log:export', { out: 'x', from: '2026-03-02', to: '2026-03-01' })).toEqual([
      { field: 'from', message: 'Start date must be the same as or before the end date' },
    ]);
  });

  it('never lets engine text through, even for a field no operation names', () => {
    const problems = [
      ...refused('profile:set', { name: '', staffCode: 'no spaces!', teamCode: 'x'.repeat(30) }),
      ...refused('sample:create', { size: 0, from: 'x', to: '' }),
      ...refused('import:commit', { paths: 'x' }),
      ...refused('settings:set', { key: 'nope', value: 1, reason: '' }),
    ];
    expect(problems.length).toBeGreaterThan(6);
    for (const p of problems) expect(p.message).not.toMatch(engineText);
  });
});
