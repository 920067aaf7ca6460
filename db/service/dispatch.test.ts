import { describe, expect, it } from 'vitest';
import type { Handlers } from './types.js';
import { dispatch, type AuditHook } from './dispatch.js';

describe('dispatch', () => {
  const handlers = { 'caseload:summary': () => Promise.resolve({ cases: 3 }) } as unknown as Handlers;

  it('answers the result once its audit entry is written', async () => {
    const order: string[] = [];
    const audit: AuditHook = (op) => {
      order.push(op);
    };
    expect(await dispatch(handlers, 'caseload:summary', {}, {}, audit)).toEqual({ ok: true, value: { cases: 3 } });
    expect(order).toEqual(['caseload:summary']);
  });

  it('answers an error, not the result, when the audit entry cannot be written: what cannot be logged is not shown', async () => {
    const audit: AuditHook = () => {
      throw new Error('disk full');
    };
    const result = await dispatch(handlers, 'caseload:summary', {}, {}, audit);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('cases');
  });

  it('refuses an unknown operation and input the contract rejects, naming the field', async () => {
    expect(await dispatch(handlers, 'nope' as 'caseload:summary', {})).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'unknown operation: nope' } });
    expect(await dispatch(handlers, 'import:commit', { paths: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'paths' } });
  });
});
