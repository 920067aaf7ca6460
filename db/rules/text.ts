import type { EffectiveRosh, FlagSettingUsed, Policy, SettingKey } from '../contract/index.js';
import { settingDef } from './policy.js';

/** Words for the reasons and explanations; kept apart so the rules read as rules. */

export const roshLabel: Record<EffectiveRosh, string> = {
  VERY_HIGH: 'Very high RoSH',
  HIGH: 'High RoSH',
  MEDIUM: 'Medium RoSH',
  LOW: 'Low RoSH',
  UNKNOWN: 'Unknown RoSH',
};

export const reviewTypeLabel: Record<string, string> = {
  'management-oversight': 'management oversight review',
  'allocation-oversight': 'allocation oversight review',
  'mappa-l1-review': 'MAPPA level 1 review',
};

export function reviewLabel(type: string): string {
  return `${reviewTypeLabel[type] ?? `${type} review`} recorded in the app`;
}

/** "A", "A or B", "A, B or C". */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function settingsUsed(policy: Policy, keys: readonly SettingKey[]): FlagSettingUsed[] {
  return keys.map((key) => {
    const d = settingDef(key);
    return { key, value: policy[key], basis: d.basis, basisNote: d.basisNote };
  });
}
