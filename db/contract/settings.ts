/** The policy settings the rules use, each with its basis, and the history of changes. */
import { z } from 'zod';
import { settingKeys } from './rules.js';
import type { SettingBasis, SettingKey, SettingValue } from './rules.js';

export interface SettingView {
  key: SettingKey;
  value: SettingValue;
  default: SettingValue;
  isDefault: boolean;
  unit: string;
  description: string;
  basis: SettingBasis;
  /** DOMAIN.md's words on where the default comes from. */
  basisNote: string;
}

export const settingsSetInput = z.object({
  key: z.enum(settingKeys),
  /** Checked against the setting's own schema by the handler. */
  value: z.unknown(),
  reason: z.string().trim().min(1, 'give a reason for the change'),
});

export const settingsHistoryInput = z.object({
  key: z.enum(settingKeys).optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});

export interface SettingsHistoryEntry {
  id: number;
  at: string;
  osUser: string;
  appUser: string | null;
  key: string;
  old: SettingValue;
  new: SettingValue;
  reason: string;
}

export const settingsInputs = {
  'settings:get': z.object({}),
  'settings:set': settingsSetInput,
  'settings:history': settingsHistoryInput,
} as const satisfies Record<keyof SettingsResults, z.ZodType>;

export interface SettingsResults {
  'settings:get': SettingView[];
  'settings:set': SettingView;
  'settings:history': SettingsHistoryEntry[];
}
