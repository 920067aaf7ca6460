import { describe, expect, it } from 'vitest';
import { auditInput, auditPageSize } from './audit.js';

describe('the audit log filters', () => {
  it('send only what was given, with the CRN in capitals, a page at a time', () => {
    expect(auditInput({ operation: '', user: ' ', crn: ' x123456 ', from: '2026-11-01', to: '' }, 50)).toEqual({
      crn: 'X123456',
      from: '2026-11-01',
      offset: 50,
      limit: auditPageSize,
    });
    expect(auditInput({ operation: 'disclosure', user: 'Sam', crn: '', from: '', to: '' }, 0)).toEqual({ operation: 'disclosure', user: 'Sam', offset: 0, limit: auditPageSize });
  });
});
