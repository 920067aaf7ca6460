import type { FlagSettingUsed, Policy, SettingKey } from '../contract/index.js';
import { isReviewType, reviewTypeInSentence } from '../contract/words/index.js';
import { settingDef } from './policy.js';

/** Words for the reasons and explanations; kept apart so the rules read as rules. */

export function reviewLabel(type: string): string {
  return `${isReviewType(type) ? reviewTypeInSentence(type) : `${type} review`} recorded in the app`;
}

/** "A", "A or B", "A, B or C". */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}

export function settingsUsed(policy: Policy, keys: readonly SettingKey[]): FlagSettingUsed[] {
  return keys.map((key) => {
    const d = settingDef(key);
    return { key, value: policy[key], basis: d.basis, basisNote: d.basisNote };
  });
}
