import { describe, expect, it } from 'vitest';
import type { CallContext, Handlers } from './types.js';
import { dispatch } from './dispatch.js';

describe('dispatch', () => {
  const handlers = { 'caseload:summary': () => Promise.resolve({ cases: 3 }) } as unknown as Handlers;

  it('answers the result of a call whose audit entries were written', async () => {
    const asked: [string, CallContext][] = [];
    const result = await dispatch(handlers, 'caseload:summary', {}, { appUser: 'Sam' }, (op, call) => {
      asked.push([op, call]);
      return false;
    });
    expect(result).toEqual({ ok: true, value: { cases: 3 } });
    expect(asked).toEqual([['caseload:summary', { appUser: 'Sam' }]]);
  });

  it('withholds the answer of a logged call whose handler wrote no audit entry: what is not logged is not shown', async () => {
    const original = console.error;
    console.error = () => undefined;
    try {
      const result = await dispatch(handlers, 'caseload:summary', {}, {}, () => true);
      expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(JSON.stringify(result)).not.toContain('cases');
    } finally {
      console.error = original;
    }
  });

  it('refuses an unknown operation and input the contract rejects, naming the field', async () => {
    expect(await dispatch(handlers, 'nope' as 'caseload:summary', {})).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'unknown operation: nope' } });
    expect(await dispatch(handlers, 'import:commit', { paths: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'paths' } });
  });
});
