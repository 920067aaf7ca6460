import type { Policy, SettingKey, SettingValue, SettingView, SettingsHistoryEntry } from '../contract/index.js';
import type { Db } from '../connection.js';
import { DomainError } from '../errors.js';
import { settingName } from '../contract/words/settings.js';
import { defaultPolicy, policyProblem, sameValue, settingDef, settingList, validateSetting } from './policy.js';

/**
 * The policy in force: the defaults of db/rules/policy.ts with the overrides in `settings`. Only
 * changed values are stored, so a better default in a new version of the app reaches every
 * setting nobody changed.
 */
export function loadPolicy(db: Db): Policy {
  const policy = defaultPolicy();
  const rows = db.prepare<[], { key: string; value_json: string }>(`SELECT key, value_json FROM settings`).all();
  for (const { key, value_json } of rows) {
    if (!settingList.some((d) => d.key === key)) continue; // a setting a later version removed
    const checked = validateSetting(key as SettingKey, JSON.parse(value_json));
    // Only validated values are ever written; anything else is damage, not a choice to honour quietly.
    if (!checked.ok) throw new Error(`stored setting ${key} is not valid: ${checked.message}`);
    (policy as unknown as Record<string, SettingValue>)[key] = checked.value;
  }
  return policy;
}

export function settingViews(policy: Policy): SettingView[] {
  return settingList.map((d) => ({
    key: d.key,
    value: policy[d.key],
    default: structuredClone(d.default),
    isDefault: sameValue(policy[d.key], d.default),
    unit: d.unit,
    description: d.description,
    basis: d.basis,
    basisNote: d.basisNote,
  }));
}

export interface SettingChange {
  key: SettingKey;
  value: unknown;
  reason: string;
  osUser: string;
  appUser: string | null;
  at: string;
}

/**
 * Validates and stores one change with its reason in `settings_history`. A value equal to the
 * default removes the override; a value equal to the one in force records nothing. Refuses a value that breaks another setting (a referral need with
 * no referral codes). Returns the policy now in force. Runs in the caller's transaction if any.
 */
export function changeSetting(db: Db, change: SettingChange): Policy {
  const checked = validateSetting(change.key, change.value);
  if (!checked.ok) throw new DomainError('invalid-input', `${settingName(change.key)}: ${checked.message}`, 'value');
  const reason = change.reason.trim();
  if (!reason) throw new DomainError('invalid-input', 'give a reason for the change', 'reason');
  // A person reads the message: the setting is named in words, with the key a command line was given.
  return db.transaction(() => {
    const before = loadPolicy(db);
    if (sameValue(before[change.key], checked.value)) return before; // nothing changes, so nothing to record
    const after: Policy = { ...before, [change.key]: checked.value };
    const problem = policyProblem(after);
    if (problem) throw new DomainError('invalid-input', problem, 'value');
    const def = settingDef(change.key);
    if (sameValue(checked.value, def.default)) db.prepare(`DELETE FROM settings WHERE key = ?`).run(change.key);
    else {
      db.prepare(`INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json`).run(
        change.key,
        JSON.stringify(checked.value),
      );
    }
    db.prepare(`INSERT INTO settings_history (at, os_user, app_user, key, old_json, new_json, reason) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
      change.at,
      change.osUser,
      change.appUser,
      change.key,
      JSON.stringify(before[change.key]),
      JSON.stringify(checked.value),
      reason,
    );
    return after;
  })();
}

export function settingsHistory(db: Db, opts: { key?: SettingKey | undefined; limit: number }): SettingsHistoryEntry[] {
  const rows = db
    .prepare<
      { key: string | null; limit: number },
      { id: number; at: string; os_user: string; app_user: string | null; key: string; old_json: string; new_json: string; reason: string }
    >(`SELECT id, at, os_user, app_user, key, old_json, new_json, reason FROM settings_history WHERE @key IS NULL OR key = @key ORDER BY id DESC LIMIT @limit`)
    .all({ key: opts.key ?? null, limit: opts.limit });
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    osUser: r.os_user,
    appUser: r.app_user,
    key: r.key,
    old: JSON.parse(r.old_json) as SettingValue,
    new: JSON.parse(r.new_json) as SettingValue,
    reason: r.reason,
  }));
}
