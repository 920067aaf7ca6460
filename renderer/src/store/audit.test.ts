import { describe, expect, it } from 'vitest';
import { auditInput, auditPageSize, checkAuditFilters } from './audit.js';

const none = { day: '', month: '', year: '' };

describe('the audit log filters', () => {
  it('send only what was given, with the CRN in capitals, a page at a time', () => {
    expect(auditInput({ operation: '', user: ' ', crn: ' x123456 ', from: { day: '1', month: '11', year: '2026' }, to: none }, 50)).toEqual({
      crn: 'X123456',
      from: '2026-11-01',
      offset: 50,
      limit: auditPageSize,
    });
    expect(auditInput({ operation: 'disclosure', user: 'Sam', crn: '', from: none, to: none }, 0)).toEqual({ operation: 'disclosure', user: 'Sam', offset: 0, limit: auditPageSize });
  });

  it('say in plain words which filter is wrong, and which part of a date', () => {
    const e = checkAuditFilters({ operation: '', user: 'u'.repeat(201), crn: 'X12', from: { day: '31', month: '2', year: '2026' }, to: { day: '1', month: '', year: '2026' } });
    expect(e.messages).toEqual({
      user: 'User must be 200 characters or fewer',
      crn: 'CRN must be one letter and six digits, like X123456',
      from: 'From date must be a real date',
      to: 'To date must include a month',
    });
    expect(e.parts).toEqual({ from: ['day'], to: ['month'] });
    const backwards = checkAuditFilters({ operation: '', user: '', crn: '', from: { day: '2', month: '11', year: '2026' }, to: { day: '1', month: '11', year: '2026' } });
    expect(backwards.messages).toEqual({ to: 'To date must be the same as or after the from date' });
  });
});
