import type { OpError, SettingKey, SettingView, SettingsHistoryEntry } from '../../../db/contract/index.js';
import type { Slice } from './types.js';

export interface SettingsState {
  list: SettingView[] | null;
  history: SettingsHistoryEntry[] | null;
  loading: boolean;
  error: OpError | null;
  /** The setting whose change form is open. */
  editing: SettingKey | null;
  saving: boolean;
  /** The last change saved, for the confirmation. */
  saved: SettingKey | null;
}

export interface SettingsSlice {
  settingsScreen: SettingsState;
  openSettings: () => Promise<void>;
  editSetting: (key: SettingKey | null) => void;
  /** Changes one setting with its reason; answers the service's error, if any, for the form to show. */
  saveSetting: (key: SettingKey, value: unknown, reason: string) => Promise<OpError | null>;
}

const initial: SettingsState = { list: null, history: null, loading: false, error: null, editing: null, saving: false, saved: null };

export const settingsSlice: Slice<SettingsSlice> = (client) => (set, get) => {
  const patch = (p: Partial<SettingsState>) => {
    set((s) => ({ settingsScreen: { ...s.settingsScreen, ...p } }));
  };
  const load = async () => {
    patch({ loading: true, error: null });
    const [list, history] = await Promise.all([client.call('settings:get', {}), client.call('settings:history', {})]);
    if (!list.ok) patch({ loading: false, error: list.error });
    else if (!history.ok) patch({ loading: false, error: history.error });
    else patch({ loading: false, list: list.value, history: history.value });
  };
  return {
    settingsScreen: initial,
    openSettings: async () => {
      patch({ editing: null, saved: null });
      await load();
    },
    editSetting: (key) => {
      patch({ editing: key, saved: null });
    },
    saveSetting: async (key, value, reason) => {
      patch({ saving: true });
      const result = await client.call('settings:set', { key, value, reason });
      if (!result.ok) {
        patch({ saving: false });
        return result.error;
      }
      patch({ saving: false, editing: null, saved: key });
      await load();
      return get().settingsScreen.error;
    },
  };
};
