import { describe, expect, it } from 'vitest';
import { auditFieldError } from './field-errors.js';

describe('the audit log filters’ errors', () => {
  it('name the filter in plain words, without the engine’s text', () => {
    expect(auditFieldError({ code: 'invalid-input', message: 'to: not a calendar date', field: 'to' })).toEqual({
      field: 'to',
      text: 'The to date must be a real date, written like 2026-11-30',
    });
    expect(auditFieldError({ code: 'invalid-input', message: 'crn: expected a CRN: one letter and six digits', field: 'crn' })?.text).not.toContain('expected');
  });

  it('leave a problem that is about no filter to the page', () => {
    expect(auditFieldError({ code: 'internal', message: 'audit:list failed unexpectedly' })).toBeNull();
  });
});
