import type { FlagExplanation, Policy } from '../contract/index.js';
import { settingDef } from './policy.js';
import { settingsUsed } from './text.js';

export interface StaffEvidence {
  staffCode: string;
  pointsAvailable: number | null;
  pointsUsed: number | null;
}

export interface StaffOutcome {
  rule: 'PRACTITIONER-CAPACITY';
  reason: string;
  /** points used / points available. */
  ratio: number;
  explanation: FlagExplanation;
}

/** PRACTITIONER-CAPACITY: points_available > 0 and points_used / points_available ≥ capacityThreshold. */
export function evaluateStaff(s: StaffEvidence, policy: Policy): StaffOutcome | null {
  const available = s.pointsAvailable ?? 0;
  if (!(available > 0)) return null;
  const used = s.pointsUsed ?? 0;
  const ratio = used / available;
  if (ratio < policy.capacityThreshold) return null;
  const percent = Math.round(ratio * 100);
  const def = settingDef('capacityThreshold');
  return {
    rule: 'PRACTITIONER-CAPACITY',
    reason: `${percent}% of available points`,
    ratio,
    explanation: {
      rule: 'PRACTITIONER-CAPACITY',
      title: 'Practitioner over capacity',
      dueDate: null,
      dueRule: `points used ${used} / points available ${available} = ${percent}%, at or above ${Math.round(policy.capacityThreshold * 100)}%`,
      evidence: [
        { source: 'staff', code: 'points_used', date: null, note: String(used) },
        { source: 'staff', code: 'points_available', date: null, note: String(available) },
      ],
      settings: settingsUsed(policy, ['capacityThreshold']),
      basis: def.basis,
      basisNote: def.basisNote,
    },
  };
}
