import type { FlagEvidence } from '../../contract/index.js';
import { reviewLabel } from '../text.js';

/** A piece of evidence for a rule: a contact (by code) or an app review (by type). */
export interface Dated {
  date: string;
  kind: 'contact' | 'review';
  code: string;
}

export const later = (a: string, b: string): string => (a > b ? a : b);

export const describe = (e: Dated): string => (e.kind === 'contact' ? `${e.code} contact` : reviewLabel(e.code));

export const asEvidence = (e: Dated, note: string): FlagEvidence => ({ source: e.kind, code: e.code, date: e.date, note });

/** The latest item; on the same day, the lowest code, so the choice never depends on input order. */
export function latestOf(items: readonly Dated[]): Dated | null {
  let best: Dated | null = null;
  for (const i of items) if (!best || i.date > best.date || (i.date === best.date && i.code < best.code)) best = i;
  return best;
}
