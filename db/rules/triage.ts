import type { CaseRuleId, EffectiveRosh, MappaLevel } from '../contract/index.js';

/**
 * The queue's default order (issue 14, "risk-first triage"): which high-risk and MAPPA level 1
 * cases has nobody senior looked at? First the cases in scope of SPO oversight — very high RoSH,
 * then high, then MAPPA level 1 at a lower RoSH — then cases whose RoSH is unknown, then the
 * rest; within each, the safety rules before the others; then the most overdue first.
 */

/** The rules that keep people safe: SPO oversight, the MAPPA level 1 review, the police and children's-services checks. */
export const safetyRules: ReadonlySet<CaseRuleId> = new Set<CaseRuleId>([
  'OVERSIGHT-NEW',
  'OVERSIGHT-OVERDUE',
  'MAPPA-L1-REVIEW',
  'DA-POLICE-CHECK',
  'CHILD-SAFEGUARDING-CHECK',
]);

/** 0 very high RoSH, 1 high, 2 MAPPA level 1 at a lower RoSH, 3 RoSH unknown, 4 the rest. */
export function riskTier(rosh: EffectiveRosh, mappaLevel: MappaLevel | null): number {
  if (rosh === 'VERY_HIGH') return 0;
  if (rosh === 'HIGH') return 1;
  if (mappaLevel === 'M1') return 2;
  return rosh === 'UNKNOWN' ? 3 : 4;
}

/** A flag's place in the default order before its due date: the risk tier, then safety rules first. */
export function triageRank(rosh: EffectiveRosh, mappaLevel: MappaLevel | null, rule: CaseRuleId): number {
  return riskTier(rosh, mappaLevel) * 2 + (safetyRules.has(rule) ? 0 : 1);
}
