import { describe, expect, it } from 'vitest';
import type { Handlers } from './types.js';
import { dispatch, type AuditHook } from './dispatch.js';

describe('dispatch', () => {
  it('writes the audit entry before any follow-up work a handler deferred, so a crash between them cannot lose the entry', async () => {
    const order: string[] = [];
    const handlers = {
      'caseload:summary': (_input: unknown, ctx: { afterAudit?: (work: () => void) => void }) => {
        order.push('handler');
        ctx.afterAudit?.(() => order.push('follow-up'));
        return Promise.resolve({});
      },
    } as unknown as Handlers;
    const audit: AuditHook = () => {
      order.push('audit');
    };
    const result = await dispatch(handlers, 'caseload:summary', {}, {}, audit);
    expect(result.ok).toBe(true);
    expect(order).toEqual(['handler', 'audit', 'follow-up']);
  });

  it('does no follow-up work when the audit entry cannot be written, and answers an error', async () => {
    const order: string[] = [];
    const handlers = {
      'caseload:summary': (_input: unknown, ctx: { afterAudit?: (work: () => void) => void }) => {
        ctx.afterAudit?.(() => order.push('follow-up'));
        return Promise.resolve({});
      },
    } as unknown as Handlers;
    const audit: AuditHook = () => {
      throw new Error('disk full');
    };
    const result = await dispatch(handlers, 'caseload:summary', {}, {}, audit);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(order).toEqual([]);
  });
});
