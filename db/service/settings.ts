import { londonToday } from '../contract/dates.js';
import { DomainError } from '../errors.js';
import { refreshFlags } from '../rules/refresh.js';
import { changeSetting, loadPolicy, settingViews, settingsHistory } from '../rules/settings-store.js';
import type { HandlerDeps, Handlers } from './types.js';

type SettingOps = 'settings:get' | 'settings:set' | 'settings:history';

export function settingsHandlers(deps: HandlerDeps): Pick<Handlers, SettingOps> {
  return {
    'settings:get': () => Promise.resolve(settingViews(loadPolicy(deps.db))),
    'settings:set': (input, ctx) => {
      // The change, its history row, its audit entry and today's flags under the new policy commit together.
      const view = deps.uow.run('settings:set', input, ctx, () => {
        const after = changeSetting(deps.db, {
          key: input.key,
          value: input.value,
          reason: input.reason,
          osUser: deps.osUser,
          appUser: ctx.appUser ?? null,
          at: deps.now().toISOString(),
        });
        refreshFlags(deps.db, { asOf: londonToday(deps.now()), now: deps.now });
        const changed = settingViews(after).find((s) => s.key === input.key);
        if (!changed) throw new DomainError('not-found', `no setting ${input.key}`, 'key');
        return changed;
      });
      return Promise.resolve(view);
    },
    'settings:history': (input) => Promise.resolve(settingsHistory(deps.db, { key: input.key, limit: input.limit })),
  };
}
