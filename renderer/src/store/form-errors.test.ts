import { describe, expect, it } from 'vitest';
import { checkDate, checkText, noErrors, plainMessage, problemWords, refusedFields } from './form-errors.js';

describe('a form’s problems', () => {
  it('keeps a date field’s message and its wrong boxes', () => {
    const e = noErrors<'from'>();
    expect(checkDate(e, 'from', { day: '31', month: '2', year: '2026' }, { name: 'Start date', missing: 'Enter the start date' })).toBe('');
    expect(e).toEqual({ messages: { from: 'Start date must be a real date' }, parts: { from: ['day'] } });
  });

  it('asks for an empty required text and gives the limit of an over-long one', () => {
    const e = noErrors<'purpose' | 'recipient'>();
    checkText(e, 'purpose', ' ', { name: 'Purpose', missing: 'Enter the purpose' }, 10);
    checkText(e, 'recipient', 'x'.repeat(1201), { name: 'Recipient' }, 1200);
    expect(e.messages).toEqual({ purpose: 'Enter the purpose', recipient: 'Recipient must be 1,200 characters or fewer' });
  });

  it('puts the service’s plain words on the fields it names and never shows the engine’s message', () => {
    const refused = refusedFields(
      { code: 'invalid-input', field: 'to', message: 'to: not a calendar date', fields: [{ field: 'to', message: 'End date must be a real date' }, { field: 'out', message: 'x' }] },
      ['from', 'to'],
      ['from', 'to'],
    );
    expect(refused).toEqual({ messages: { to: 'End date must be a real date' }, parts: { to: ['day', 'month', 'year'] } });
    const words = problemWords({ code: 'io', message: 'out: cannot write /x: EACCES' }, 'The log was not exported');
    expect(words).not.toMatch(/EACCES|out:/);
  });

  it('keeps an engine message that names a file, without the field prefix, but never a bug’s', () => {
    expect(plainMessage({ code: 'invalid-input', field: 'paths', message: 'paths: no CSV files in /tmp/x' }, 'The extract was not checked')).toBe('No CSV files in /tmp/x');
    expect(plainMessage({ code: 'internal', message: 'import:preview failed unexpectedly' }, 'The extract was not checked')).not.toContain('import:preview');
  });
});
