import { describe, expect, it } from 'vitest';
import { memoryDb } from '../testing/extract.js';
import { hostCaller, isOperation } from './host-call.js';
import { createService } from './index.js';
import type { CallContext } from './types.js';

function recording() {
  const service = createService({ db: memoryDb(), osUser: 'spo-test', now: () => new Date('2026-11-20T10:00:00Z'), dataDir: '/nonexistent' });
  const contexts: CallContext[] = [];
  const call = service.call.bind(service);
  service.call = (op, input, ctx) => {
    if (op !== 'profile:get') contexts.push(ctx ?? {});
    return call(op, input, ctx);
  };
  return { service, contexts };
}

describe('a call from the renderer through a host', () => {
  it('is validated by the contract, never trusted', async () => {
    const { service } = recording();
    const call = hostCaller(service);
    expect(await call('profile:set', { name: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'name' } });
    expect(await call('caseload:summary', 'not an object')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('names the app user once they have said who they are', async () => {
    const { service, contexts } = recording();
    const call = hostCaller(service);
    await call('caseload:summary', {});
    await call('profile:set', { name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' });
    await call('caseload:summary', {});
    expect(contexts.map((c) => c.appUser)).toEqual([undefined, undefined, 'Sam Senior (N99S001)']);
  });

  it('passes progress through for long operations', async () => {
    const { service, contexts } = recording();
    const onProgress = () => undefined;
    await hostCaller(service)('caseload:summary', {}, onProgress);
    expect(contexts[0]?.onProgress).toBe(onProgress);
  });

  it('knows the contract operations and nothing else', () => {
    expect(isOperation('import:commit')).toBe(true);
    expect(isOperation('__proto__')).toBe(false);
    expect(isOperation('toString')).toBe(false);
    expect(isOperation('sql:run')).toBe(false);
  });
});
