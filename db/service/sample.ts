import { DomainError } from '../errors.js';
import { SampleStore, type Who } from '../sample/store.js';
import { auditTrail } from './audit.js';
import type { CallContext, Handlers, ServiceDeps } from './types.js';

type SampleOps = 'sample:create' | 'sample:record' | 'sample:list' | 'sample:get';

/** Audit samples of reviewed cases for quality assurance; every write is logged in its own transaction. */
export function sampleHandlers(deps: ServiceDeps): Pick<Handlers, SampleOps> {
  const store = new SampleStore(deps.db);
  const audit = auditTrail(deps);
  const who = (ctx: CallContext): Who => ({ osUser: deps.osUser, appUser: ctx.appUser ?? null, now: deps.now });
  return {
    'sample:create': (input, ctx) =>
      Promise.resolve(store.create(input, who(ctx), (s) => { audit.write('sample:create', input, s, ctx); })),
    'sample:record': (input, ctx) =>
      Promise.resolve(store.record(input, who(ctx), (s) => { audit.write('sample:record', input, s, ctx); })),
    'sample:list': () => Promise.resolve(store.list()),
    'sample:get': (input) => {
      const sample = store.get(input.id);
      if (!sample) throw new DomainError('not-found', `id: no audit sample ${input.id}`, 'id');
      return Promise.resolve(sample);
    },
  };
}
