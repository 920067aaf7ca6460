import { DomainError } from '../errors.js';
import { SampleStore, type Who } from '../sample/store.js';
import type { CallContext, HandlerDeps, Handlers } from './types.js';

type SampleOps = 'sample:create' | 'sample:record' | 'sample:list' | 'sample:get';

/** Audit samples of reviewed cases for quality assurance; every write and reading is logged in its unit of work. */
export function sampleHandlers(deps: HandlerDeps): Pick<Handlers, SampleOps> {
  const store = new SampleStore(deps.db);
  const { uow } = deps;
  const profile = deps.db.prepare<[string], { name: string; staff_code: string }>('SELECT name, staff_code FROM app_users WHERE os_user = ?');
  const who = (ctx: CallContext): Who => {
    const p = profile.get(deps.osUser);
    return { osUser: deps.osUser, appUser: ctx.appUser ?? null, now: deps.now, reader: p ? { name: p.name, staffCode: p.staff_code } : null };
  };
  return {
    'sample:create': (input, ctx) => Promise.resolve(uow.run('sample:create', input, ctx, () => store.create(input, who(ctx)))),
    'sample:record': (input, ctx) => Promise.resolve(uow.run('sample:record', input, ctx, () => store.record(input, who(ctx)))),
    'sample:list': () => Promise.resolve(store.list()),
    'sample:get': (input, ctx) =>
      Promise.resolve(
        uow.run('sample:get', input, ctx, () => {
          const sample = store.get(input.id);
          if (!sample) throw new DomainError('not-found', `id: no audit sample ${input.id}`, 'id');
          return sample;
        }),
      ),
  };
}
