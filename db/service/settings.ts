import { londonToday } from '../contract/dates.js';
import { DomainError } from '../errors.js';
import { refreshFlags } from '../rules/refresh.js';
import { changeSetting, loadPolicy, settingViews, settingsHistory } from '../rules/settings-store.js';
import type { Handlers, ServiceDeps } from './types.js';

type SettingOps = 'settings:get' | 'settings:set' | 'settings:history';

export function settingsHandlers(deps: ServiceDeps): Pick<Handlers, SettingOps> {
  return {
    'settings:get': () => Promise.resolve(settingViews(loadPolicy(deps.db))),
    'settings:set': (input, ctx) => {
      // The change, its history row and today's flags under the new policy commit together.
      const policy = deps.db.transaction(() => {
        const after = changeSetting(deps.db, {
          key: input.key,
          value: input.value,
          reason: input.reason,
          osUser: deps.osUser,
          appUser: ctx.appUser ?? null,
          at: deps.now().toISOString(),
        });
        refreshFlags(deps.db, { asOf: londonToday(deps.now()), now: deps.now });
        return after;
      })();
      const view = settingViews(policy).find((s) => s.key === input.key);
      if (!view) throw new DomainError('not-found', `no setting ${input.key}`, 'key');
      return Promise.resolve(view);
    },
    'settings:history': (input) => Promise.resolve(settingsHistory(deps.db, { key: input.key, limit: input.limit })),
  };
}
