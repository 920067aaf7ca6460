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

describe('dispatch: refused input in plain words', () => {
  const handlers = {} as unknown as Handlers;

  it('keeps the engine line for the CLI and gives each refused field a GOV.UK message a form can show', async () => {
    const result = await dispatch(handlers, 'reviews:record', {
      crn: 'X123456',
      type: 'management-oversight',
      date: '2026-02-31',
      spo: { name: 'Sam' },
      decision: '',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'date', message: 'date: not a calendar date' } });
    if (result.ok) return;
    expect(result.error.fields).toEqual([
      { field: 'date', message: 'Date of review must be a real date' },
      { field: 'decision', message: 'Enter the decision' },
    ]);
  });

  it('names a field inside a list and an over-long text with its limit', async () => {
    const result = await dispatch(handlers, 'reviews:withdraw', { id: 1, reason: 'x'.repeat(2001) });
    expect(result.ok ? [] : result.error.fields).toEqual([{ field: 'reason', message: 'Reason must be 2,000 characters or fewer' }]);
    const audit = await dispatch(handlers, 'audit:list', { from: '2026-13-01', to: 'soon' });
    expect(audit.ok ? [] : audit.error.fields).toEqual([
      { field: 'from', message: 'From date must be a real date' },
      { field: 'to', message: 'To date must be a real date' },
    ]);
  });
});
